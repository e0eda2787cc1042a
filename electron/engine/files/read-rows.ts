import type { FileInfo } from '../../../shared/contract';
import { isCargaError } from '../../../shared/errors/carga-error';
import { fileRecords } from './file-records';
import { isBlankRecord } from './header-row';
import type { RecordPosition } from './record-position';
import { shapeCells } from './shape-row';
import type { SourceRow } from './source-row';

export interface ReadRowsOptions {
  /** Stops reading; the generator then throws the signal's reason. */
  signal?: AbortSignal;
  /** Rows per yielded batch (the last one may be shorter). */
  batchSize?: number;
  /** The CSV's bytes from another source than the file itself (a job's verified reading). */
  bytes?: () => AsyncIterable<Buffer>;
  /** A CSV read from the middle: a record's position past the header (`bytes` then start at its
   * offset) and the index of the first data row there (see countRows' `onPosition`). */
  from?: { position: RecordPosition; index: number };
}

const DEFAULT_BATCH = 1000;

/**
 * Every data row after the header, in batches, read only as fast as the consumer pulls (memory
 * stays bounded whatever the file's size). Reads the file as `info` describes it: after changing
 * its encoding, delimiter, header row or sheet, call openFile again with them as options.
 * Rows with no data (blank lines, `;;;;`) are skipped and get no index; a row that does not fit
 * the header comes with `ragged` set (cells still aligned to the columns) so it is reported,
 * never sent. Throws a CargaError naming the row or byte where the file is broken, after
 * yielding the rows before it.
 */
export async function* readRows(info: FileInfo, options: ReadRowsOptions = {}): AsyncGenerator<SourceRow[]> {
  const { signal } = options;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const headerLine = info.headerRow + 1;
  const width = info.columns.length;
  const flagShort = info.kind === 'csv';
  let batch: SourceRow[] = [];
  const { from } = options;
  let index = from?.index ?? 0;
  try {
    for await (const { rows, lines, flagged } of fileRecords(info, {
      ...(signal ? { signal } : {}),
      ...(options.bytes ? { bytes: options.bytes } : {}),
      ...(from ? { start: from.position } : {}),
    })) {
      signal?.throwIfAborted();
      for (let i = 0; i < rows.length; i++) {
        const row = lines[i]!;
        if (row <= headerLine) continue;
        const cells = rows[i]!;
        if (isBlankRecord(cells)) continue;
        const misshapen = shapeCells(cells, width, row, flagShort);
        const ragged = flagged?.get(i) ?? misshapen;
        batch.push(ragged ? { index, row, cells, ragged } : { index, row, cells });
        index++;
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
          signal?.throwIfAborted();
        }
      }
    }
  } catch (error) {
    // The rows before a break in the file are good: hand them on before saying where it broke.
    if (isCargaError(error) && batch.length > 0) yield batch;
    throw error;
  }
  if (batch.length > 0) yield batch;
}
