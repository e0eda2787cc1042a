import type { FileKind } from '../../../shared/contract';
import type { Lang } from '../../../shared/lang';
import { readSheetDate, sheetDateFormat, sheetDateInstant } from '../../../shared/sheet-cell-text';

/**
 * A workbook's date cell in a report. An XLSX report holds a real date, shown in the report
 * language's format: Excel sorts and filters it as a date, and Carga reads it back as the very
 * ISO text the workbook gave (so a re-import sends the same value). A CSV report keeps that ISO
 * text: a CSV has no dates, and a date written `11/01/2026` would be read back as 1 November by
 * one language and 11 January by the other, by Excel (which also rewrites it on save) as by
 * Carga; `2026-11-01T14:30:00` stays text in Excel and comes back unchanged.
 */
export interface DateCell {
  /** The cell's ISO text, as the workbook reader gave it. */
  iso: string;
  instant: Date;
  /** The Excel number format it is shown with. */
  format: string;
}

/** A cell as the report writers hand it over: text, a number the spreadsheet may sort, or a date. */
export type SheetCell = string | number | DateCell;

/** A file's own cell in a report: a workbook's date cell as a date (see DateCell), else its text. */
export function fileCell(lang: Lang, kind: FileKind, value: string): SheetCell {
  const date = kind === 'xlsx' ? readSheetDate(value) : null;
  if (!date) return value;
  return { iso: value, instant: sheetDateInstant(date), format: sheetDateFormat(lang, date) };
}

/** One table written row by row to a file that appears under its final name only when done. */
export interface SheetWriter {
  /** Resolves when the writer can take the next row (the file's backpressure). */
  addRow(cells: readonly SheetCell[]): Promise<void>;
  /** Completes the file and moves it to its final name. */
  finish(): Promise<void>;
  /** Abandons the file: nothing appears under the final name and the partial file is removed. */
  discard(): Promise<void>;
}

/** Streams every row into `sheet`, finishes it, and discards it if anything fails on the way
 * (the rows' source included), so a broken export leaves no file behind. */
export async function fillSheet<T>(
  sheet: SheetWriter,
  rows: AsyncIterable<T>,
  toCells: (row: T) => readonly SheetCell[],
): Promise<{ rows: number }> {
  let count = 0;
  try {
    for await (const row of rows) {
      await sheet.addRow(toCells(row));
      count += 1;
    }
    await sheet.finish();
  } catch (error) {
    // The first failure is the one worth reporting; a failed clean-up must not hide it.
    await sheet.discard().catch(() => undefined);
    throw error;
  }
  return { rows: count };
}

/** Cells aligned to `width` columns: short rows padded with blanks, extra cells dropped, so the
 * columns after them (outcome, code, …) never shift. */
export function alignCells(values: readonly string[], width: number): string[] {
  const cells = values.slice(0, width);
  while (cells.length < width) cells.push('');
  return cells;
}
