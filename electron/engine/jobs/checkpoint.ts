import { closeSync, constants, existsSync, fdatasyncSync, openSync, readFileSync, writeSync } from 'node:fs';

/** Entries of a journal that say what was sent, counted as they are written. */
export interface CheckpointCounts {
  /** The journal's size in bytes: listing jobs compares it without replaying the journal. */
  bytes: number;
  /** `send` entries. */
  sends: number;
  /** Outcome entries: ok, failed, uncertain, unsent. */
  settled: number;
  /** Rows recorded ok: what the destination's ledger must hold of this job to stand in for a lost journal. */
  accepted: number;
  /** Lines that do not read. */
  corrupt: number;
  /** Corrupt lines already reviewed (the ledger proved the rows): not damage any more. */
  corruptAccepted: number;
}

/** One disk sector: a write this small at offset 0 lands whole or not at all (as databases rely
 * on for their headers), so the checkpoint is updated in place instead of renamed. */
const SIZE = 512;

/**
 * A job's checkpoint, kept beside its journal (`checkpoint.json`): how many sends and outcomes
 * the journal held when it was last flushed. A journal later found with fewer (deleted, emptied,
 * cut) lost lines that may have said a row was sent; the job is then marked damaged instead of
 * resending those rows. It is written only after the journal is on the device, so it is never
 * ahead of what survives a power cut.
 */
export class Checkpoint {
  private fd: number | null = null;

  private constructor(
    private readonly path: string,
    /** What the checkpoint said when the job was opened: null when there was none. */
    readonly saved: CheckpointCounts | 'unreadable' | null,
  ) {}

  static open(path: string): Checkpoint {
    return new Checkpoint(path, readCheckpoint(path));
  }

  /** Durable at the end of a pass; after each group flush the kernel's cache is enough (a
   * process crash keeps it, and a power cut can only make it older, never ahead). */
  write(counts: CheckpointCounts, { durable }: { durable: boolean }): void {
    this.fd ??= openSync(this.path, constants.O_RDWR | constants.O_CREAT, 0o644);
    const text = JSON.stringify({ version: 1, ...counts });
    writeSync(this.fd, text.padEnd(SIZE - 1, ' ') + '\n', 0);
    if (durable) fdatasyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** What a job's checkpoint says: null when there is none. */
export function readCheckpoint(path: string): CheckpointCounts | 'unreadable' | null {
  if (!existsSync(path)) return null;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<Record<keyof CheckpointCounts, unknown>>;
    const { bytes, sends, settled, accepted, corrupt, corruptAccepted } = value;
    if (
      [bytes, sends, settled, accepted, corrupt, corruptAccepted].every(
        (n) => typeof n === 'number' && Number.isInteger(n) && n >= 0,
      )
    ) {
      return { bytes, sends, settled, accepted, corrupt, corruptAccepted } as CheckpointCounts;
    }
    return 'unreadable';
  } catch {
    return 'unreadable';
  }
}
