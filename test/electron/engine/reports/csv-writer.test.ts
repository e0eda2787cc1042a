import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { csvLine } from '../../../../electron/engine/reports/csv-writer';

describe('csvLine', () => {
  it('joins plain cells with the delimiter and ends the record with CRLF', () => {
    expect(csvLine(['a', 'b', ''], ';')).toBe('a;b;\r\n');
    expect(csvLine([''], ';')).toBe('\r\n');
  });

  it('quotes a cell holding the delimiter, a quote, CR or LF, doubling inner quotes', () => {
    expect(csvLine(['a;b', 'say "hi"', 'one\ntwo', 'one\r\ntwo', 'x,y'], ';')).toBe(
      '"a;b";"say ""hi""";"one\ntwo";"one\r\ntwo";x,y\r\n',
    );
    expect(csvLine(['x,y', 'a;b'], ',')).toBe('"x,y",a;b\r\n');
    expect(csvLine(['a|b', 'c'], '|')).toBe('"a|b"|c\r\n');
  });

  it('neutralises cells that would start a formula before quoting them', () => {
    expect(csvLine(['=1;2', '+57 300', '-2', '@SUM(A1)', 'ok'], ';')).toBe(
      `"'=1;2";'+57 300;'-2;'@SUM(A1);ok\r\n`,
    );
    expect(csvLine(['\tx', '\rx'], ';')).toBe(`'\tx;"'\rx"\r\n`);
    expect(csvLine(['\tx', 'y'], '\t')).toBe(`"'\tx"\ty\r\n`);
  });

  it.each(['', ';;', '"', '\n', '\r'])('refuses %j as a delimiter', (delimiter) => {
    expect(() => csvLine(['a'], delimiter)).toThrow(RangeError);
  });

  it.each([',', ';', '\t', '|'])('writes records papaparse reads back unchanged with %j', (delimiter) => {
    const rows = [
      ['Ciudad', 'Descripción', 'Nota'],
      ['Medellín', 'línea 1\r\nlínea 2', 'dijo "no"'],
      ['a,b;c|d\te', '', 'fin\n'],
    ];
    const text = rows.map((row) => csvLine(row, delimiter)).join('');
    const parsed = Papa.parse<string[]>(text, { delimiter, newline: '\r\n', skipEmptyLines: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.slice(0, rows.length)).toEqual(rows);
  });
});
