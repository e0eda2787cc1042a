import type { FileInfo } from '../../../shared/contract';
import { fileRecords } from './file-records';
import { isBlankRecord } from './header-row';
import type { RecordPosition } from './record-position';

/** Told, while counting a CSV, where reading may start again past the header: the position of
 * a record, and the data rows before it (the index `readRows` gives its first data row). */
export type OnPosition = (position: RecordPosition, rowsBefore: number) => void;

/** Exact number of data rows readRows yields (quoted line breaks are not rows; blank rows are
 * not counted). Reads the whole file, building no rows. */
export async function countRows(
  info: FileInfo,
  bytes?: () => AsyncIterable<Buffer>,
  onPosition?: OnPosition,
): Promise<number> {
  const headerLine = info.headerRow + 1;
  let count = 0;
  for await (const { rows, lines, next } of fileRecords(info, {
    ...(bytes ? { bytes } : {}),
    ...(onPosition ? { track: true } : {}),
  })) {
    for (let i = 0; i < rows.length; i++) {
      if (lines[i]! > headerLine && !isBlankRecord(rows[i]!)) count++;
    }
    if (next && next.row > headerLine) onPosition?.(next, count);
  }
  return count;
}
