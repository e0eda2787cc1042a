import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  fdatasyncSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

import { destinationFileName } from './destination';
import { FingerprintTable } from './fingerprint-table';
import {
  decodeHeader,
  encodeHeader,
  encodeJob,
  encodeRow,
  HEADER_BYTES,
  KEY_BYTES,
  scanRecords,
  UNIT,
} from './ledger-records';
import { RowFingerprinter } from './row-fingerprint';

/** The earlier job that a destination accepted a row from. */
export interface LedgerHit {
  jobId: string;
  /** When that job's rows were accepted (ISO; the first acceptance of that job that day). */
  at: string;
}

/** What a job pass needs from the ledger of its destination. */
export interface DestinationLedger {
  /** Fingerprints for one pass over a file, in file order (identical rows are numbered). */
  fingerprinter(): RowFingerprinter;
  lookup(fp: Uint8Array): LedgerHit | undefined;
  /** Rows the destination just accepted; called right after the journal records them `ok`. */
  recordAccepted(fps: readonly Uint8Array[], jobId: string): void;
  /** Flushes to the device (pauses and the end of a pass, like the journal). */
  sync(): void;
  /** Up to `rows` more rows may be accepted by the pass (the file's count, once known): room for
   * them is made at once rather than by doubling as they come. */
  reserve(rows: number): void;
}

/** Reading the file in chunks keeps loading a million rows to the table and 1 MB. */
const CHUNK = 1 << 20;
/** Other processes may append to the same ledger: look at the file's end again this often. */
const LOOKUPS_PER_REFRESH = 256;

/**
 * Every row one destination accepted, across jobs and processes: an append-only file of
 * fingerprints (see ledger-records.ts) and, in memory, a fingerprint table plus a small side
 * table of jobs. Never holds a value or a token: only keyed fingerprints.
 *
 * Durability: appends are single `write` calls, in the kernel's cache before `recordAccepted`
 * returns, so they survive a crash or `kill -9` of the process; `sync` (at pauses and at the end
 * of every pass) puts them on the device. What a power cut takes from the tail the journals
 * still hold, and opening the ledger fills it back from them (ledger-backfill.ts).
 */
export class LedgerFile implements DestinationLedger {
  private readonly table: FingerprintTable;
  private readonly jobs = new Map<number, LedgerHit>();
  private readonly rowsByJob = new Map<string, number>();
  private readOffset = HEADER_BYTES;
  private damagedBytes = 0;
  private lookups = 0;
  /** What this process appended since the last look at the file: bytes, and rows by job. Its
   * rows are in the table already; when the file grew by exactly these bytes, nobody else
   * wrote, and reading them back is skipped. */
  private ownBytes = 0;
  private readonly ownRowsByJob = new Map<string, number>();
  private appendBuffer = Buffer.alloc(0);

  private constructor(
    private readonly fd: number,
    private readonly key: Buffer,
    private readonly destination: string,
    expectedRows: number,
  ) {
    this.table = new FingerprintTable(expectedRows);
    this.refresh();
  }

  /** Opens (creating) the ledger of `destination` (a destinationKey) in `dir`. */
  static open(dir: string, destination: string): LedgerFile {
    // Only the user: the header holds the key that makes fingerprints unguessable.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, destinationFileName(destination));
    const digest = createHash('sha256').update(destination).digest();
    for (;;) {
      const existing = statSync(path, { throwIfNoEntry: false });
      if (!existing) {
        createAtomically(path, encodeHeader(randomBytes(KEY_BYTES), digest));
        continue;
      }
      const fd = openSync(path, 'a+');
      const header = Buffer.alloc(HEADER_BYTES);
      const read = readSync(fd, header, 0, HEADER_BYTES, 0);
      const key = decodeHeader(header.subarray(0, read), digest);
      if (key) return new LedgerFile(fd, key, destination, Math.floor((existing.size - HEADER_BYTES) / UNIT));
      closeSync(fd);
      // Not a ledger this version can read: kept aside for a person to look at, never overwritten.
      renameSync(path, `${path}.unreadable-${Date.now()}`);
    }
  }

  fingerprinter(): RowFingerprinter {
    return new RowFingerprinter(this.key, this.destination);
  }

