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
 * Why SHA-256 for every row, and no cheaper hash: the ledgers on disk hold these fingerprints, and
 * a row is known as sent only if it fingerprints the same way again; a different function would
 * see none of the rows earlier versions sent and send them twice. 16 bytes of it (128 bits) make
 * an accidental match between two different rows, the only way a row could be skipped unsent, a
 * chance of about n²/2¹²⁹: below 10⁻²⁶ for a billion rows.
 *
 * This runs for every row sent or checked, so the bytes hashed are written straight into one
 * reused buffer (`CanonicalWriter`): the key and destination once at its start, then each row's
 * canonical form, hashed in one call; the fingerprint is copied out of the digest (so 16 pooled
 * bytes stay with the row, not a digest of its own).
 */
export class RowFingerprinter {
  private readonly occurrences = new OccurrenceCounter();
  private readonly canonical: CanonicalWriter;

  constructor(key: Uint8Array, destination: string) {
    // A fixed-length key first, then the destination: keyed hashing without HMAC's second pass.
    this.canonical = new CanonicalWriter(Buffer.concat([key, Buffer.from(`${destination}\0`)]));
  }

  fingerprint(record: MappedRecord): Buffer {
    const base = hash('sha256', this.canonical.after(record), 'buffer');
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
}

/**
 * A record's canonical form as UTF-8: the JSON text of `[[[name, value]…], […]]` (fields, then
 * custom fields), names sorted (UTF-16 code units, as `<` compares) — byte for byte what
 * `JSON.stringify` gives of those pairs, which is what the ledgers on disk were fingerprinted
 * from. A value JSON writes as it is goes in with one write between its quotes; one with a quote,
 * a backslash, a control character or a lone surrogate goes through `JSON.stringify`.
 */
export class CanonicalWriter {
  private buffer: Buffer;
  private readonly fields = new SortedNames();
  private readonly custom = new SortedNames();

  /** `prefix`: the bytes every form follows (written once). */
  constructor(private readonly prefix: Uint8Array) {
    this.buffer = Buffer.allocUnsafe(Math.max(4096, prefix.length * 2));
    this.buffer.set(prefix);
  }

  /** The prefix and the record's form: a view of a reused buffer, valid until the next call. */
  after(record: MappedRecord): Buffer {
    this.fields.use(record.fields);
    this.custom.use(record.custom);
    const room =
      this.prefix.length + 3 + this.fields.maxBytes(record.fields) + this.custom.maxBytes(record.custom);
    if (room > this.buffer.length) {
      this.buffer = Buffer.allocUnsafe(room * 2);
      this.buffer.set(this.prefix);
    }
    const into = this.buffer;
    let at = this.prefix.length;
    into[at++] = OPEN;
    at = this.fields.write(record.fields, into, at);
    into[at++] = COMMA;
    at = this.custom.write(record.custom, into, at);
    into[at++] = CLOSE;
    return into.subarray(0, at);
  }
}

const OPEN = 0x5b;
const CLOSE = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;
/** What JSON.stringify escapes in a string (well-formed JSON: lone surrogates too). */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * The names of the last record seen, sorted, each with the bytes that open its pair: the records
 * of one pass share their names, so they are sorted and encoded once, not once per row (a row
 * only compares its names with the last ones).
 */
class SortedNames {
  private names: string[] = [];
  private order: { name: string; head: Buffer }[] = [];
  private headBytes = 0;

  /** Takes the names of `values` (sorted again only when they differ from the last record's). */
  use(values: Record<string, string>): void {
    const names = Object.keys(values);
    if (names.length === this.names.length && names.every((name, i) => name === this.names[i])) return;
    this.names = names;
    // The default order compares UTF-16 code units, as `<` does.
    this.order = [...names]
      .sort()
      .map((name, i) => ({ name, head: Buffer.from(`${i === 0 ? '' : ','}[${JSON.stringify(name)},`) }));
    this.headBytes = this.order.reduce((sum, { head }) => sum + head.length, 0);
  }

  /** Bytes the pairs of `values` (whose names `use` took) can take at most: a UTF-16 unit is at
   * most 6 bytes of JSON (`\u001f`), a value 2 quotes and a bracket more. */
  maxBytes(values: Record<string, string>): number {
    let bytes = this.headBytes + 2;
    for (const { name } of this.order) bytes += String(values[name]).length * 6 + 3;
    return bytes;
  }

  /** The JSON of the sorted `[name, value]` pairs of `values` (whose names `use` took), without
   * building the pairs; returns where it ends. */
  write(values: Record<string, string>, into: Buffer, at: number): number {
    into[at++] = OPEN;
    for (const { name, head } of this.order) {
      into.set(head, at);
      at += head.length;
      const value = values[name];
      if (typeof value === 'string' && !NEEDS_ESCAPE.test(value)) {
        into[at++] = QUOTE;
        at += into.write(value, at);
        into[at++] = QUOTE;
      } else {
        at += into.write(String(JSON.stringify(value)), at);
      }
      into[at++] = CLOSE;
    }
    into[at++] = CLOSE;
    return at;
  }
}
