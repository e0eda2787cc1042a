import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { z } from 'zod';
import { CargaError, isCargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { fileSystemError } from './file-access';
import { cellText, numberNote } from './xlsx-cell-text';
import { hasZipDirectory } from './zip-directory';
import type { NumberNote } from './xlsx-cell-text';

export interface XlsxRow {
  /** Sheet row number, as Excel shows it. */
  number: number;
  cells: string[];
  /** Numbers worth a warning, by 0-based column; null when none (almost always). */
  notes: { column: number; note: NumberNote; value: number }[] | null;
}

export interface SheetChoice {
  /** Every sheet, in the workbook's tab order. */
  sheets: string[];
  sheet: string;
}

/** What exceljs's streaming reader knows of the workbook once it has read workbook.xml. */
const workbookModelSchema = z.object({
  sheets: z.array(z.object({ name: z.string(), state: z.string().optional() })).default([]),
  properties: z.object({ date1904: z.boolean().optional() }).optional(),
});
type WorkbookModel = z.infer<typeof workbookModelSchema>;

/** The parts of exceljs's streaming objects its typings leave out. */
interface ReaderInternals {
  model?: unknown;
}
interface WorksheetInternals {
  name?: unknown;
  /** The sheet's XML: a temp file stream when exceljs had to park the sheet on disk. */
  iterator?: unknown;
}

function nameOf(worksheet: ExcelJS.stream.xlsx.WorksheetReader): string | null {
  const name = (worksheet as unknown as WorksheetInternals).name;
  return typeof name === 'string' ? name : null;
}

/** Closes a sheet nobody reads: exceljs opened its temp file already. Its cleanup may delete
 * that file before the stream's own open runs; the ENOENT that follows concerns a sheet nobody
 * wants, and unheard it would be an uncaught exception that takes the whole process down. */
function discard(worksheet: ExcelJS.stream.xlsx.WorksheetReader): void {
  const source = (worksheet as unknown as WorksheetInternals).iterator;
  if (source instanceof Readable) {
    source.on('error', () => undefined);
    source.destroy();
  }
}

function defaultSheet(model: WorkbookModel): string | undefined {
  return (model.sheets.find((s) => s.state === undefined || s.state === 'visible') ?? model.sheets[0])?.name;
}

/**
 * The rows of one sheet (default: the first visible one) through exceljs's streaming reader,
 * pulled as the consumer asks. `onSheet` learns the sheet list before the first row. Rows with
 * no cells are not in the file and are not yielded. Throws a CargaError when the workbook is
 * damaged or truncated (naming the last good row), has no sheets, or lacks the wanted sheet.
 *
 * exceljs needs the shared strings before it can read a sheet, and most writers (Excel too)
 * put them after the sheets: it then parks the sheets in temp files and reads them at the end,
 * which is why the reader is always run to its end (or drained) to let it remove them.
 */
export async function* readSheet(
  path: string,
  wanted: string | null,
  onSheet?: (choice: SheetChoice) => void,
): AsyncGenerator<XlsxRow> {
  const name = basename(path);
  let intact: boolean;
  try {
    intact = await hasZipDirectory(path);
  } catch (error) {
    throw fileSystemError(path, error, 'read');
  }
  if (!intact) throw new CargaError(msg('file.xlsx-damaged', { name }));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const worksheets = reader[Symbol.asyncIterator]();
  let model: WorkbookModel = { sheets: [] };
  let found = false;
  let finished = false;
  let lastRow = 0;
  try {
    for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) {
      const worksheet = next.value;
      model = workbookModelSchema.parse((reader as unknown as ReaderInternals).model ?? {});
      if (found || nameOf(worksheet) !== (wanted ?? defaultSheet(model))) {
        discard(worksheet);
        continue;
      }
      found = true;
      onSheet?.({ sheets: model.sheets.map((s) => s.name), sheet: nameOf(worksheet)! });
      const date1904 = model.properties?.date1904 === true;
      for await (const row of worksheet) {
        lastRow = row.number;
        yield toXlsxRow(row, date1904);
      }
    }
    finished = true;
  } catch (error) {
    finished = true;
    if (isCargaError(error)) throw error;
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') {
      throw fileSystemError(path, error, 'read');
    }
    throw new CargaError(lastRow > 0 ? msg('file.xlsx-damaged-at-row', { name, row: lastRow }) : msg('file.xlsx-damaged', { name }));
  } finally {
    if (!finished) await drain(worksheets);
  }
  if (found) return;
  const sheets = model.sheets.map((s) => s.name);
  if (wanted !== null && sheets.length > 0) throw new CargaError(msg('file.sheet-not-found', { sheet: wanted, sheets: sheets.join(', ') }));
  throw new CargaError(msg('file.not-a-workbook', { name }));
}

/** Lets exceljs reach its end (and delete its temp files) after the consumer stopped early. */
async function drain(worksheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>): Promise<void> {
  try {
    for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) discard(next.value);
  } catch {
    // The workbook is damaged further on; whoever reads that part will be told.
  }
}

function toXlsxRow(row: ExcelJS.Row, date1904: boolean): XlsxRow {
  const cells: string[] = [];
  let notes: XlsxRow['notes'] = null;
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    while (cells.length < column - 1) cells.push('');
    const value: CellValue = cell.value;
    const numFmt = cell.numFmt ?? undefined;
    cells.push(cellText(value, numFmt, date1904));
    const note = numberNote(value, numFmt);
    if (note && typeof value === 'number') (notes ??= []).push({ column: column - 1, note, value });
  });
  return { number: row.number, cells, notes };
}
