import type { FileInfo } from '../../../shared/contract';
import { fileRecords } from './file-records';
import { isBlankRecord } from './header-row';

/** Exact number of data rows readRows yields (quoted line breaks are not rows; blank rows are
 * not counted). Reads the whole file, building no rows. */
export async function countRows(info: FileInfo, bytes?: () => AsyncIterable<Buffer>): Promise<number> {
  const headerLine = info.headerRow + 1;
  let count = 0;
  for await (const { rows, lines } of fileRecords(info, undefined, bytes)) {
    for (let i = 0; i < rows.length; i++) {
      if (lines[i]! > headerLine && !isBlankRecord(rows[i]!)) count++;
    }
  }
  return count;
}
