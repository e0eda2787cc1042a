import { isUtf8 } from 'node:buffer';

import type { Encoding } from '../../../shared/contract';
import { completeUtf8Length } from './utf8-bytes';
import { encodeWindows1252, firstUtf8Hint, UTF8_AS_WINDOWS_1252 } from './windows-1252';

/**
 * Spots records written in another encoding than the one the file is read in (lines pasted
 * from a UTF-8 export into a Windows-1252 one, or the reverse), so that they are reported and
 * never sent garbled. Cheap where it matters: a chunk is only looked into record by record when
 * its bytes or text show a sign of the other encoding.
 */
export interface ForeignRecords {
  /** Looks at the next chunk of the file's bytes, and the text they were decoded to. */
  chunk(bytes: Buffer, text: string): void;
  /** Whether the text not yet split into records may hold a foreign record. */
  readonly suspect: boolean;
  /** Whether a record (its cells) was written in the other encoding. */
  isForeign(cells: readonly string[]): boolean;
  /** After records were taken from the text: whether what is left may still hold one. */
  settle(rest: string): void;
}

export function foreignRecords(encoding: Encoding): ForeignRecords | null {
  if (encoding === 'utf-8') return new NotUtf8Records();
  if (encoding === 'windows-1252') return new Utf8InWindows1252Records();
  return null;
}

/** Read as UTF-8: bytes that are not UTF-8 decode to U+FFFD. */
class NotUtf8Records implements ForeignRecords {
  suspect = false;
  private carry: Buffer = Buffer.alloc(0);

  chunk(bytes: Buffer, text: string): void {
    // The decoder turns every invalid sequence into U+FFFD: text without one came from valid
    // bytes (nearly every chunk, and a string of Latin-1 letters says so at once), so only a
    // character cut at the chunk's end is kept for the next look.
    if (bytes.length >= 4 && !text.includes('\ufffd')) {
      this.carry = Buffer.from(bytes.subarray(completeUtf8Length(bytes)));
      return;
    }
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, bytes]) : bytes;
    const end = completeUtf8Length(data);
    if (!isUtf8(data.subarray(0, end))) this.suspect = true;
    this.carry = Buffer.from(data.subarray(end));
  }

  isForeign(cells: readonly string[]): boolean {
    return cells.some((cell) => cell.includes('\ufffd'));
  }

  settle(rest: string): void {
    this.suspect = this.suspect && rest.includes('\ufffd');
  }
}

/** Read as Windows-1252: a UTF-8 record shows `Ã©` for `é`, and its bytes are valid UTF-8. */
class Utf8InWindows1252Records implements ForeignRecords {
  suspect = false;

  chunk(bytes: Buffer): void {
    if (!this.suspect && firstUtf8Hint(bytes) >= 0) this.suspect = true;
  }

  isForeign(cells: readonly string[]): boolean {
    const record = cells.join(',');
    return UTF8_AS_WINDOWS_1252.test(record) && isUtf8(encodeWindows1252(record));
  }

  settle(rest: string): void {
    this.suspect = this.suspect && UTF8_AS_WINDOWS_1252.test(rest);
  }
}
