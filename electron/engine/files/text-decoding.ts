import iconv from 'iconv-lite';
import type { Encoding } from '../../../shared/contract';

/** iconv-lite, not TextDecoder: some Node builds decode Windows-1252's 0x80–0x9F (€, “, ”) as C1
 * controls. Its UTF-8 and UTF-16LE decoders are Node's native StringDecoder. */
const ICONV_NAMES = {
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'windows-1252': 'windows1252',
} as const satisfies Record<Encoding, string>;

export interface TextDecoderStream {
  write(bytes: Buffer): string;
  end(): string;
}

/** A decoder that keeps a character split across chunks for the next chunk. BOMs are the
 * caller's business (they are skipped as bytes, whatever encoding the operator forces). */
export function createDecoder(encoding: Encoding): TextDecoderStream {
  const decoder = iconv.getDecoder(ICONV_NAMES[encoding], { stripBOM: false });
  return {
    write: (bytes) => decoder.write(bytes),
    end: () => decoder.end() ?? '',
  };
}
