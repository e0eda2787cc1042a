import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { countRows } from '../../../../electron/engine/files/count-rows';
import { openFile } from '../../../../electron/engine/files/open-file';
import { readRows } from '../../../../electron/engine/files/read-rows';
import type { SourceRow } from '../../../../electron/engine/files/source-row';
import type { FileInfo, FileOptions } from '../../../../shared/contract';
import { isCargaError } from '../../../../shared/errors/carga-error';
import type { Message } from '../../../../shared/messages/message';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

/** A workbook as operators send them: a title above the header, dates, long phone numbers,
 * float noise, formulas, rich text, links, and a second sheet. */
async function writeWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const cases = workbook.addWorksheet('Casos');
  cases.addRow(['Reporte de casos - Marzo']);
  cases.addRow([]);
  cases.addRow([
    'Nombre',
    'Fecha',
    'Cita',
    'Teléfono',
    'Celular',
    'Monto',
    'Documento',
    'Vence',
    'Activo',
    'Nota',
    'Sitio',
  ]);
  const data = [
    [
      'Ana',
      new Date(Date.UTC(2026, 2, 15)),
      new Date(Date.UTC(2026, 2, 15, 10, 30)),
      573001234567,
      3001234567,
      0.1 + 0.2,
      42,
    ],
    [
      'Luis',
      new Date(Date.UTC(2026, 11, 31)),
      new Date(Date.UTC(2026, 0, 2, 8, 5, 9)),
      573007654321,
      3007654321,
      1234.5,
      7,
    ],
  ] as const;
  data.forEach((values, i) => {
    const row = cases.addRow([...values]);
    row.getCell(2).numFmt = 'dd/mm/yyyy';
    row.getCell(3).numFmt = 'dd/mm/yyyy hh:mm:ss';
    row.getCell(5).numFmt = '0.00E+00';
    row.getCell(7).numFmt = '0000000000';
    // A date computed by a formula stays a serial number for exceljs: the reader converts it.
    row.getCell(8).value = { formula: `B${row.number}+30`, result: 46126 + i };
    row.getCell(8).numFmt = 'yyyy-mm-dd';
    row.getCell(9).value = i === 0;
    row.getCell(10).value =
      i === 0
        ? { richText: [{ text: 'Cliente ' }, { text: 'VIP', font: { bold: true } }] }
        : { error: '#N/A' };
    row.getCell(11).value = { text: 'portal', hyperlink: 'https://example.com' };
  });
  const contacts = workbook.addWorksheet('Contactos');
  contacts.addRow(['Correo', 'Ciudad']);
  // As many data rows as "Casos": a tie opens the first sheet.
  contacts.addRow(['ana@example.com', 'Cali']);
  contacts.addRow(['maria@example.com', 'Neiva', 'sobra']);
  workbook.addWorksheet('Vacía');
  await workbook.xlsx.writeFile(path);
}

async function allRows(info: FileInfo): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const batch of readRows(info)) rows.push(...batch);
  return rows;
}

async function openError(path: string, options?: FileOptions): Promise<Message> {
  try {
    await openFile(path, options);
  } catch (error) {
    if (isCargaError(error)) return error.detail;
    throw error;
  }
  throw new Error('openFile did not fail');
}

