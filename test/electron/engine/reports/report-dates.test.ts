import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { readSheet } from '../../../../electron/engine/files/xlsx-sheet';
import { writeAcceptedRows } from '../../../../electron/engine/reports/write-accepted-rows';
import { writeErrorReport } from '../../../../electron/engine/reports/write-error-report';
import { writeFailedRows } from '../../../../electron/engine/reports/write-failed-rows';
import { msg } from '../../../../shared/messages/catalog';
import { fromArray, useTempDir } from './temp-dir';

/** A workbook's cells as Carga's reader gives them: dates as ISO text. */
const HEADERS = ['Nombre', 'Fecha', 'Hora', 'Día'];
const CELLS = ['Ana', '2026-11-01T14:30:00', '09:15:00', '2026-02-28'];

async function readBack(path: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of readSheet(path, null)) rows.push(row.cells);
  return rows;
}

async function excelCells(path: string, row: number): Promise<ExcelJS.Cell[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const cells: ExcelJS.Cell[] = [];
  workbook.worksheets[0]!.getRow(row).eachCell({ includeEmpty: true }, (cell) => cells.push(cell));
  return cells;
}

describe('workbook dates in reports', () => {
  const tempDir = useTempDir();

  it('an XLSX of failed rows holds real dates in the language’s format, and reads back as the very values sent', async () => {
    const path = join(await tempDir(), 'fallidas.xlsx');
    await writeFailedRows({
      path,
      format: 'xlsx',
      headers: HEADERS,
      rows: fromArray([CELLS]),
      fileKind: 'xlsx',
      lang: 'es',
    });

    const [, fecha, hora, dia] = await excelCells(path, 2);
    expect(fecha!.value).toBeInstanceOf(Date);
    expect(fecha!.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(hora!.numFmt).toBe('hh:mm');
    expect(dia!.numFmt).toBe('dd/mm/yyyy');
    // Carga reads the report back exactly as it read the workbook: a re-import sends the same.
    expect(await readBack(path)).toEqual([HEADERS, CELLS]);
  });

  it('the error and success reports write the file’s dates as dates in English too, and quote them as the operator reads them', async () => {
    const dir = await tempDir();
    const errors = join(dir, 'errors.xlsx');
    await writeErrorReport({
      path: errors,
      format: 'xlsx',
      columns: HEADERS,
      lang: 'en',
      fileKind: 'xlsx',
      rows: fromArray([
        {
          row: 2,
          original: CELLS,
          sent: CELLS,
          next: ['Ana', '2026-11-02T08:00:00', '09:15:00', '2026-02-28'],
          outcome: 'failed' as const,
          failureClass: 'validation' as const,
          explanation: msg('validation.invalid-date', { row: 2, column: 'Fecha', value: CELLS[1]! }),
        },
      ]),
    });
    const cells = await excelCells(errors, 2);
    expect(cells[2]!.value).toBeInstanceOf(Date);
    expect(cells[2]!.numFmt).toBe('mm/dd/yyyy hh:mm AM/PM');
    const texts = cells.map((cell) => String(cell.value ?? ''));
    expect(texts.some((text) => text.includes('«11/01/2026 02:30 PM»'))).toBe(true);
    expect(texts.some((text) => text.includes('«01/11/2026 14:30»'))).toBe(true);
    expect(texts.some((text) => text.includes('Fecha: "11/02/2026 08:00 AM"'))).toBe(true);
    expect(texts.join(' ')).not.toContain('T14:30');
    expect((await readBack(errors))[1]!.slice(1, 5)).toEqual(CELLS);

    const accepted = join(dir, 'accepted.xlsx');
    await writeAcceptedRows({
      path: accepted,
      format: 'xlsx',
      columns: HEADERS,
      lang: 'es',
      fileKind: 'xlsx',
      rows: fromArray([{ row: 2, values: CELLS, crmId: '77' }]),
    });
    expect((await excelCells(accepted, 2))[2]!.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect((await readBack(accepted))[1]).toEqual(['2', ...CELLS, '77']);
  });

  it('a CSV report keeps the ISO text, which neither Excel nor Carga reads with the wrong day and month', async () => {
    const path = join(await tempDir(), 'fallidas.csv');
    await writeFailedRows({
      path,
      format: 'csv',
      headers: HEADERS,
      rows: fromArray([CELLS]),
      fileKind: 'xlsx',
      lang: 'en',
      delimiter: ',',
    });
    const parsed = Papa.parse<string[]>((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    });
    expect(parsed.data[1]).toEqual(CELLS);
  });

  it('leaves a CSV job’s ISO-looking text as the text it was', async () => {
    const path = join(await tempDir(), 'fallidas.xlsx');
    await writeFailedRows({
      path,
      format: 'xlsx',
      headers: HEADERS,
      rows: fromArray([CELLS]),
      fileKind: 'csv',
    });
    expect((await excelCells(path, 2))[1]!.value).toBe('2026-11-01T14:30:00');
  });
});
