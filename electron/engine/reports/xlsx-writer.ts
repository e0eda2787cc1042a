import { setImmediate as nextTurn } from 'node:timers/promises';

import ExcelJS from 'exceljs';

import { PartialFile } from './partial-file';
import type { SheetCell, SheetWriter } from './sheet-writer';
import { needsDrain, sheetEntryStream } from './xlsx-sheet-drain';

/** Excel's limits: rows per sheet, characters per cell. A longer cell makes Excel "repair" the
 * whole workbook on open. */
export const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_CELL_CHARS = 32_767;

/** A string cell as Excel can hold it: line breaks as LF (Excel's in-cell break; XML would fold
 * a bare CR into LF anyway, so saying it here keeps it explicit), cut to Excel's limit (never in
 * the middle of a surrogate pair). Written as a text cell, `=1+1` or `+57…` is never a formula,
 * so it needs no `'` (which would come back as data when the report is read again). */
export function xlsxText(value: string): string {
  const text = value.replace(/\r\n?/g, '\n');
  if (text.length <= EXCEL_MAX_CELL_CHARS) return text;
  const cut = EXCEL_MAX_CELL_CHARS - (isHighSurrogate(text.charCodeAt(EXCEL_MAX_CELL_CHARS - 1)) ? 1 : 0);
  return text.slice(0, cut);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Wide enough for the header, within reason: the data's width is not known until it is written. */
export function columnWidth(header: string): number {
  return Math.min(30, Math.max(10, header.length + 2));
}

export interface XlsxSheetOptions {
  path: string;
  sheetName: string;
  header: readonly string[];
  /** Column widths in characters, one per header cell. */
  widths: readonly number[];
  /** Rows per sheet, header included, before the table goes on in a new sheet. */
  maxRowsPerSheet?: number;
}

/**
 * An XLSX workbook written as rows arrive (exceljs's streaming writer, inline strings so no
 * table of every string is kept): header row bold and frozen, each row committed at once.
 * Past Excel's row limit the table continues in `Name (2)`, `Name (3)`… with the header again.
 * Text stays text: values are never turned into numbers, so leading zeros survive.
 */
export function openXlsxSheet(options: XlsxSheetOptions): SheetWriter {
  const maxRows = options.maxRowsPerSheet ?? EXCEL_MAX_ROWS;
  const file = new PartialFile(options.path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: file.stream,
    useSharedStrings: false,
    useStyles: true,
  });
  let sheetCount = 0;
  let sheet = addSheet();
  let rowsInSheet = 1;

  function addSheet(): ExcelJS.Worksheet {
    sheetCount += 1;
    const name = sheetCount === 1 ? options.sheetName : `${options.sheetName} (${sheetCount})`;
    const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = options.widths.map((width) => ({ width }));
    const header = worksheet.addRow(options.header.map(xlsxText));
    header.font = { bold: true };
    header.commit();
    return worksheet;
  }

  async function drain(worksheet: ExcelJS.Worksheet): Promise<void> {
    const entry = sheetEntryStream(worksheet);
    if (!entry) {
      // Without the entry stream, at least let zlib and the disk run between rows.
      await nextTurn();
      return;
    }
    if (needsDrain(entry)) await file.until(entry, 'drain');
  }

  return {
    async addRow(cells: readonly SheetCell[]): Promise<void> {
      if (rowsInSheet >= maxRows) {
        sheet.commit();
        sheet = addSheet();
        rowsInSheet = 1;
      }
      // An empty cell is left out of the sheet's XML (a report's many blank columns cost nothing).
      const row = sheet.addRow(
        cells.map((cell) =>
          typeof cell === 'number'
            ? cell
            : typeof cell === 'object'
              ? cell.instant
              : cell === ''
                ? null
                : xlsxText(cell),
        ),
      );
      cells.forEach((cell, i) => {
        if (typeof cell === 'object') row.getCell(i + 1).numFmt = cell.format;
      });
      row.commit();
      rowsInSheet += 1;
      await drain(sheet);
    },
    async finish(): Promise<void> {
      await file.guard(workbook.commit());
      await file.publish();
    },
    discard: () => file.discard(),
  };
}
