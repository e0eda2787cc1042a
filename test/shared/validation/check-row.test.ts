import { describe, expect, it } from 'vitest';

import { compileMapping } from '../../../shared/mapping/compile-mapping';
import { templateSchema } from '../../../shared/template';
import { checkRow } from '../../../shared/validation/check-row';

const mapping = compileMapping(
  templateSchema.parse({ name: 't', target: 'wolkvox-campaign', columns: { Tel: 'tel1' } }),
  ['Tel'],
);

describe('checkRow', () => {
  it('returns the mapping problems of a row', () => {
    expect(checkRow(mapping, { index: 0, row: 2, cells: ['3001234567'] })).toEqual([]);
    expect(checkRow(mapping, { index: 0, row: 2, cells: ['12'] }).map((p) => p.code)).toEqual([
      'phone-too-short',
    ]);
  });

  it('counts a ragged row as a problem with the reader’s explanation, before any other', () => {
    const ragged = { code: 'validation.empty-row' as const, params: { row: 7 } };
    expect(checkRow(mapping, { index: 5, row: 7, cells: ['3001234567'], ragged })).toEqual([
      { row: 7, index: 5, code: 'ragged-row', message: ragged },
    ]);
    expect(checkRow(mapping, { index: 5, row: 7, cells: ['1'], ragged }).map((p) => p.code)).toEqual([
      'ragged-row',
      'phone-too-short',
    ]);
  });
});
