import { createHash, hash } from 'node:crypto';

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
 *
 * This runs for every row sent or checked: the key and destination sit once at the start of a
 * reused buffer, each row's values are written after them and hashed in one call, and the
 * fingerprint is copied out of the digest (so 16 pooled bytes stay with the row, not a digest
 * of its own).
 */
export class RowFingerprinter {
  private readonly prefixLength: number;
  private input: Buffer;
  private readonly occurrences = new OccurrenceCounter();

  constructor(key: Uint8Array, destination: string) {
    // A fixed-length key first, then the destination: keyed hashing without HMAC's second pass.
    const prefix = Buffer.concat([key, Buffer.from(`${destination}\0`)]);
    this.prefixLength = prefix.length;
    this.input = Buffer.allocUnsafe(Math.max(4096, prefix.length * 2));
    prefix.copy(this.input);
  }

  fingerprint(record: MappedRecord): Buffer {
    const base = this.digest(canonicalRecord(record));
    const occurrence = this.occurrences.next(base);
    const fp = Buffer.allocUnsafe(FINGERPRINT_BYTES);
    if (occurrence === 0) {
      base.copy(fp, 0, 0, FINGERPRINT_BYTES);
      return fp;
    }
    const n = Buffer.alloc(4);
    n.writeUInt32LE(occurrence);
    createHash('sha256').update(base).update(n).digest().copy(fp, 0, 0, FINGERPRINT_BYTES);
    return fp;
  }

  /** SHA-256 of the key, the destination and `text` (UTF-8). */
  private digest(text: string): Buffer {
    // Room for the longest UTF-8 the text can take (3 bytes per UTF-16 unit), so it is never cut.
    const room = this.prefixLength + text.length * 3;
    if (room > this.input.length) {
      const larger = Buffer.allocUnsafe(room * 2);
      this.input.copy(larger, 0, 0, this.prefixLength);
      this.input = larger;
    }
    const length = this.prefixLength + this.input.write(text, this.prefixLength);
    return hash('sha256', this.input.subarray(0, length), 'buffer');
  }
}

/** The values a target receives, in a form that does not depend on key order: the JSON text of
 * `[[[name, value]…], […]]` (fields, then custom fields), names sorted. */
export function canonicalRecord(record: MappedRecord): string {
  return `[${FIELD_NAMES.entries(record.fields)},${CUSTOM_NAMES.entries(record.custom)}]`;
}

/**
 * The names of the last record seen, sorted, with their JSON: the records of one pass share
 * their names, so they are sorted and quoted once, not once per row (a row only compares its
 * names with the last ones).
 */
class SortedNames {
  private names: string[] = [];
  private order: { name: string; json: string }[] = [];

  /** `JSON.stringify` of the sorted `[name, value]` pairs, without building the pairs. */
  entries(values: Record<string, string>): string {
    const order = this.of(Object.keys(values));
    let text = '[';
    for (let i = 0; i < order.length; i++) {
      const { name, json } = order[i]!;
      text += `${i === 0 ? '' : ','}[${json},${JSON.stringify(values[name])}]`;
    }
    return `${text}]`;
  }

  private of(names: string[]): { name: string; json: string }[] {
    if (names.length === this.names.length && names.every((name, i) => name === this.names[i]))
      return this.order;
    this.names = names;
    // The default order compares UTF-16 code units, as `<` does.
    this.order = [...names].sort().map((name) => ({ name, json: JSON.stringify(name) }));
    return this.order;
  }
}

const FIELD_NAMES = new SortedNames();
const CUSTOM_NAMES = new SortedNames();
