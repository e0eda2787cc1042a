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
 * This runs for every row sent or checked, so each row costs one native call: its canonical
 * form is encoded into a reused buffer after the key and destination (`CanonicalWriter`), and
 * that buffer goes to one SHA-256. The digest comes back as a latin1
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
      // By hand: `write(…, 'latin1')` looks its encoding up and checks its bounds at every call,
      // which cost more than these 16 stores.
      for (let i = 0; i < FINGERPRINT_BYTES; i++) fp[i] = base.charCodeAt(i);
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
 * from, encoded as `Buffer.from(text)` would.
 *
 * Why the bytes are written here, one character at a time, and not by `Buffer.write`: built as
 * one string, each row's form was a rope of a dozen pieces that V8 first copied into a flat
 * string and then encoded — a third of the fingerprint's cost, and a string per row for the GC.
 * The names' bytes are encoded once per pass; a value JSON writes as it is (no quote, backslash,
 * control character or lone surrogate) is encoded straight after its quote; any other goes through
 * `JSON.stringify`, whose text is encoded the same way (so no lone surrogate reaches the bytes).
 */
export class CanonicalWriter {
  private buffer: Buffer;
  private at = 0;
  private readonly fields = new SortedNames();
  private readonly custom = new SortedNames();

  /** `prefix`: the bytes every form follows (written once). */
  constructor(private readonly prefix: Uint8Array) {
    this.buffer = Buffer.allocUnsafe(Math.max(4096, prefix.length * 2));
    this.buffer.set(prefix);
  }

  /** The prefix and the record's form: a view of a reused buffer, valid until the next call. */
  after(record: MappedRecord): Buffer {
    this.at = this.prefix.length;
    this.byte(OPEN);
    this.pairs(this.fields, record.fields);
    this.byte(COMMA);
    this.pairs(this.custom, record.custom);
    this.byte(CLOSE);
    return this.buffer.subarray(0, this.at);
  }

  /** The JSON of the sorted `[name, value]` pairs of `values`, without building the pairs. */
  private pairs(names: SortedNames, values: Record<string, string>): void {
    const order = names.of(values);
    this.byte(OPEN);
    for (const { name, head } of order) {
      this.room(head.length);
      this.buffer.set(head, this.at);
      this.at += head.length;
      const value = values[name];
      if (typeof value !== 'string' || !this.plain(value)) this.utf8(String(JSON.stringify(value)), false);
      this.byte(CLOSE);
    }
    this.byte(CLOSE);
  }

  /** Writes `"value"` when JSON writes the value as it is; false (nothing written) otherwise. */
  private plain(value: string): boolean {
    const start = this.at;
    this.byte(QUOTE);
    if (!this.utf8(value, true)) {
      this.at = start;
      return false;
    }
    this.byte(QUOTE);
    return true;
  }

  /**
   * Writes `text` as UTF-8, as `Buffer.write` does (a lone surrogate as U+FFFD). As the content
   * of a JSON string (`asIs`), it stops at the first character JSON would escape (a quote, a
   * backslash, a control character, a lone surrogate) and returns false, `at` unmoved.
   */
  private utf8(text: string, asIs: boolean): boolean {
    // A surrogate pair, 2 units, is 4 bytes; any other unit at most 3.
    this.room(text.length * 3);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        if (asIs && (c < 0x20 || c === QUOTE || c === BACKSLASH)) return false;
        buffer[at++] = c;
        continue;
      }
      if (c < 0x800) {
        buffer[at++] = 0xc0 | (c >> 6);
        buffer[at++] = 0x80 | (c & 0x3f);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const low = c <= 0xdbff ? text.charCodeAt(i + 1) : NaN;
        if (low >= 0xdc00 && low <= 0xdfff) {
          const point = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          buffer[at++] = 0xf0 | (point >> 18);
          buffer[at++] = 0x80 | ((point >> 12) & 0x3f);
          buffer[at++] = 0x80 | ((point >> 6) & 0x3f);
          buffer[at++] = 0x80 | (point & 0x3f);
          i++;
          continue;
        }
        if (asIs) return false;
        c = 0xfffd;
      }
      buffer[at++] = 0xe0 | (c >> 12);
      buffer[at++] = 0x80 | ((c >> 6) & 0x3f);
      buffer[at++] = 0x80 | (c & 0x3f);
    }
    this.at = at;
    return true;
  }

  private byte(value: number): void {
    this.room(1);
    this.buffer[this.at++] = value;
  }

  /** Room for `bytes` more after `at` (the buffer doubles, keeping what is written). */
  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    grown.set(this.buffer.subarray(0, this.at));
    this.buffer = grown;
  }
}

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The names of the last record seen, sorted, each with the UTF-8 bytes that open its pair: the
 * records of one pass share their names, so they are sorted and encoded once, not once per row
 * (a row only compares its names with the last ones).
 */
class SortedNames {
  private names: string[] = [];
  private order: { name: string; head: Uint8Array }[] = [];

  /** The names of `values`, sorted (again only when they differ from the last record's). */
  of(values: Record<string, string>): readonly { name: string; head: Uint8Array }[] {
    // Compared as they are enumerated: a list of names for every row was half of what the form
    // allocated.
    let count = 0;
    for (const name in values) if (name !== this.names[count++]) return this.sort(values);
    return count === this.names.length ? this.order : this.sort(values);
  }

  private sort(values: Record<string, string>): readonly { name: string; head: Uint8Array }[] {
    const names = Object.keys(values);
    this.names = names;
    // The default order compares UTF-16 code units, as `<` does.
    this.order = [...names]
      .sort()
      .map((name, i) => ({ name, head: Buffer.from(`${i === 0 ? '' : ','}[${JSON.stringify(name)},`) }));
    return this.order;
  }
}
