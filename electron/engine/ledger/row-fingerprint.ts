import { createHash, type Hash } from 'node:crypto';

import type { MappedRecord } from '../../../shared/mapping/mapped-record';
import { OccurrenceCounter } from './occurrence-counter';

/** Bytes kept of each row's SHA-256: 128 bits, no accidental collision among billions of rows. */
export const FINGERPRINT_BYTES = 16;

/**
 * Fingerprints the rows of one pass over a file, in file order: a keyed SHA-256 of the
 * destination and the values as they are sent (field names sorted, so the order of the
 * mapping does not matter), numbered among identical rows of the same file. The key is the
 * ledger's own random key, so a fingerprint cannot be matched against guessed values (phone
 * numbers, names) by anyone who reads the ledger without it.
 */
export class RowFingerprinter {
  private readonly prefix: Hash;
  private readonly occurrences = new OccurrenceCounter();

  constructor(key: Uint8Array, destination: string) {
    // A fixed-length key first, then the destination: keyed hashing without HMAC's second pass.
    this.prefix = createHash('sha256').update(key).update(destination).update('\0');
  }

  fingerprint(record: MappedRecord): Buffer {
    const base = this.prefix.copy().update(canonicalRecord(record)).digest();
    const occurrence = this.occurrences.next(base);
    if (occurrence === 0) return base.subarray(0, FINGERPRINT_BYTES);
    const n = Buffer.alloc(4);
    n.writeUInt32LE(occurrence);
    return createHash('sha256').update(base).update(n).digest().subarray(0, FINGERPRINT_BYTES);
  }
}

/** The values a target receives, in a form that does not depend on key order. */
export function canonicalRecord(record: MappedRecord): string {
  return JSON.stringify([sortedEntries(record.fields), sortedEntries(record.custom)]);
}

function sortedEntries(values: Record<string, string>): [string, string][] {
  return Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
