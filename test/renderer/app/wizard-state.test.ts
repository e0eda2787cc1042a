import { describe, expect, it } from 'vitest';

import {
  canEnter,
  initialWizardState,
  stepForJob,
  wizardReducer,
  type WizardState,
} from '../../../renderer/app/wizard-state';
import type { FileInfo, Template } from '../../../shared/contract';

const info: FileInfo = {
  path: '/tmp/a.csv',
  name: 'a.csv',
  size: 10,
  kind: 'csv',
  encoding: 'utf-8',
  bom: false,
  delimiter: ',',
  headerRow: 0,
  headers: ['A', 'B'],
  columns: ['A', 'B'],
  sheets: [],
  sheet: null,
  preview: [],
  rowCount: null,
  warnings: [],
};

const template: Template = {
  version: 1,
  name: 'a',
  target: 'wolkvox-crm-cases',
  connection: {},
  columns: { A: 'description' },
  constants: {},
  valueMaps: {},
  dateFormats: {},
  file: {},
};

const mapped: WizardState = {
  ...initialWizardState,
  step: 'map',
  connectionId: 'c1',
  target: 'wolkvox-crm-cases',
  file: { info, options: {} },
  template,
};

describe('wizard state', () => {
  it('lets the operator enter a step only when what it needs is there', () => {
    expect(canEnter(initialWizardState, 'file')).toBe(false);
    expect(wizardReducer(initialWizardState, { type: 'go', step: 'map' })).toBe(initialWizardState);
    expect(canEnter(mapped, 'check')).toBe(true);
    expect(canEnter(mapped, 'results')).toBe(false);
  });

  it('keeps the mapping when new overrides leave the columns as they were', () => {
    const next = wizardReducer(mapped, {
      type: 'file-opened',
      file: { info: { ...info, encoding: 'windows-1252' }, options: { encoding: 'windows-1252' } },
    });
    expect(next.template).toEqual({ ...template, file: { encoding: 'windows-1252' } });
  });

  it('starts the mapping over when the columns change or another target is chosen', () => {
    expect(
      wizardReducer(mapped, {
        type: 'file-opened',
        file: { info: { ...info, columns: ['A;B'] }, options: { delimiter: ';' } },
      }).template,
    ).toBeNull();
    expect(
      wizardReducer(mapped, { type: 'connection-chosen', connectionId: 'c2', target: 'wolkvox-campaign' })
        .template,
    ).toBeNull();
    expect(
      wizardReducer(mapped, { type: 'connection-chosen', connectionId: 'c3', target: 'wolkvox-crm-cases' })
        .template,
    ).toBe(template);
  });

  it('applies an edit of the template as a function of the current one', () => {
    const next = wizardReducer(mapped, {
      type: 'template-edited',
      edit: (current) => ({ ...current, name: `${current.name}!` }),
    });
    expect(next.template?.name).toBe('a!');
    expect(wizardReducer(initialWizardState, { type: 'template-edited', edit: () => template })).toBe(
      initialWizardState,
    );
  });

  it('opens a live job on Run and an ended one on Results, remembering whether the template made it', () => {
    expect(stepForJob('waiting-quota')).toBe('run');
    expect(stepForJob('stopped')).toBe('results');
    const started = wizardReducer(
      { ...mapped, view: 'history' },
      { type: 'job-opened', jobId: 'j1', status: 'running', usesTemplate: true },
    );
    expect(started).toMatchObject({ view: 'wizard', step: 'run', jobId: 'j1', jobUsesTemplate: true });
    expect(
      wizardReducer(started, { type: 'job-opened', jobId: 'j0', status: 'finished', usesTemplate: false }),
    ).toMatchObject({ step: 'results', jobUsesTemplate: false });
  });

  it('starts a new import on the File step with the same connection, and leaves the last job behind', () => {
    const finished = wizardReducer(mapped, {
      type: 'job-opened',
      jobId: 'j1',
      status: 'finished',
      usesTemplate: true,
    });
    expect(wizardReducer(finished, { type: 'new-import' })).toEqual({
      ...initialWizardState,
      step: 'file',
      connectionId: 'c1',
      target: 'wolkvox-crm-cases',
    });
    // The same columns again in another file: the mapping stays, the last job's retry note does not.
    const reopened = wizardReducer(finished, { type: 'file-opened', file: { info, options: {} } });
    expect(reopened.template).not.toBeNull();
    expect(reopened.jobUsesTemplate).toBe(false);
  });
});
