import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as z from 'zod';

import type { RecordPosition } from '../files/record-position';
import { isStorageError } from '../storage/storage-failure';
import { writeFileAtomic } from './atomic-write';
import type { JobSpec } from './job-spec';

const FILE_NAME = 'source-rows.json';

const rowIndexSchema = z.object({
  version: z.literal(1),
  /** The seal's fingerprint of the bytes the positions were read from. */
  fingerprint: z.string().min(1),
  /** How the file was read: positions hold only for the same encoding, delimiter and header. */
  dialect: z.string(),
  newline: z.enum(['\r\n', '\n', '\r']),
  /** Parallel lists, one entry per position: its byte offset, the row Excel gives the record
   * there, and the data rows before it. */
  offsets: z.array(z.number().int().nonnegative()),
  rows: z.array(z.number().int().nonnegative()),
  indices: z.array(z.number().int().nonnegative()),
});
const savedSchema = rowIndexSchema.extend({
  /** SHA-256 of the rest: a position garbled on disk would lead to other rows. */
  digest: z.string(),
});

/** Where reading starts to reach a data row: a record's position and that record's row index. */
export interface RowStart {
  position: RecordPosition;
  index: number;
}

/**
 * Where a job's CSV may be read from the middle: the position of a record at the end of every
 * chunk the reader parses (CSV_CHUNK_BYTES), with the data rows before it. Reading a row far
 * down a big file starts at the position before it instead of at the top, so a page of results
 * costs the same anywhere in the file: one sealed block checked, one chunk parsed.
 *
 * Written once per job, by the read that seals the source (`source-rows.json` in the job
 * folder, about 22 bytes a position: under 0.1 byte a row for rows of 100 bytes), and used only while
 * the seal's fingerprint (the hash of every block) is the one it was read from; the rows it
 * leads to are still read through the seal, block by block.
 */
export class RowIndex {
  private constructor(
    private readonly newline: RecordPosition['newline'],
    private readonly offsets: Float64Array,
    private readonly rows: Uint32Array,
    private readonly indices: Uint32Array,
  ) {}

  /** The position to start from to reach data row `index` (null: from the top of the file). */
  startFor(index: number): RowStart | null {
    // The last position whose first data row is at or before `index`.
    let low = 0;
    let high = this.indices.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.indices[middle]! <= index) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found < 0) return null;
    return {
      position: { offset: this.offsets[found]!, row: this.rows[found]!, newline: this.newline },
      index: this.indices[found]!,
    };
  }

  /** Positions kept, for the bench's bytes-per-row figure. */
  get size(): number {
    return this.offsets.length;
  }

  /** The index in the job folder, or null when there is none, it does not read, or it was read
   * from other bytes or another way of reading the file than the job's. */
  static read(folder: string, file: JobSpec['file'], fingerprint: string | null): RowIndex | null {
    if (fingerprint === null) return null;
    let saved: z.infer<typeof savedSchema>;
    try {
      saved = savedSchema.parse(JSON.parse(readFileSync(join(folder, FILE_NAME), 'utf8')));
    } catch {
      return null;
    }
    const { digest, ...content } = saved;
    if (digest !== digestOf(content)) return null;
    const { offsets, rows, indices } = saved;
    if (saved.fingerprint !== fingerprint || saved.dialect !== dialectOf(file)) return null;
    if (rows.length !== offsets.length || indices.length !== offsets.length) return null;
    for (let i = 1; i < offsets.length; i++)
      if (offsets[i]! <= offsets[i - 1]! || rows[i]! <= rows[i - 1]! || indices[i]! < indices[i - 1]!)
        return null;
    if (offsets.some((offset) => offset > file.size)) return null;
    return new RowIndex(
      saved.newline,
      Float64Array.from(offsets),
      Uint32Array.from(rows),
      Uint32Array.from(indices),
    );
  }

  /** Collects the positions a sealing read reports (countRows' `onPosition`). */
  static builder(): RowIndexBuilder {
    return new RowIndexBuilder();
  }

  /** Writes the positions collected, for the bytes `fingerprint` names. On a full or read-only
   * disk it is kept for this process only (another reads from the top, as before the index). */
  static write(folder: string, file: JobSpec['file'], fingerprint: string, built: RowIndexBuilder): RowIndex {
    // A file too short for a position is read from the top: any newline will do.
    const newline = built.newline ?? '\n';
    const saved: z.infer<typeof rowIndexSchema> = {
      version: 1,
      fingerprint,
      dialect: dialectOf(file),
      newline,
      offsets: built.offsets,
      rows: built.rows,
      indices: built.indices,
    };
    try {
      writeFileAtomic(join(folder, FILE_NAME), JSON.stringify({ ...saved, digest: digestOf(saved) }) + '\n');
    } catch (error) {
      if (!isStorageError(error)) throw error;
    }
    return new RowIndex(
      newline,
      Float64Array.from(built.offsets),
      Uint32Array.from(built.rows),
      Uint32Array.from(built.indices),
    );
  }
}

export class RowIndexBuilder {
  newline: RecordPosition['newline'] | null = null;
  readonly offsets: number[] = [];
  readonly rows: number[] = [];
  readonly indices: number[] = [];

  /** Keeps a position unless it leads to the same data row as the one before (blank lines). */
  add = (position: RecordPosition, rowsBefore: number): void => {
    if (this.indices.length > 0 && this.indices.at(-1) === rowsBefore) return;
    this.newline = position.newline;
    this.offsets.push(position.offset);
    this.rows.push(position.row);
    this.indices.push(rowsBefore);
  };
}

function digestOf(content: z.infer<typeof rowIndexSchema>): string {
  const { version, fingerprint, dialect, newline, offsets, rows, indices } = content;
  return createHash('sha256')
    .update(JSON.stringify([version, fingerprint, dialect, newline, offsets, rows, indices]))
    .digest('hex');
}

function dialectOf(file: JobSpec['file']): string {
  return JSON.stringify([file.kind, file.encoding, file.delimiter, file.headerRow, file.columns.length]);
}
