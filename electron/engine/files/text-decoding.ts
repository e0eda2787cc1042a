import iconv from 'iconv-lite';

import type { Encoding } from '../../../shared/contract';
import { decodeWindows1252 } from './windows-1252';

export interface TextDecoderStream {
  write(bytes: Buffer): string;
  end(): string;
}

/**
 * A decoder that keeps a character split across chunks for the next chunk. BOMs are the
 * caller's business (they are skipped as bytes, whatever encoding the operator forces).
 *
 * UTF-8 and UTF-16LE go through the WHATWG TextDecoder, about three times faster than Node's
 * StringDecoder (which iconv-lite uses for them). Windows-1252 is decoded natively too, see
 * decodeWindows1252 (iconv-lite was 5.5× slower than UTF-8). UTF-16BE goes through iconv-lite:
 * builds without full ICU lack it.
 */
export function createDecoder(encoding: Encoding): TextDecoderStream {
  if (encoding === 'utf-8' || encoding === 'utf-16le') {
    const decoder = new TextDecoder(encoding, { ignoreBOM: true });
    return {
      write: (bytes) => decoder.decode(bytes, { stream: true }),
      end: () => decoder.decode(),
    };
  }
  if (encoding === 'windows-1252') return { write: decodeWindows1252, end: () => '' };
  const decoder = iconv.getDecoder('utf16be', { stripBOM: false });
  return {
    write: (bytes) => decoder.write(bytes),
    end: () => decoder.end() ?? '',
  };
}
