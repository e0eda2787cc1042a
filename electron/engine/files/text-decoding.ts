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
 * StringDecoder. Windows-1252 is decoded natively too, see decodeWindows1252 (iconv-lite was 5.5×
 * slower than UTF-8), and so is UTF-16BE (utf16beDecoder), so no job loads iconv-lite (~5 ms of
 * every job's start-up, for an encoding few files have).
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
  return utf16beDecoder();
}

/**
 * UTF-16BE as UTF-16LE with each pair of bytes swapped: Node decodes UTF-16LE on every build,
 * where TextDecoder lacks UTF-16BE without full ICU. It decodes as iconv-lite did before it: a
 * byte left over at the end of a chunk waits for the next one, one left at the end of the file is
 * dropped, and an unpaired surrogate is kept as it is.
 */
function utf16beDecoder(): TextDecoderStream {
  let leftover: Buffer | null = null;
  return {
    write: (bytes) => {
      const all = leftover ? Buffer.concat([leftover, bytes]) : bytes;
      const even = all.length - (all.length % 2);
      leftover = even < all.length ? Buffer.from(all.subarray(even)) : null;
      // A copy: the bytes are swapped in place, and the caller's are not the decoder's to change.
      return Buffer.from(all.subarray(0, even)).swap16().toString('utf16le');
    },
    end: () => {
      leftover = null;
      return '';
    },
  };
}
