import { createHash } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  fdatasyncSync,
  openSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

import * as z from 'zod';

import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { CSV_CHUNK_BYTES } from '../files/file-limits';
import { isStorageError } from '../storage/storage-failure';
import { writeFileAtomic } from './atomic-write';

/** Bytes of the source per sealed block: a 156 MB file has 150 hashes (5 KB), read one block
 * (1 MiB) at a time. */
export const SEAL_BLOCK_BYTES = 1 << 20;
const HASH_BYTES = 32;
/** A block's number (uint32) and its SHA-256, appended to `source-blocks.bin`. */
const RECORD_BYTES = 4 + HASH_BYTES;

/** What `stat` tells of a file's version, to the nanosecond. The change time cannot be set back
 * (utimes itself moves it), so a rewrite that restores size and modification time still shows. */
const identitySchema = z.object({
  size: z.string(),
  mtimeNs: z.string(),
  ctimeNs: z.string(),
  ino: z.string(),
});
type FileIdentity = z.infer<typeof identitySchema>;

const sealSchema = z.object({
  version: z.literal(1),
  blockBytes: z.number().int().positive(),
  identity: identitySchema,
});

/** The source of a job as `JobSpec.file` names it. */
export interface SealedSource {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
}

/**
 * The fingerprint of the exact bytes a job started with: the SHA-256 of each block of its source,
 * recorded the first time any read of the job meets the block, and checked at every later read
 * before a row of that block is used. A block is recorded only while `stat` still shows the
 * file as it was when the job was created (so a file changed before its first full read is never
 * taken for the job's own); the creating pass reads every block at once, alongside the sending.
 * Files in the job folder: `source-seal.json` (that version of the file) and `source-blocks.bin`.
 */
export class SourceSeal {
  private readonly hashes = new Map<number, Buffer>();

  private constructor(
    private readonly folder: string,
    readonly source: SealedSource,
    private identity: FileIdentity,
    readonly blockBytes: number,
  ) {}

  /** At the job's creation: the file as it is now is the job's. */
  static create(folder: string, source: SealedSource, blockBytes = SEAL_BLOCK_BYTES): SourceSeal {
    const seal = new SourceSeal(folder, source, identityOf(source.path) ?? missing(source), blockBytes);
    seal.writeVersion();
    return seal;
  }

  /** The seal kept in the job folder. A job created before seals were kept gets one now, as
   * long as its file still has the size and time its spec recorded (the check it had then). */
  static open(folder: string, source: SealedSource): SourceSeal {
    const path = join(folder, 'source-seal.json');
    if (!existsSync(path)) {
      const stat = statSync(source.path, { throwIfNoEntry: false });
      const same = stat && stat.size === source.size && Math.abs(stat.mtimeMs - source.mtimeMs) <= 1;
      const identity = (same && identityOf(source.path)) || { size: '-1', mtimeNs: '', ctimeNs: '', ino: '' };
      const seal = new SourceSeal(folder, source, identity, SEAL_BLOCK_BYTES);
      seal.writeVersion();
      return seal;
    }
    let saved: z.infer<typeof sealSchema>;
    try {
      saved = sealSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      // Without the seal nothing can be proved: every read will stop the job as changed.
      saved = {
        version: 1,
        blockBytes: SEAL_BLOCK_BYTES,
        identity: { size: '-1', mtimeNs: '', ctimeNs: '', ino: '' },
      };
    }
    const seal = new SourceSeal(folder, source, saved.identity, saved.blockBytes);
    seal.loadBlocks();
    return seal;
  }

  /** The file's size when the job was created. */
  get size(): number {
    return Number(this.identity.size);
  }

  /** Whether `stat` still shows the version of the file the job started with (checked before
   * every request: microseconds, where hashing would read the file again). */
  unchanged(): boolean {
    return sameIdentity(identityOf(this.source.path), this.identity);
  }

  /** Whether every block of the file has its hash. */
  get complete(): boolean {
    return this.hashes.size >= Math.ceil(this.size / this.blockBytes);
  }

  /** One digest of every block's hash, in order: names the exact bytes the job reads, for what
   * is derived from them (the row index). Null until every block has its hash. */
  fingerprint(): string | null {
    if (!this.complete) return null;
    const digest = createHash('sha256');
    for (let block = 0; block < Math.ceil(this.size / this.blockBytes); block++) {
      const hash = this.hashes.get(block);
      if (!hash) return null;
      digest.update(hash);
    }
    return digest.digest('hex');
  }

