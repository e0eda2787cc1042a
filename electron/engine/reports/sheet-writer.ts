/** A cell as the report writers hand it over: text, or a number the spreadsheet may sort. */
export type SheetCell = string | number;

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
