import { describe, expect, it } from 'vitest';

import { partyForLists } from '../../../shared/targets/thalamus-party';

const rows = [
  { Documento: '', Categoría: 'RECL' },
  { Documento: ' 1$52123456 ', Categoría: 'SOLI' },
  { Documento: '1$79876543', Categoría: 'QUEJ' },
];

describe('the party Thalamus’s lists are read as', () => {
  it('is the first row’s party that names one, trimmed', () => {
    expect(partyForLists({ columns: { Documento: 'party' }, constants: {} }, rows)).toBe('1$52123456');
  });

  it('is the constant party when no column gives one, or no row fills it', () => {
    const constants = { party: 'maria.lopez@example.com' };
    expect(partyForLists({ columns: { Categoría: 'categoryCode' }, constants }, rows)).toBe(
      'maria.lopez@example.com',
    );
    expect(partyForLists({ columns: { Documento: 'party' }, constants }, [{ Documento: ' ' }])).toBe(
      'maria.lopez@example.com',
    );
  });

  it('is none while the mapping names no party', () => {
    expect(partyForLists({ columns: { Categoría: 'categoryCode' }, constants: { party: ' ' } }, rows)).toBe(
      undefined,
    );
  });
});
