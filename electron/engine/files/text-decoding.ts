import iconv from 'iconv-lite';
import type { Encoding } from '../../../shared/contract';

export interface TextDecoderStream {
  write(bytes: Buffer): string;
  end(): string;
}

/**
 * A decoder that keeps a character split across chunks for the next chunk. BOMs are the
 * caller's business (they are skipped as bytes, whatever encoding the operator forces).
 *
 * UTF-8 and UTF-16LE go through the WHATWG TextDecoder, about three times faster than Node's
 * StringDecoder (which iconv-lite uses for them). Windows-1252 and UTF-16BE go through
 * iconv-lite: some Node builds' TextDecoder decodes Windows-1252's 0x80–0x9F (€, “, ”) as C1
 * controls, and builds without full ICU lack UTF-16BE.
 */
export function createDecoder(encoding: Encoding): TextDecoderStream {
  if (encoding === 'utf-8' || encoding === 'utf-16le') {
    const decoder = new TextDecoder(encoding, { ignoreBOM: true });
    return {
      write: (bytes) => decoder.decode(bytes, { stream: true }),
      end: () => decoder.decode(),
    };
  }
  const decoder = iconv.getDecoder(encoding === 'utf-16be' ? 'utf16be' : 'windows1252', { stripBOM: false });
  return {
    write: (bytes) => decoder.write(bytes),
    end: () => decoder.end() ?? '',
  };
}