describe('XLSX workbooks', () => {
  it('opens the first sheet, finds the header under the title and lists every sheet', async () => {
    const path = join(tempDir(), 'casos.xlsx');
    await writeWorkbook(path);
    const info = await openFile(path);
    expect(info).toMatchObject({
      kind: 'xlsx',
      encoding: null,
      bom: false,
      delimiter: null,
      sheets: ['Casos', 'Contactos', 'Vacía'],
      sheet: 'Casos',
      headerRow: 2,
      headers: [
        'Nombre',
        'Fecha',
        'Cita',
        'Teléfono',
        'Celular',
        'Monto',
        'Documento',
        'Vence',
        'Activo',
        'Nota',
        'Sitio',
      ],
      rowCount: null,
    });
    expect(info.warnings).toEqual([
      { code: 'file.header-below-title', params: { line: 3 } },
      { code: 'file.xlsx-scientific', params: { column: 'Teléfono', example: '5.73001E+11 → 573001234567' } },
      { code: 'file.xlsx-scientific', params: { column: 'Celular', example: '3.00123E+09 → 3001234567' } },
    ]);
    expect(info.preview[0]).toEqual({
      Nombre: 'Ana',
      Fecha: '2026-03-15',
      Cita: '2026-03-15T10:30:00',
      Teléfono: '573001234567',
      Celular: '3001234567',
      Monto: '0.3',
      Documento: '0000000042',
      Vence: '2026-04-14',
      Activo: 'TRUE',
      Nota: 'Cliente VIP',
      Sitio: 'portal',
    });
  });

  it('streams every row as text, numbered as Excel shows them', async () => {
    const path = join(tempDir(), 'casos.xlsx');
    await writeWorkbook(path);
    const info = await openFile(path);
    expect(await allRows(info)).toEqual([
      {
        index: 0,
        row: 4,
        cells: [
          'Ana',
          '2026-03-15',
          '2026-03-15T10:30:00',
          '573001234567',
          '3001234567',
          '0.3',
          '0000000042',
          '2026-04-14',
          'TRUE',
          'Cliente VIP',
          'portal',
        ],
      },
      {
        index: 1,
        row: 5,
        cells: [
          'Luis',
          '2026-12-31',
          '2026-01-02T08:05:09',
          '573007654321',
          '3007654321',
          '1234.5',
          '0000000007',
          '2026-04-15',
          'FALSE',
          '#N/A',
          'portal',
        ],
      },
    ]);
    expect(await countRows(info)).toBe(2);
  });

  it('reads a chosen sheet, flagging a row with data beyond the header', async () => {
    const path = join(tempDir(), 'casos.xlsx');
    await writeWorkbook(path);
    const info = await openFile(path, { sheet: 'Contactos' });
    expect(info).toMatchObject({
      sheet: 'Contactos',
      headerRow: 0,
      columns: ['Correo', 'Ciudad'],
      warnings: [],
    });
    expect(await allRows(info)).toEqual([
      { index: 0, row: 2, cells: ['ana@example.com', 'Cali'] },
      {
        index: 1,
        row: 3,
        cells: ['maria@example.com', 'Neiva'],
        ragged: { code: 'file.row-long', params: { row: 3, expected: 2, found: 3 } },
      },
    ]);
  });

  it('opens an empty sheet with a warning, and names the sheets when asked for a missing one', async () => {
    const path = join(tempDir(), 'casos.xlsx');
    await writeWorkbook(path);
    const empty = await openFile(path, { sheet: 'Vacía' });
    expect(empty).toMatchObject({
      sheet: 'Vacía',
      columns: [],
      preview: [],
      warnings: [{ code: 'file.sheet-empty', params: { sheet: 'Vacía' } }],
    });
    expect(await countRows(empty)).toBe(0);
    expect(await openError(path, { sheet: 'Ventas' })).toEqual({
      code: 'file.sheet-not-found',
      params: { sheet: 'Ventas', sheets: 'Casos, Contactos, Vacía' },
    });
  });

  it('opens the sheet that holds the data, not a "Read me" first sheet, and says why', async () => {
    const path = join(tempDir(), 'campana.xlsx');
    const workbook = new ExcelJS.Workbook();
    const readMe = workbook.addWorksheet('Léeme');
    // Longer than the data, but lines of text: no header-like row above them.
    for (let i = 1; i <= 12; i++)
      readMe.addRow([`Paso ${i}: llene la hoja Llamadas sin cambiar sus títulos.`]);
    const notes = workbook.addWorksheet('Notas');
    notes.addRow(['Campo', 'Para qué']);
    notes.addRow(['Nombre', 'Quién recibe la llamada']);
    const calls = workbook.addWorksheet('Llamadas');
    calls.addRow(['Campaña de noviembre']);
    calls.addRow(['Nombre', 'Celular', 'Ciudad']);
    for (const name of ['Ana', 'Luis', 'María', 'Sofía']) calls.addRow([name, '3001234567', 'Cali']);
    workbook.addWorksheet('Oculta', { state: 'hidden' }).addRows(Array.from({ length: 9 }, () => ['a', 'b']));
    await workbook.xlsx.writeFile(path);

    const info = await openFile(path);
    expect(info).toMatchObject({
      sheets: ['Léeme', 'Notas', 'Llamadas', 'Oculta'],
      sheet: 'Llamadas',
      headerRow: 1,
      columns: ['Nombre', 'Celular', 'Ciudad'],
      previewRows: [3, 4, 5, 6],
      sheetReason: {
        code: 'file.sheet-chosen',
        params: { sheet: 'Llamadas', rows: '4', others: 'Léeme, Notas' },
      },
    });
    expect((await allRows(info)).map((r) => r.row)).toEqual([3, 4, 5, 6]);
    // The operator's choice is kept, with no reason to give.
    const chosen = await openFile(path, { sheet: 'Léeme' });
    expect(chosen.sheet).toBe('Léeme');
    expect(chosen.sheetReason).toBeUndefined();
  });

  it('refuses a truncated workbook with a clear message', async () => {
    const whole = join(tempDir(), 'casos.xlsx');
    await writeWorkbook(whole);
    const bytes = readFileSync(whole);
    const cut = join(tempDir(), 'cortado.xlsx');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(await openError(cut)).toEqual({ code: 'file.xlsx-damaged', params: { name: 'cortado.xlsx' } });
  });

  it('reads a workbook renamed .csv as a workbook', async () => {
    const path = join(tempDir(), 'renombrado.csv');
    await writeWorkbook(path);
    expect(await openFile(path)).toMatchObject({ kind: 'xlsx', sheet: 'Casos' });
  });
});
