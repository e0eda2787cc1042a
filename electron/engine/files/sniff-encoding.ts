import { isAscii, isUtf8 } from 'node:buffer';

import type { Encoding } from '../../../shared/contract';
import { completeUtf8Length } from './utf8-bytes';

export interface Bom {
  encoding: Encoding;
  length: number;
}

export function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

const LATER_SAMPLES = 8;
const SAMPLE_BYTES = 16 * 1024;

/**
 * A BOM decides; else UTF-16 without BOM shows as NUL bytes in every other place; else the
 * text is UTF-8 when its bytes are valid UTF-8, Windows-1252 (what Excel writes in Spanish
 * locales) when they are not. A head with no byte above 0x7F proves nothing (Excel CSVs often
 * start with plain-ASCII headers and ids), so then a few samples further into the file decide.
 */
export async function sniffEncoding(
  head: Uint8Array,
  size: number,
  readAt: (position: number, length: number) => Promise<Uint8Array>,
): Promise<Encoding> {
  const bom = detectBom(head);
  if (bom) return bom.encoding;
  const utf16 = sniffUtf16WithoutBom(head);
  if (utf16) return utf16;
  const isWholeFile = head.length >= size;
  const verdict = utf8Verdict(head, 0, isWholeFile);
  if (verdict || isWholeFile) return verdict ?? 'utf-8';
  const span = size - head.length;
  for (let k = 0; k < LATER_SAMPLES; k++) {
    const position = head.length + Math.floor((span * k) / LATER_SAMPLES);
    const sample = await readAt(position, SAMPLE_BYTES);
    // A sample may start inside a character: skip its continuation bytes.
    let start = 0;
    while (start < 3 && start < sample.length && (sample[start]! & 0xc0) === 0x80) start++;
    const found = utf8Verdict(sample, start, position + sample.length >= size);
    if (found) return found;
  }
  return 'utf-8';
}

/** Null when the bytes are plain ASCII (no evidence either way). */
function utf8Verdict(bytes: Uint8Array, start: number, reachesEnd: boolean): Encoding | null {
  if (isAscii(bytes)) return null;
  const end = reachesEnd ? bytes.length : completeUtf8Length(bytes);
  return isUtf8(bytes.subarray(start, end)) ? 'utf-8' : 'windows-1252';
}

function sniffUtf16WithoutBom(head: Uint8Array): Encoding | null {
  const pairs = Math.min(512, Math.floor(head.length / 2));
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros / pairs > 0.7 && evenZeros / pairs < 0.1) return 'utf-16le';
  if (evenZeros / pairs > 0.7 && oddZeros / pairs < 0.1) return 'utf-16be';
  return null;
}
