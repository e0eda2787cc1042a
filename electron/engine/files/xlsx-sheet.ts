import { stat } from 'node:fs/promises';
import { basename } from 'node:path';

import { CargaError, isCargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { isoFromExcelDate } from './excel-date';
import { fileSystemError, regularFileSize } from './file-access';
import { XLSX_MAX_SHEET_BYTES } from './file-limits';
import { cellText, numberNote, type NumberNote } from './xlsx-cell-text';
import { readSharedStrings, readWorkbook, type Workbook, type WorkbookSheet } from './xlsx-workbook';
import { XmlScanner } from './xlsx-xml';
import { checkPartSize, partLimit, readZipEntry, ZipPartTooLargeError } from './xlsx-zip';
import { readZipDirectory } from './zip-directory';

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

/** An opened workbook: its parts are known, no sheet has been read yet. */
export interface OpenedWorkbook {
  path: string;
  size: number;
  /** Size and modification time: which state of the file was opened. */
  version: string;
  workbook: Workbook;
}

/** Reads a workbook's directory and small parts. Throws a CargaError for a damaged or hostile
 * workbook, or a zip that holds no workbook. */
export async function openWorkbook(path: string): Promise<OpenedWorkbook> {
  const { size, version } = await fileVersion(path);
  const workbook = await guarded(path, 0, async () => {
    const entries = await readZipDirectory(path);
    return readWorkbook(path, size, entries);
  });
  if (!workbook || workbook.sheets.length === 0)
    throw new CargaError(msg('file.not-a-workbook', { name: basename(path) }));
  return { path, size, version, workbook };
}

async function fileVersion(path: string): Promise<{ size: number; version: string }> {
  const size = await regularFileSize(path);
  try {
    return { size, version: `${size}:${(await stat(path)).mtimeMs}` };
  } catch (error) {
    throw fileSystemError(path, error);
  }
}

/** The sheet opened when the operator names none: the first visible one. */
export function firstVisibleSheet(workbook: Workbook): WorkbookSheet {
  return workbook.sheets.find((s) => s.visible) ?? workbook.sheets[0]!;
}

/**
 * The rows of one sheet (default: the first visible one), pulled as the consumer asks, in one
 * pass: the shared strings are read first from their own zip entry, then the sheet's XML is
 * inflated and scanned as it streams — no temp file, nothing read twice. `onSheet` learns the
 * sheet list before the first row. Rows with no values are not yielded. Throws a CargaError
 * when the workbook is damaged or truncated (naming the last good row), would inflate past
 * the limits (a zip bomb), has no sheets, or lacks the wanted sheet.
 */
export async function* readSheet(
  path: string,
  wanted: string | null,
  onSheet?: (choice: SheetChoice) => void,
): AsyncGenerator<XlsxRow> {
  const opened = await openWorkbook(path);
  const { workbook } = opened;
  const names = workbook.sheets.map((s) => s.name);
  const sheet =
    wanted === null ? firstVisibleSheet(workbook) : workbook.sheets.find((s) => s.name === wanted);
  if (!sheet)
    throw new CargaError(msg('file.sheet-not-found', { sheet: wanted ?? '', sheets: names.join(', ') }));
  onSheet?.({ sheets: names, sheet: sheet.name });
  yield* sheetRows(opened, sheet);
}

/** The rows of `sheet` of an opened workbook (see readSheet). */
export async function* sheetRows(opened: OpenedWorkbook, sheet: WorkbookSheet): AsyncGenerator<XlsxRow> {
  const { path, size, version, workbook } = opened;
  const entry = sheet.entry;
  if (!entry) throw new CargaError(msg('file.xlsx-damaged', { name: basename(path) }));
  let lastRow = 0;
  await guarded(path, 0, async () => checkPartSize(entry, partLimit(size, XLSX_MAX_SHEET_BYTES)));
  const strings = await guarded(path, 0, () => readSharedStrings(path, workbook.sharedStrings, version));
  const rows: XlsxRow[] = [];
  const parser = new XmlScanner(sheetHandlers(workbook, strings, rows));
  const decoder = new TextDecoder('utf-8');
  const chunks = readZipEntry(path, entry);
  try {
    for (;;) {
      const next = await guarded(path, lastRow, async () => {
        const chunk = await chunks.next();
        if (chunk.done) parser.write(decoder.decode()).end();
        else parser.write(decoder.decode(chunk.value, { stream: true }));
        return chunk.done;
      });
      for (const row of rows) {
        lastRow = row.number;
        yield row;
      }
      rows.length = 0;
      if (next) return;
    }
  } finally {
    await chunks.return(undefined);
  }
}

/** Runs one step of reading, turning what went wrong into the operator's message. */
async function guarded<T>(path: string, lastRow: number, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isCargaError(error)) throw error;
    const name = basename(path);
    if (error instanceof ZipPartTooLargeError) {
      throw new CargaError(
        msg('file.xlsx-too-large', { name, size: byteSize(error.entry.size), limit: byteSize(error.limit) }),
      );
    }
    if (typeof error === 'object' && error !== null && 'syscall' in error)
      throw fileSystemError(path, error, 'read');
    // A ZipDamagedError, a zlib error or XML that does not parse: the file is damaged.
    throw new CargaError(
      lastRow > 0
        ? msg('file.xlsx-damaged-at-row', { name, row: lastRow })
        : msg('file.xlsx-damaged', { name }),
    );
  }
}

