import type { FileInfo } from '../../../shared/contract';
import { readRows } from './read-rows';

/** Exact number of data rows readRows yields (quoted line breaks are not rows; blank rows are
 * not counted). Reads the whole file. */
export async function countRows(info: FileInfo): Promise<number> {
  let count = 0;
  for await (const batch of readRows(info, { batchSize: 10_000 })) count += batch.length;
  return count;
}
