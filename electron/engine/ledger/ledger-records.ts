import { crc32 } from './crc32';
import { FINGERPRINT_BYTES } from './row-fingerprint';

/**
 * The ledger file's format. A 64-byte header — magic, version, the random key rows are
 * fingerprinted with, a digest of the destination — then records in 32-byte units, each
 * ending in a CRC-32 of the rest:
 *
 *   row (1 unit):  'R' · 3 zero bytes · job ref u32 · fingerprint (16) · 4 zero bytes · crc
 *   job (2 units): 'J' · id length · 2 zero bytes · job ref u32 · time accepted (f64 ms) ·
 *                  job id (UTF-8, zero-padded to 44) · crc
 *
 * A job's record is written in the same write as its first rows, so every ref names a job.
 * Nothing is ever rewritten: a unit that does not check out (a write cut by a crash, a
 * damaged block) is passed over byte by byte until records check out again, so a torn tail
 * costs only the rows in it and a damaged middle costs only the damaged units.
 */
export const HEADER_BYTES = 64;
export const UNIT = 32;
export const KEY_BYTES = 32;
const MAGIC = Buffer.from('CARGALDG', 'latin1');
const VERSION = 1;
const ROW = 0x52;
const JOB = 0x4a;
const JOB_ID_BYTES = 44;

export function encodeHeader(key: Uint8Array, destinationDigest: Uint8Array): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(VERSION, 8);
  header.writeUInt32LE(UNIT, 12);
  header.set(key.subarray(0, KEY_BYTES), 16);
  header.set(destinationDigest.subarray(0, 16), 48);
  return header;
}

/** The key, when the header is one this version wrote for this destination. */
export function decodeHeader(header: Buffer, destinationDigest: Uint8Array): Buffer | null {
  if (header.length < HEADER_BYTES || !header.subarray(0, 8).equals(MAGIC)) return null;
  if (header.readUInt32LE(8) !== VERSION || header.readUInt32LE(12) !== UNIT) return null;
  if (!header.subarray(48, 64).equals(Buffer.from(destinationDigest.subarray(0, 16)))) return null;
  return Buffer.from(header.subarray(16, 16 + KEY_BYTES));
}

export function encodeRow(ref: number, fp: Uint8Array, into: Buffer, at: number): void {
  // Each byte set once (a Buffer.fill of 32 bytes costs more than the unit's other writes).
  into.writeUInt32LE(ROW, at);
  into.writeUInt32LE(ref, at + 4);
  // A fingerprint is FINGERPRINT_BYTES long: set as it is, with no view made of it for each row.
  into.set(fp.length === FINGERPRINT_BYTES ? fp : fp.subarray(0, FINGERPRINT_BYTES), at + 8);
  into.writeUInt32LE(0, at + 8 + FINGERPRINT_BYTES);
  into.writeUInt32LE(crc32(into, at, at + UNIT - 4), at + UNIT - 4);
}

export function encodeJob(ref: number, jobId: string, atMs: number): Buffer {
  const unit = Buffer.alloc(2 * UNIT);
  const id = Buffer.from(jobId, 'utf8');
  if (id.length > JOB_ID_BYTES) throw new RangeError(`Job id longer than ${JOB_ID_BYTES} bytes`);
  unit[0] = JOB;
  unit[1] = id.length;
  unit.writeUInt32LE(ref, 4);
  unit.writeDoubleLE(atMs, 8);
  id.copy(unit, 16);
  unit.writeUInt32LE(crc32(unit, 0, 2 * UNIT - 4), 2 * UNIT - 4);
  return unit;
}

export interface RecordVisitor {
  row(ref: number, fp: Buffer): void;
  job(ref: number, jobId: string, atMs: number): void;
}

/**
 * Reads the records in `bytes[0, end)`; returns where reading must go on next time (the start
 * of a unit not yet complete) and how many bytes were passed over as damaged.
 */
export function scanRecords(
  bytes: Buffer,
  end: number,
  visit: RecordVisitor,
): { next: number; skipped: number } {
  let pos = 0;
  let skipped = 0;
  while (pos + UNIT <= end) {
    const type = bytes[pos];
    if (type === ROW && checks(bytes, pos, UNIT)) {
      visit.row(bytes.readUInt32LE(pos + 4), bytes.subarray(pos + 8, pos + 8 + FINGERPRINT_BYTES));
      pos += UNIT;
      continue;
    }
    if (type === JOB) {
      if (pos + 2 * UNIT > end) break;
      const length = bytes[pos + 1] ?? 0;
      if (length <= JOB_ID_BYTES && checks(bytes, pos, 2 * UNIT)) {
        visit.job(
          bytes.readUInt32LE(pos + 4),
          bytes.toString('utf8', pos + 16, pos + 16 + length),
          bytes.readDoubleLE(pos + 8),
        );
        pos += 2 * UNIT;
        continue;
      }
    }
    pos++;
    skipped++;
  }
  return { next: pos, skipped };
}

function checks(bytes: Buffer, at: number, size: number): boolean {
  return crc32(bytes, at, at + size - 4) === bytes.readUInt32LE(at + size - 4);
}