  lookup(fp: Uint8Array): LedgerHit | undefined {
    if (++this.lookups % LOOKUPS_PER_REFRESH === 0) this.refresh();
    const ref = this.table.get(fp);
    return ref === 0 ? undefined : (this.jobs.get(ref) ?? { jobId: '?', at: new Date(0).toISOString() });
  }

  /** `now`: when the rows were accepted, if not just now (a ledger filled back from journals). */
  recordAccepted(fps: readonly Uint8Array[], jobId: string, now = new Date()): void {
    if (fps.length === 0) return;
    const ref = jobRef(jobId, now);
    const head = this.jobs.has(ref) ? Buffer.alloc(0) : encodeJob(ref, jobId, now.getTime());
    const size = head.length + fps.length * UNIT;
    // One buffer reused for every append (each unit's bytes are all written below): a batch of
    // 10,000 rows is 320 KB that would otherwise be left to the GC each time.
    if (this.appendBuffer.length < size) this.appendBuffer = Buffer.allocUnsafe(size);
    const bytes = this.appendBuffer.subarray(0, size);
    head.copy(bytes, 0);
    for (let n = 0; n < fps.length; n++) encodeRow(ref, fps[n]!, bytes, head.length + n * UNIT);
    writeAll(this.fd, bytes);
    this.ownBytes += bytes.length;
    this.ownRowsByJob.set(jobId, (this.ownRowsByJob.get(jobId) ?? 0) + fps.length);
    if (!this.jobs.has(ref)) this.jobs.set(ref, { jobId, at: now.toISOString() });
    for (const fp of fps) this.table.add(fp, ref);
  }

  sync(): void {
    fdatasyncSync(this.fd);
  }

  reserve(rows: number): void {
    this.table.reserve(this.table.size + rows);
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Rows of `jobId` the file holds (after reading what others appended). */
  acceptedBy(jobId: string): number {
    this.refresh();
    return this.rowsByJob.get(jobId) ?? 0;
  }

  get size(): number {
    return this.table.size;
  }

  /** Bytes of damaged or torn records passed over so far. */
  get damaged(): number {
    return this.damagedBytes;
  }

  get memoryBytes(): number {
    return this.table.bytes;
  }

  /** Reads records appended since the last look, by this process or any other. */
  refresh(): void {
    const size = fstatSync(this.fd).size;
    const own = this.ownBytes;
    this.ownBytes = 0;
    if (own > 0 && size - this.readOffset === own) {
      this.readOffset = size;
      for (const [jobId, rows] of this.ownRowsByJob)
        this.rowsByJob.set(jobId, (this.rowsByJob.get(jobId) ?? 0) + rows);
      this.ownRowsByJob.clear();
      return;
    }
    // Others wrote too: everything since the last look is read, this process's rows included.
    this.ownRowsByJob.clear();
    if (size - this.readOffset < UNIT) return;
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, size - this.readOffset));
    const visit = {
      row: (ref: number, fp: Buffer) => {
        this.table.add(fp, ref);
        const jobId = this.jobs.get(ref)?.jobId ?? '?';
        this.rowsByJob.set(jobId, (this.rowsByJob.get(jobId) ?? 0) + 1);
      },
      job: (ref: number, jobId: string, atMs: number) => {
        if (!this.jobs.has(ref)) this.jobs.set(ref, { jobId, at: new Date(atMs).toISOString() });
      },
    };
    while (size - this.readOffset >= UNIT) {
      const length = readSync(
        this.fd,
        chunk,
        0,
        Math.min(chunk.length, size - this.readOffset),
        this.readOffset,
      );
      const { next, skipped } = scanRecords(chunk, length, visit);
      this.damagedBytes += skipped;
      this.readOffset += next;
      if (next === 0) break;
    }
  }
}

/** A job's reference for the day: the same in every process, so writers need not agree on numbers. */
function jobRef(jobId: string, at: Date): number {
  const day = at.toISOString().slice(0, 10);
  const ref = createHash('sha256').update(jobId).update('\0').update(day).digest().readUInt32LE(0);
  return ref === 0 ? 1 : ref;
}

/** The header written aside, then linked in: two processes creating the ledger at once end with one file. */
function createAtomically(path: string, header: Buffer): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, header, { flush: true, mode: 0o600 });
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written);
}