  /**
   * Before a pass: the file as it is now may be read. When only its times changed (it was
   * touched, copied over with the same bytes, its permissions changed) every block is read and
   * compared; the same bytes make the current version the job's. Throws `job.file-changed`.
   */
  async assertProvable(): Promise<void> {
    const now = identityOf(this.source.path);
    if (sameIdentity(now, this.identity)) return;
    if (!now || now.size !== this.identity.size || !this.complete) throw this.changed();
    for await (const block of this.blocks()) void block;
    this.identity = identityOf(this.source.path) ?? missing(this.source);
    this.writeVersion();
  }

  /**
   * The file's bytes in the order a reader wants them, each block checked against its hash (or
   * recorded, the first time) before any of its bytes is handed on; in pieces of the size the
   * CSV reader decodes fastest. Throws `job.file-changed` at the first block that differs, a file
   * shorter or longer than it was, or a block that cannot be proved. From `from` on (a byte
   * offset): the block holding it is still read and checked whole.
   */
  async *blocks(signal?: AbortSignal, from = 0): AsyncGenerator<Buffer> {
    const handle = await open(this.source.path, 'r').catch(() => {
      throw this.changed();
    });
    try {
      const size = this.size;
      if (size < 0 || from > size) throw this.changed();
      const firstBlock = Math.floor(from / this.blockBytes);
      for (
        let block = firstBlock, offset = firstBlock * this.blockBytes;
        offset < size;
        block++, offset += this.blockBytes
      ) {
        signal?.throwIfAborted();
        const length = Math.min(this.blockBytes, size - offset);
        const bytes = Buffer.allocUnsafe(length);
        let filled = 0;
        while (filled < length) {
          const { bytesRead } = await handle.read(bytes, filled, length - filled, offset + filled);
          if (bytesRead === 0) throw this.changed();
          filled += bytesRead;
        }
        const hash = createHash('sha256').update(bytes).digest();
        const known = this.hashes.get(block);
        if (known ? !known.equals(hash) : !sameIdentity(await statOf(handle), this.identity))
          throw this.changed();
        if (!known) this.record(block, hash);
        for (let at = Math.max(0, from - offset); at < length; at += CSV_CHUNK_BYTES)
          yield bytes.subarray(at, Math.min(length, at + CSV_CHUNK_BYTES));
      }
      const { bytesRead } = await handle.read(Buffer.alloc(1), 0, 1, size);
      if (bytesRead > 0) throw this.changed();
    } finally {
      await handle.close();
    }
  }

  /** Puts the recorded hashes on the device (once, after the creating pass read every block; a
   * hash lost in a crash is only recorded again while the file is provably the same version). */
  sync(): void {
    const path = this.blocksPath;
    if (!existsSync(path)) return;
    const fd = openSync(path, 'r+');
    try {
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  changed(): CargaError {
    return new CargaError(msg('job.file-changed', { name: this.source.name }));
  }

  private get blocksPath(): string {
    return join(this.folder, 'source-blocks.bin');
  }

  private record(block: number, hash: Buffer): void {
    this.hashes.set(block, hash);
    const line = Buffer.alloc(RECORD_BYTES);
    line.writeUInt32BE(block, 0);
    hash.copy(line, 4);
    try {
      appendFileSync(this.blocksPath, line);
    } catch (error) {
      // A full disk: the hash still guards this process; after a restart the block is only
      // recorded again while the file is provably the version the job started with.
      if (!isStorageError(error)) throw error;
    }
  }

  private loadBlocks(): void {
    if (!existsSync(this.blocksPath)) return;
    const data = readFileSync(this.blocksPath);
    // A record cut short by a crash is ignored; whole records are all that was written.
    for (let at = 0; at + RECORD_BYTES <= data.length; at += RECORD_BYTES) {
      const block = data.readUInt32BE(at);
      if (!this.hashes.has(block))
        this.hashes.set(block, Buffer.from(data.subarray(at + 4, at + RECORD_BYTES)));
    }
  }

  private writeVersion(): void {
    const saved: z.infer<typeof sealSchema> = {
      version: 1,
      blockBytes: this.blockBytes,
      identity: this.identity,
    };
    writeFileAtomic(join(this.folder, 'source-seal.json'), JSON.stringify(saved) + '\n');
  }
}

function identityOf(path: string): FileIdentity | null {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat ? identityFrom(stat) : null;
}

async function statOf(handle: FileHandle): Promise<FileIdentity> {
  return identityFrom(await handle.stat({ bigint: true }));
}

function identityFrom(stat: { size: bigint; mtimeNs: bigint; ctimeNs: bigint; ino: bigint }): FileIdentity {
  return {
    size: String(stat.size),
    mtimeNs: String(stat.mtimeNs),
    ctimeNs: String(stat.ctimeNs),
    ino: String(stat.ino),
  };
}

function sameIdentity(a: FileIdentity | null, b: FileIdentity): boolean {
  return (
    a !== null && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino
  );
}

function missing(source: SealedSource): never {
  throw new CargaError(msg('file.not-found', { path: source.path }));
}
