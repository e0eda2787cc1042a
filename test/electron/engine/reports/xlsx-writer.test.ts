import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { sheetEntryStream } from '../../../../electron/engine/reports/xlsx-sheet-drain';
import { columnWidth, openXlsxSheet, xlsxText } from '../../../../electron/engine/reports/xlsx-writer';
import { useTempDir } from './temp-dir';

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('openXlsxSheet', () => {
  const tempDir = useTempDir();

  it('writes a bold, frozen header, sane widths, text as text and numbers as numbers', async () => {
    const path = join(await tempDir(), 'out.xlsx');
    const sheet = openXlsxSheet({
      path,
      sheetName: 'Errores',
      header: ['Fila', 'Teléfono'],
      widths: [8, 14],
    });
    await sheet.addRow([2, '0057300123']);
    await sheet.addRow([3, '=1+1']);
    await sheet.finish();

    const workbook = await readWorkbook(path);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Errores']);
    const ws = workbook.worksheets[0]!;
    expect(sheetValues(ws)).toEqual([
      ['Fila', 'Teléfono'],
      [2, '0057300123'],
      [3, '=1+1'],
    ]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(2).getCell(1).font?.bold).toBeUndefined();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([ws.getColumn(1).width, ws.getColumn(2).width]).toEqual([8, 14]);
  });

  it('goes on in a new sheet, header repeated, when a sheet is full', async () => {
    const path = join(await tempDir(), 'out.xlsx');
    const sheet = openXlsxSheet({
      path,
      sheetName: 'Errores',
      header: ['n'],
      widths: [10],
      maxRowsPerSheet: 3,
    });
    for (let n = 1; n <= 5; n += 1) await sheet.addRow([n]);
    await sheet.finish();

    const workbook = await readWorkbook(path);
    expect(workbook.worksheets.map((ws) => [ws.name, sheetValues(ws)])).toEqual([
      ['Errores', [['n'], [1], [2]]],
      ['Errores (2)', [['n'], [3], [4]]],
      ['Errores (3)', [['n'], [5]]],
    ]);
  });

  it('finds the zip entry a streaming worksheet writes into, so rows wait for zlib and the disk', async () => {
    // Pins the one piece of exceljs internals the writer relies on to bound its memory.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ useSharedStrings: false });
    const worksheet = workbook.addWorksheet('x');
    worksheet.addRow(['a']).commit();
    expect(sheetEntryStream(worksheet)).toBeDefined();
  });
});

describe('xlsxText', () => {
  it('keeps a formula-like text as it is and cuts text to the 32,767 characters a cell holds', () => {
    expect(xlsxText('@SUM(A1)')).toBe('@SUM(A1)');
    expect(xlsxText('x'.repeat(40_000))).toBe('x'.repeat(32_767));
    expect(xlsxText(`${'x'.repeat(32_766)}😀`)).toBe('x'.repeat(32_766));
  });
});

describe('columnWidth', () => {
  it('fits the header between 10 and 30 characters', () => {
    expect([columnWidth('n'), columnWidth('Descripción larga'), columnWidth('x'.repeat(50))]).toEqual([
      10, 19, 30,
    ]);
  });
});
