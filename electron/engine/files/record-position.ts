import type { Encoding } from '../../../shared/contract';
import type { Newline } from './newline';

/** Where a CSV may be read again from the middle: the first byte of a record, the row Excel gives
 * that record, and the line break the file's records end with (sniffed once, from its first line). */
export interface RecordPosition {
  offset: number;
  row: number;
  newline: Newline;
}

/**
 * The bytes `text` was decoded from, or null when that cannot be known: text holding U+FFFD may
 * have come from an invalid sequence of any length (or from a real U+FFFD), so a reader stops
 * counting there rather than guess.
 */
export function encodedLength(text: string, encoding: Encoding): number | null {
  if (text.includes('\ufffd')) return null;
  if (encoding === 'utf-8') return Buffer.byteLength(text, 'utf8');
  if (encoding === 'windows-1252') return text.length;
  return text.length * 2;
}
