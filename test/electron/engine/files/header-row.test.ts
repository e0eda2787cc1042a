import { describe, expect, it } from 'vitest';

import { findHeaderRecord, isBlankRecord } from '../../../../electron/engine/files/header-row';

describe('findHeaderRecord', () => {
  it('skips title lines, padded or not, and blank lines', () => {
    expect(
      findHeaderRecord([['Reporte'], [''], ['Nombre', 'Ciudad', 'Estado'], ['Ana', 'Cali', 'open']]),
    ).toBe(2);
    expect(
      findHeaderRecord([
        ['Reporte', '', '', ''],
        ['Generado', '01/11', '', ''],
        ['a', 'b', 'c', 'd'],
        ['1', '2', '', ''],
      ]),
    ).toBe(2);
  });

  it('takes the first non-blank line of a one-column file, and -1 when all are blank', () => {
    expect(findHeaderRecord([[''], ['Correo'], ['ana@example.com']])).toBe(1);
    expect(findHeaderRecord([[''], ['', ' ']])).toBe(-1);
  });
});

describe('isBlankRecord', () => {
  it('treats cells holding only spaces as blank', () => {
    expect(isBlankRecord(['', '  ', ''])).toBe(true);
    expect(isBlankRecord(['', 'x'])).toBe(false);
  });
});