/** `2.4 GB`, `512 MB`: sizes in operator words (decimal units, as file managers show them). */
function byteSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(bytes / 1e6))} MB`;
}

/** The cell types of SpreadsheetML (`t`): shared string, inline string, formula string,
 * boolean, error, ISO date; a number when absent. */
type CellType = 's' | 'inlineStr' | 'str' | 'b' | 'e' | 'd' | 'n';

/** Collects each `<row>` into `rows` as its XML streams by. */
function sheetHandlers(workbook: Workbook, strings: readonly string[], rows: XlsxRow[]) {
  const { styleFormats, date1904 } = workbook;
  let row: XlsxRow | null = null;
  let rowNumber = 0;
  let column = 0;
  let type: CellType = 'n';
  let style = 0;
  let value = '';
  /** Collecting text: inside `<v>`, or a `<t>` of an inline string outside phonetic guides. */
  let capturing = false;
  let phonetic = 0;

  const finishCell = (): void => {
    if (!row || value === '') return;
    const numFmt = styleFormats[style];
    let text: string;
    if (type === 's') text = strings[Number(value)] ?? '';
    else if (type === 'b') text = value === '1' || value === 'true' ? 'TRUE' : 'FALSE';
    else if (type === 'str' || type === 'inlineStr' || type === 'e') text = value;
    else if (type === 'd')
      text = isoFromExcelDate(new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`));
    else {
      const number = Number(value);
      text = cellText(number, numFmt, date1904);
      const note = numberNote(number, numFmt);
      if (note) (row.notes ??= []).push({ column: column - 1, note, value: number });
    }
    const cells = row.cells;
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = text;
  };

  return {
    open(name: string, attributes: Record<string, string>): void {
      switch (name) {
        case 'row':
          rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
          row = { number: rowNumber, cells: [], notes: null };
          column = 0;
          break;
        case 'c':
          column = attributes.r ? columnOf(attributes.r) : column + 1;
          type = (attributes.t as CellType | undefined) ?? 'n';
          style = attributes.s ? Number(attributes.s) : 0;
          value = '';
          break;
        case 'v':
          capturing = type !== 'inlineStr';
          break;
        case 't':
          capturing = type === 'inlineStr' && phonetic === 0;
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    },
    text(text: string): void {
      if (capturing) value += text;
    },
    close(name: string): void {
      switch (name) {
        case 'v':
        case 't':
          capturing = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          finishCell();
          break;
        case 'row':
          if (row && row.cells.length > 0) rows.push(row);
          row = null;
          break;
      }
    },
  };
}

/** 1-based column of a cell reference: `A1` → 1, `AB12` → 28. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}
