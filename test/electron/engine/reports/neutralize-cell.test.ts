import { describe, expect, it } from 'vitest';

import { neutralizeCell } from '../../../../electron/engine/reports/neutralize-cell';

describe('neutralizeCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1', `'+1`],
    ['-2', `'-2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['=', `'=`],
  ])('puts an apostrophe before a cell that would start a formula: %j', (cell, expected) => {
    expect(neutralizeCell(cell)).toBe(expected);
  });

  it.each(['', 'Cali', 'Bogotá D.C.', '3001234567', '0057', "'=already text", ' =1+1', 'a=b', 'x-1', '\nx'])(
    'leaves any other cell as it is: %j',
    (cell) => {
      expect(neutralizeCell(cell)).toBe(cell);
    },
  );
});
