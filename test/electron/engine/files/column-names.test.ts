import { describe, expect, it } from 'vitest';

import { nameColumns } from '../../../../electron/engine/files/column-names';

describe('nameColumns', () => {
  it('is deterministic and never reuses a name written elsewhere in the header', () => {
    const { columns, warnings } = nameColumns(['column_2', '', 'a', 'a', 'a (2)'], []);
    expect(columns).toEqual(['column_2', 'column_2 (2)', 'a', 'a (3)', 'a (2)']);
    expect(warnings).toEqual([
      { code: 'file.header-blank', params: { position: 2, column: 'column_2 (2)' } },
      { code: 'file.header-duplicate', params: { header: 'a', position: 4, column: 'a (3)' } },
    ]);
  });

  it('drops blank trailing header cells unless a sample row has data under them', () => {
    expect(nameColumns(['a', 'b', '', ''], [['1', '2', '', '']]).columns).toEqual(['a', 'b']);
    expect(nameColumns(['a', 'b', '', ''], [['1', '2', 'x']]).columns).toEqual(['a', 'b', 'column_3']);
  });
});
