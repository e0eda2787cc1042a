import { describe, expect, it } from 'vitest';

import { METHOD_NAMES } from '../../shared/contract';
import { isMethodName, methodInputSchemas, parseMethodInput } from '../../shared/contract-schemas';

const template = {
  name: 'Casos marzo',
  target: 'wolkvox-crm-cases',
  columns: { Descripción: 'description' },
};

describe('methodInputSchemas', () => {
  it('has a schema for every contract method', () => {
    expect(Object.keys(methodInputSchemas).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('accepts nothing but undefined for methods without input', () => {
    expect(parseMethodInput('listJobs', undefined)).toEqual({ ok: true, input: undefined });
    expect(parseMethodInput('listJobs', {})).toEqual({ ok: false, path: '(input)' });
    expect(parseMethodInput('getAppInfo', null)).toEqual({ ok: false, path: '(input)' });
  });

  it('accepts a full valid input and fills the template defaults', () => {
    const parsed = parseMethodInput('startJob', {
      path: '/home/ana/casos.csv',
      options: { delimiter: ';', headerRow: 2 },
      template,
      connectionId: 'sandbox-cases',
    });
    expect(parsed).toEqual({
      ok: true,
      input: {
        path: '/home/ana/casos.csv',
        options: { delimiter: ';', headerRow: 2 },
        template: {
          version: 1,
          ...template,
          connection: {},
          constants: {},
          valueMaps: {},
          dateFormats: {},
          file: {},
        },
        connectionId: 'sandbox-cases',
      },
    });
  });

  it('refuses unknown keys at any level', () => {
    expect(parseMethodInput('pauseJob', { jobId: 'j1', force: true })).toMatchObject({ ok: false });
    expect(parseMethodInput('openFile', { path: '/a.csv', options: { quote: "'" } })).toMatchObject({
      ok: false,
    });
    expect(parseMethodInput('saveTemplate', { template: { ...template, extra: 1 } })).toMatchObject({
      ok: false,
      path: 'template',
    });
  });

  it('refuses ids that could name another folder', () => {
    for (const jobId of ['..', '../x', 'a/b', 'a\\b', '.hidden', '_proto', '', 'x'.repeat(129)]) {
      expect(parseMethodInput('getJob', { jobId }), jobId).toEqual({ ok: false, path: 'jobId' });
    }
    expect(parseMethodInput('getJob', { jobId: '2026-01-01T10.30_casos-1' })).toMatchObject({ ok: true });
  });

  it('bounds tokens to 4 KB and refuses an empty one', () => {
    const connection = { id: 'c1', name: 'CRM', target: 'wolkvox-crm-cases', server: 'crm0001.wolkvox.com' };
    expect(parseMethodInput('saveConnection', { connection, token: 't'.repeat(4096) })).toMatchObject({
      ok: true,
    });
    expect(parseMethodInput('saveConnection', { connection, token: 't'.repeat(4097) })).toEqual({
      ok: false,
      path: 'token',
    });
    expect(parseMethodInput('saveConnection', { connection, token: '' })).toEqual({
      ok: false,
      path: 'token',
    });
  });

  it('bounds result pages and refuses negative offsets', () => {
    expect(
      parseMethodInput('listResults', {
        jobId: 'j',
        offset: 0,
        limit: 1000,
        filter: { outcomes: ['failed'], classes: ['row', 'validation'] },
      }),
    ).toMatchObject({ ok: true });
    expect(parseMethodInput('listResults', { jobId: 'j', offset: 0, limit: 1001 })).toEqual({
      ok: false,
      path: 'limit',
    });
    expect(parseMethodInput('listResults', { jobId: 'j', offset: -1, limit: 10 })).toEqual({
      ok: false,
      path: 'offset',
    });
    expect(
      parseMethodInput('listResults', { jobId: 'j', offset: 0, limit: 10, filter: { outcomes: ['done'] } }),
    ).toEqual({ ok: false, path: 'filter.outcomes.0' });
  });

  it('refuses a path with a NUL byte', () => {
    expect(parseMethodInput('openFile', { path: '/tmp/a.csv\0.txt' })).toEqual({ ok: false, path: 'path' });
  });

  it('never puts the refused value in what it reports', () => {
    const secret = 'tok-' + 'z'.repeat(5000);
    const parsed = parseMethodInput('saveConnection', {
      connection: { id: 'c', name: 'n', target: 'wolkvox-crm-cases', server: 's' },
      token: secret,
    });
    expect(JSON.stringify(parsed)).not.toContain('zzzz');
  });
});

describe('isMethodName', () => {
  it('knows the contract methods and nothing inherited', () => {
    expect(isMethodName('startJob')).toBe(true);
    expect(isMethodName('constructor')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
  });
});
