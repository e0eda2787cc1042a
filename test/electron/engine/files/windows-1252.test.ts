import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createDecoder } from '../../../../electron/engine/files/text-decoding';
import { decodeWindows1252 } from '../../../../electron/engine/files/windows-1252';

describe('decodeWindows1252', () => {
  it('decodes every byte as iconv-lite does, 0x80–0x9F included', () => {
    const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(decodeWindows1252(every)).toBe(iconv.decode(every, 'windows1252'));
  });

  it('reads Spanish text with quotes, euro and dashes', () => {
    const bytes = iconv.encode('“Peña” — 5 € … ñandú', 'windows1252');
    expect(decodeWindows1252(bytes)).toBe('“Peña” — 5 € … ñandú');
  });

  it('needs no state across chunks', () => {
    const decoder = createDecoder('windows-1252');
    const bytes = iconv.encode('Año,“x”\n', 'windows1252');
    expect(decoder.write(bytes.subarray(0, 3)) + decoder.write(bytes.subarray(3)) + decoder.end()).toBe('Año,“x”\n');
  });
});
