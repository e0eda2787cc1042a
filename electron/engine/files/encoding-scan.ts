import { isAscii, isUtf8 } from 'node:buffer';

import type { Encoding } from '../../../shared/contract';
import { fileSystemError } from './file-access';
import { FILE_READ_BYTES, fileChunks } from './file-chunks';
import { completeUtf8Length, firstInvalidUtf8 } from './utf8-bytes';
import { firstUtf8Hint } from './windows-1252';

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

/**
 * Reads the whole file (bytes only, no parsing: native checks at memory speed) to learn whether
 * it is UTF-8, Windows-1252 or a mix of both (lines pasted from two exports), and where each
 * starts. Stops as soon as it has seen both. `start` skips a BOM. Lines are counted afterwards,
 * only up to the places found.
 */
export async function scanEncoding(path: string, start: number): Promise<EncodingScan> {
  const found: { utf8: number | null; notUtf8: number | null } = { utf8: null, notUtf8: null };
  let carry: Buffer = Buffer.alloc(0);
  let offset = start;
  try {
    for await (const piece of fileChunks(path, { pieceBytes: FILE_READ_BYTES, start })) {
      const data = carry.length > 0 ? Buffer.concat([carry, piece]) : piece;
      const end = completeUtf8Length(data);
      const whole = data.subarray(0, end);
      if (!isAscii(whole)) inspectChunk(whole, offset, found);
      if (found.utf8 !== null && found.notUtf8 !== null) break;
      offset += end;
      carry = Buffer.from(data.subarray(end));
    }
  } catch (error) {
    throw fileSystemError(path, error, 'read');
  }
  // A character cut off by the end of the file is not UTF-8.
  if (carry.length > 0) found.notUtf8 ??= offset;
  const places = await placesOf(path, [found.utf8, found.notUtf8]);
  return { firstUtf8: places[0]!, firstNotUtf8: places[1]! };
}

function inspectChunk(
  bytes: Buffer,
  offset: number,
  found: { utf8: number | null; notUtf8: number | null },
): void {
  if (isUtf8(bytes)) {
    found.utf8 ??= offset + bytes.findIndex((b) => b >= 0x80);
    return;
  }
  found.notUtf8 ??= offset + firstInvalidUtf8(bytes);
  if (found.utf8 !== null) return;
  // Some line here may still be UTF-8: check the lines around what looks like a UTF-8 character.
  for (let at = firstUtf8Hint(bytes); at !== -1; at = firstUtf8Hint(bytes, at + 1)) {
    const lineStart = bytes.lastIndexOf(0x0a, at) + 1;
    const next = bytes.indexOf(0x0a, at);
    const lineEnd = next < 0 ? bytes.length : next;
    if (isUtf8(bytes.subarray(lineStart, lineEnd))) {
      found.utf8 = offset + at;
      return;
    }
    at = lineEnd;
  }
}

/** The 1-based line and byte of each offset, counting line feeds up to the last one wanted. */
async function placesOf(path: string, offsets: readonly (number | null)[]): Promise<(FilePlace | null)[]> {
  const wanted = offsets.filter((o): o is number => o !== null);
  if (wanted.length === 0) return offsets.map(() => null);
  const lines = new Map<number, number>();
  const sorted = [...new Set(wanted)].sort((a, b) => a - b);
  let line = 1;
  let position = 0;
  let k = 0;
  try {
    for await (const piece of fileChunks(path, { pieceBytes: FILE_READ_BYTES })) {
      let counted = 0;
      while (k < sorted.length && sorted[k]! < position + piece.length) {
        const upTo = sorted[k]! - position;
        line += countNewlines(piece.subarray(counted, upTo));
        counted = upTo;
        lines.set(sorted[k++]!, line);
      }
      if (k === sorted.length) break;
      line += countNewlines(piece.subarray(counted));
      position += piece.length;
    }
  } catch (error) {
    throw fileSystemError(path, error, 'read');
  }
  while (k < sorted.length) lines.set(sorted[k++]!, line);
  return offsets.map((o) => (o === null ? null : { line: lines.get(o) ?? line, byte: o + 1 }));
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
