import type { FileInfo } from '../../../shared/contract';
import { countRows } from '../files/count-rows';
import { readRows } from '../files/read-rows';
import type { SourceRow } from '../files/source-row';
import type { SourceSeal } from './source-seal';

/**
 * A job's rows, read only from the bytes it started with: a CSV's blocks are proved one by one as
 * they are parsed. A workbook is read through its zip directory, not front to back, so all of it
 * is proved before its first row (the stat check before every request covers the rest of the
 * pass). Throws `job.file-changed` where the bytes differ.
 */
export async function* sealedRows(
  info: FileInfo,
  seal: SourceSeal,
  options: { signal?: AbortSignal } = {},
): AsyncGenerator<SourceRow[]> {
  if (info.kind === 'xlsx') {
    await proveAll(seal, options.signal);
    yield* readRows(info, options);
    return;
  }
  yield* readRows(info, { ...options, bytes: () => seal.blocks(options.signal) });
}

/** The number of rows `sealedRows` yields; reading every block records its hash. */
export async function sealedCount(info: FileInfo, seal: SourceSeal): Promise<number> {
  if (info.kind === 'xlsx') {
    await proveAll(seal);
    return countRows(info);
  }
  return countRows(info, () => seal.blocks());
}

async function proveAll(seal: SourceSeal, signal?: AbortSignal): Promise<void> {
  for await (const piece of seal.blocks(signal)) void piece;
}
