import { isAscii, isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import type { Encoding } from '../../../shared/contract';
import { fileSystemError } from './file-access';
import { completeUtf8Length, firstInvalidUtf8 } from './utf8-bytes';

/** A place in the file, 1-based, as the operator is told it. */
export interface FilePlace {
  line: number;
  byte: number;
}

export interface EncodingScan {
  /** First line written in UTF-8 (valid UTF-8 with accents or other non-ASCII characters). */
  firstUtf8: FilePlace | null;
  /** First byte that is not UTF-8 (a Windows-1252 accent, say). */
  firstNotUtf8: FilePlace | null;
}

const SCAN_CHUNK_BYTES = 1024 * 1024;
/** A multi-byte UTF-8 character, seen as Latin-1: where a Windows-1252 file may hide UTF-8 lines. */
const UTF8_SEQUENCE = /[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}/g;

/**
 * Reads the whole file (bytes only, no parsing: native checks at memory speed) to learn whether
 * it is UTF-8, Windows-1252 or a mix of both (lines pasted from two exports), and where each
 * starts. Stops as soon as it has seen both. `start` skips a BOM.
 */
export async function scanEncoding(path: string, start: number): Promise<EncodingScan> {
  const scan: EncodingScan = { firstUtf8: null, firstNotUtf8: null };
  const stream = createReadStream(path, { start, highWaterMark: SCAN_CHUNK_BYTES });
  let carry: Buffer = Buffer.alloc(0);
  let offset = start;
  let line = 1;
  try {
    for await (const piece of stream as AsyncIterable<Buffer>) {
      const data = carry.length > 0 ? Buffer.concat([carry, piece]) : piece;
      const end = completeUtf8Length(data);
      const whole = data.subarray(0, end);
      if (!isAscii(whole)) inspectChunk(whole, offset, line, scan);
      if (scan.firstUtf8 && scan.firstNotUtf8) return scan;
      line += countNewlines(whole);
      offset += end;
      carry = Buffer.from(data.subarray(end));
    }
  } catch (error) {
    throw fileSystemError(path, error, 'read');
  } finally {
    stream.destroy();
  }
  // A character cut off by the end of the file is not UTF-8.
  if (carry.length > 0) scan.firstNotUtf8 ??= { line, byte: offset + 1 };
  return scan;
}

function inspectChunk(bytes: Buffer, offset: number, line: number, scan: EncodingScan): void {
  const place = (at: number): FilePlace => ({ line: line + countNewlines(bytes.subarray(0, at)), byte: offset + at + 1 });
  if (isUtf8(bytes)) {
    if (!scan.firstUtf8) scan.firstUtf8 = place(bytes.findIndex((b) => b >= 0x80));
    return;
  }
  if (!scan.firstNotUtf8) scan.firstNotUtf8 = place(firstInvalidUtf8(bytes));
  if (scan.firstUtf8) return;
  // Some line here may still be UTF-8: check the lines around what looks like a UTF-8 character.
  const text = bytes.toString('latin1');
  UTF8_SEQUENCE.lastIndex = 0;
  for (let match = UTF8_SEQUENCE.exec(text); match; match = UTF8_SEQUENCE.exec(text)) {
    const lineStart = bytes.lastIndexOf(0x0a, match.index) + 1;
    const next = bytes.indexOf(0x0a, match.index);
    const lineEnd = next < 0 ? bytes.length : next;
    if (isUtf8(bytes.subarray(lineStart, lineEnd))) {
      scan.firstUtf8 = place(match.index);
      return;
    }
    UTF8_SEQUENCE.lastIndex = lineEnd;
  }
}

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
}

/** The encoding a scan points to: UTF-8 unless some byte is not; when the file mixes both, the
 * one its first accented line is in (the other is then reported, see offendingPlace). */
export function scannedEncoding(scan: EncodingScan): Encoding {
  if (!scan.firstNotUtf8) return 'utf-8';
  if (!scan.firstUtf8) return 'windows-1252';
  return scan.firstUtf8.byte < scan.firstNotUtf8.byte ? 'utf-8' : 'windows-1252';
}

/** Where the file first stops being in `encoding`, for UTF-8 and Windows-1252; null when never. */
export function offendingPlace(scan: EncodingScan, encoding: Encoding): FilePlace | null {
  if (encoding === 'utf-8') return scan.firstNotUtf8;
  if (encoding === 'windows-1252') return scan.firstUtf8;
  return null;
}
