import { msg } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';

/**
 * Aligns a record's cells to the header's width, in place, and says why it is ragged, if it is.
 * Extra cells that are empty are dropped silently (Excel pads rows with delimiters); extra data
 * is flagged so the row is reported instead of sent without it. A short row is padded with ''
 * and, when `flagShort` (CSV: a short record is usually a row broken by an unquoted line break),
 * flagged; XLSX rows are short whenever their last cells are empty, which is normal.
 */
export function shapeCells(
  cells: string[],
  width: number,
  row: number,
  flagShort: boolean,
): Message | undefined {
  const found = cells.length;
  if (found === width) return undefined;
  if (found < width) {
    for (let i = found; i < width; i++) cells.push('');
    return flagShort ? msg('file.row-short', { row, expected: width, found }) : undefined;
  }
  let lastFilled = found - 1;
  while (lastFilled >= width && cells[lastFilled]!.trim() === '') lastFilled--;
  cells.length = width;
  return lastFilled >= width
    ? msg('file.row-long', { row, expected: width, found: lastFilled + 1 })
    : undefined;
}
