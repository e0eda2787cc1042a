import { describe, expect, it } from 'vitest';

import {
  connectionToSave,
  draftFromSummary,
  draftProblems,
  isDirty,
  newDraft,
  secretsToSave,
} from '../../../renderer/connect/connection-draft';
import type { ConnectionSummary } from '../../../shared/contract';
import { TARGET_SPECS } from '../../../shared/targets/catalog';

const campaign = TARGET_SPECS['wolkvox-campaign'];
const cases = TARGET_SPECS['wolkvox-crm-cases'];

const saved: ConnectionSummary = {
  id: 'c1',
  name: 'Ventas',
  target: 'wolkvox-crm-cases',
  server: 'crm0001.wolkvox.com',
  operation: 'ventas',
  hasToken: true,
  isSandbox: false,
};

describe('connection drafts', () => {
  it('send trimmed values and only the fields the target uses', () => {
    const draft = newDraft('c9', 'wolkvox-campaign');
    draft.connection = {
      ...draft.connection,
      name: ' Campaña ',
      server: ' 0032 ',
      campaignId: '77',
      campaignType: 'preview',
      campaignStatus: 'active',
      operation: 'ignored',
      dailyLimit: 500,
    };
    expect(connectionToSave(draft, campaign)).toEqual({
      id: 'c9',
      name: 'Campaña',
      target: 'wolkvox-campaign',
      server: '0032',
      campaignId: '77',
      campaignType: 'preview',
      campaignStatus: 'active',
      dailyLimit: 500,
    });
  });

  it('name what is still missing, the token only while none is stored', () => {
    expect(draftProblems(newDraft('c9', 'wolkvox-crm-cases'), cases)).toEqual([
      'name',
      'server',
      'operation',
      'token',
    ]);
    expect(draftProblems(draftFromSummary(saved), cases)).toEqual([]);
    expect(
      draftProblems({ ...draftFromSummary({ ...saved, hasToken: false, isSandbox: true }) }, cases),
    ).toEqual([]);
  });

  it('never carry a token read back from a saved connection', () => {
    expect(draftFromSummary(saved).token).toBe('');
  });

  it('count as changed when a field or a typed token differs from what is saved', () => {
    const draft = draftFromSummary(saved);
    expect(isDirty(draft, saved, cases)).toBe(false);
    expect(
      isDirty({ ...draft, connection: { ...draft.connection, operation: 'ventas ' } }, saved, cases),
    ).toBe(false);
    expect(
      isDirty({ ...draft, connection: { ...draft.connection, operation: 'soporte' } }, saved, cases),
    ).toBe(true);
    expect(isDirty({ ...draft, token: 'nuevo' }, saved, cases)).toBe(true);
    expect(isDirty(newDraft('c2', 'wolkvox-crm-cases'), undefined, cases)).toBe(true);
  });
});

describe('the parties’ password of a Thalamus connection', () => {
  const thalamus: ConnectionSummary = {
    id: 't1',
    name: 'Thalamus',
    target: 'thalamus-cases',
    server: 'https://crm.example.com/thalamus',
    touchpoint: 'tp-01',
    hasToken: true,
    isSandbox: false,
    hasPartyPassword: true,
  };
  const spec = TARGET_SPECS['thalamus-cases'];

  it('is sent only when typed (spaces kept), and a saved one is kept when nothing is typed', () => {
    const draft = draftFromSummary(thalamus);
    expect(secretsToSave(draft)).toEqual({});
    expect(isDirty(draft, thalamus, spec)).toBe(false);
    const typed = { ...draft, partyPassword: ' clave con espacios ' };
    expect(secretsToSave(typed)).toEqual({ partyPassword: ' clave con espacios ' });
    expect(isDirty(typed, thalamus, spec)).toBe(true);
  });

  it('is removed with an empty value when the operator asks (passwordless touchpoints)', () => {
    const draft = { ...draftFromSummary(thalamus), removePartyPassword: true };
    expect(secretsToSave(draft)).toEqual({ partyPassword: '' });
    expect(isDirty(draft, thalamus, spec)).toBe(true);
  });

  it('is never sent for another target', () => {
    const draft = { ...draftFromSummary(saved), partyPassword: 'x' };
    expect(secretsToSave(draft)).toEqual({});
  });
});
