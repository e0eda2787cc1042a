import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { writeFailedRows } from '../../../../electron/engine/reports/write-failed-rows';
import { fromArray, useTempDir } from './temp-dir';

const HEADERS = ['Nombre', 'Teléfono', '', 'Descripción'];
const ROWS = [
  ['Ñandú Pérez', '0573001234', '', 'Queja, "urgente"\nsegunda línea'],
  ['Ana', '+573001234567'],
  ['Luis', '-', 'x', '=1+1', 'extra'],
];

describe('writeFailedRows as CSV', () => {
  const tempDir = useTempDir();

  it('writes the rows in the original columns, with the source’s delimiter, BOM and CRLF', async () => {
    const dir = await tempDir();
    const path = join(dir, 'fallidas.csv');
    const result = await writeFailedRows({
      path,
      format: 'csv',
      headers: HEADERS,
      rows: fromArray(ROWS),
      delimiter: ',',
    });

    expect(result).toEqual({ rows: 3 });
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'Nombre,Teléfono,,Descripción\r\n' +
        'Ñandú Pérez,0573001234,,"Queja, ""urgente""\nsegunda línea"\r\n' +
        "Ana,'+573001234567,,\r\n" +
        "Luis,'-,x,'=1+1\r\n",
    );
    const parsed = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), {
      delimiter: ',',
      newline: '\r\n',
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[1]).toEqual(ROWS[0]);
    expect(await readdir(dir)).toEqual(['fallidas.csv']);
  });

  it('splits on a semicolon when the source had no delimiter of its own', async () => {
    const path = join(await tempDir(), 'fallidas.csv');
    await writeFailedRows({ path, format: 'csv', headers: ['a', 'b'], rows: fromArray([['1;2', '3']]) });
    expect((await readFile(path, 'utf8')).slice(1)).toBe('a;b\r\n"1;2";3\r\n');
  });

  it('leaves no file when the rows fail halfway', async () => {
    const dir = await tempDir();
    async function* broken(): AsyncGenerator<string[]> {
      yield ['1', '2'];
      throw new Error('source moved');
    }
    await expect(
      writeFailedRows({ path: join(dir, 'f.csv'), format: 'csv', headers: ['a', 'b'], rows: broken() }),
    ).rejects.toThrow('source moved');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('writeFailedRows as XLSX', () => {
  const tempDir = useTempDir();

  it('writes the rows as text cells in the original columns, on a sheet read back exactly as it was', async () => {
    const dir = await tempDir();
    const path = join(dir, 'fallidas.xlsx');
    const result = await writeFailedRows({ path, format: 'xlsx', headers: HEADERS, rows: fromArray(ROWS) });

    expect(result).toEqual({ rows: 3 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Carga']);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(HEADERS.map((_, i) => row.getCell(i + 1).value ?? '')));
    expect(rows).toEqual([
      HEADERS,
      ['Ñandú Pérez', '0573001234', '', 'Queja, "urgente"\nsegunda línea'],
      ['Ana', '+573001234567', '', ''],
      ['Luis', '-', 'x', '=1+1'],
    ]);
    expect(await readdir(dir)).toEqual(['fallidas.xlsx']);
  });
});
