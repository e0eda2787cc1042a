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
 * This runs for every row sent or checked, so each row costs two native calls: its canonical
 * form, built as one string, written once into a reused buffer after the key and destination
 * (`CanonicalWriter`), and one SHA-256 of that buffer. The digest comes back as a latin1
 * ('binary') string, not a Buffer: a Buffer is an ArrayBuffer of its own for every row, which
 * cost more than the hashing itself; its first 16 bytes are copied into the row's fingerprint.
 */
export class RowFingerprinter {
  private readonly occurrences = new OccurrenceCounter();
  private readonly canonical: CanonicalWriter;

  constructor(key: Uint8Array, destination: string) {
    // A fixed-length key first, then the destination: keyed hashing without HMAC's second pass.
    this.canonical = new CanonicalWriter(Buffer.concat([key, Buffer.from(`${destination}\0`)]));
  }

  /** The pass will fingerprint about `rows` rows (the file's count, once known). */
  reserve(rows: number): void {
    this.occurrences.reserve(rows);
  }

  fingerprint(record: MappedRecord): Buffer {
    const base = hash('sha256', this.canonical.after(record), 'binary');
    const occurrence = this.occurrences.next(latin1Word(base, 0), latin1Word(base, 4));
    const fp = Buffer.allocUnsafe(FINGERPRINT_BYTES);
    if (occurrence === 0) {
      fp.write(base, 0, FINGERPRINT_BYTES, 'latin1');
      return fp;
    }
    const n = Buffer.alloc(4);
    n.writeUInt32LE(occurrence);
    createHash('sha256')
      .update(Buffer.from(base, 'latin1'))
      .update(n)
      .digest()
      .copy(fp, 0, 0, FINGERPRINT_BYTES);
    return fp;
  }
}

/** Little-endian u32 of the bytes a latin1 string holds at `offset` (one byte a character). */
function latin1Word(text: string, offset: number): number {
  return (
    (text.charCodeAt(offset) |
      (text.charCodeAt(offset + 1) << 8) |
      (text.charCodeAt(offset + 2) << 16) |
      (text.charCodeAt(offset + 3) << 24)) >>>
    0
  );
}

/**
 * A record's canonical form as UTF-8: the JSON text of `[[[name, value]…], […]]` (fields, then
 * custom fields), names sorted (UTF-16 code units, as `<` compares) — byte for byte what
 * `JSON.stringify` gives of those pairs, which is what the ledgers on disk were fingerprinted
 * from. It is built as one string and written once: a value JSON writes as it is goes in between
 * its quotes; one with a quote, a backslash, a control character or a lone surrogate goes through
 * `JSON.stringify` (so the text holds no lone surrogate for UTF-8 to replace).
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
    const text = `[${this.fields.text(record.fields)},${this.custom.text(record.custom)}]`;
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
    const room = this.prefix.length + text.length * 3;
    if (room > this.buffer.length) {
      this.buffer = Buffer.allocUnsafe(room * 2);
      this.buffer.set(this.prefix);
    }
    const end = this.prefix.length + this.buffer.write(text, this.prefix.length);
    return this.buffer.subarray(0, end);
  }
}

/** What JSON.stringify escapes in a string (well-formed JSON: lone surrogates too). */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * The names of the last record seen, sorted, each with the text that opens its pair: the records
 * of one pass share their names, so they are sorted and written once, not once per row (a row
 * only compares its names with the last ones).
 */
class SortedNames {
  private names: string[] = [];
  private order: { name: string; head: string }[] = [];

  /** The JSON of the sorted `[name, value]` pairs of `values`, without building the pairs. */
  text(values: Record<string, string>): string {
    this.use(values);
    let text = '[';
    for (const { name, head } of this.order) {
      const value = values[name];
      text += head;
      text +=
        typeof value === 'string' && !NEEDS_ESCAPE.test(value) ? `"${value}"` : String(JSON.stringify(value));
      text += ']';
    }
    return text + ']';
  }

  /** Takes the names of `values` (sorted again only when they differ from the last record's). */
  private use(values: Record<string, string>): void {
    const names = Object.keys(values);
    if (names.length === this.names.length && names.every((name, i) => name === this.names[i])) return;
    this.names = names;
    // The default order compares UTF-16 code units, as `<` does.
    this.order = [...names]
      .sort()
      .map((name, i) => ({ name, head: `${i === 0 ? '' : ','}[${JSON.stringify(name)},` }));
  }
}
