import type { FileInfo } from '../../../shared/contract';
import { countRows, type OnPosition } from '../files/count-rows';
import { readRows } from '../files/read-rows';
import type { SourceRow } from '../files/source-row';
import type { RowIndex, RowStart } from './row-index';
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
  options: { signal?: AbortSignal; batchSize?: number; from?: RowStart } = {},
): AsyncGenerator<SourceRow[]> {
  const { signal, from, batchSize } = options;
  const common = { ...(signal ? { signal } : {}), ...(batchSize ? { batchSize } : {}) };
  if (info.kind === 'xlsx') {
    await proveAll(seal, signal);
    yield* readRows(info, common);
    return;
  }
  yield* readRows(info, {
    ...common,
    ...(from ? { from } : {}),
    bytes: () => seal.blocks(signal, from?.position.offset ?? 0),
  });
}

/** The number of rows `sealedRows` yields; reading every block records its hash. A CSV's
 * positions go to `onPosition` on the way (for the job's RowIndex). */
export async function sealedCount(
  info: FileInfo,
  seal: SourceSeal,
  onPosition?: OnPosition,
): Promise<number> {
  if (info.kind === 'xlsx') {
    await proveAll(seal);
    return countRows(info);
  }
  return countRows(info, () => seal.blocks(), onPosition);
}

async function proveAll(seal: SourceSeal, signal?: AbortSignal): Promise<void> {
  for await (const piece of seal.blocks(signal)) void piece;
}

/** Rows read at a time while looking for wanted ones: past a batch, a far wanted row is reached
 * by starting again from the index's position before it rather than reading on. */
const NEARBY_ROWS = 128;

/**
 * The rows with these indices (ascending), read through the seal like sealedRows: each stretch
 * from the job's RowIndex position before it (from the top without one), so the cost is that of
 * the rows wanted, not of their place in the file. Throws `job.file-changed` as sealedRows does.
 */
export async function* sealedRowsAt(
  info: FileInfo,
  seal: SourceSeal,
  index: RowIndex | null,
  wanted: readonly number[],
): AsyncGenerator<SourceRow> {
  let at = 0;
  while (at < wanted.length) {
    const from = index?.startFor(wanted[at]!) ?? null;
    let jump = false;
    for await (const batch of sealedRows(info, seal, { batchSize: NEARBY_ROWS, ...(from ? { from } : {}) })) {
      for (const row of batch) {
        if (row.index !== wanted[at]) continue;
        yield row;
        at++;
      }
      if (at >= wanted.length) return;
      const ahead = index?.startFor(wanted[at]!);
      if (ahead && ahead.index > (batch.at(-1)?.index ?? 0) + 1) {
        jump = true;
        break;
      }
    }
    // The file ended before the rest: they are not in it.
    if (!jump) return;
  }
}
