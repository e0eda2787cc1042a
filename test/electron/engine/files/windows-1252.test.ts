import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { createDecoder } from '../../../../electron/engine/files/text-decoding';
import {
  decodeWindows1252,
  encodeWindows1252,
  UTF8_AS_WINDOWS_1252,
} from '../../../../electron/engine/files/windows-1252';

describe('decodeWindows1252', () => {
  it('decodes every defined byte as iconv-lite does, 0x80–0x9F included, and maps back to the same bytes', () => {
    const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const undefinedBytes = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
    const text = decodeWindows1252(every);
    const expected = [...iconv.decode(every, 'windows1252')]
      .map((c, i) => (undefinedBytes.includes(i) ? String.fromCharCode(i) : c))
      .join('');
    expect(text).toBe(expected);
    expect(encodeWindows1252(text)).toEqual(every);
  });

  it('spots UTF-8 read as Windows-1252, and not plain Spanish text', () => {
    expect(UTF8_AS_WINDOWS_1252.test(decodeWindows1252(Buffer.from('Peña “Cía” — 5 €')))).toBe(true);
    expect(
      UTF8_AS_WINDOWS_1252.test(
        decodeWindows1252(iconv.encode('“ACCIÓN” Peña, Ñandú, ¿qué? ¡Sí! 5 €', 'windows1252')),
      ),
    ).toBe(false);
  });

  it('reads Spanish text with quotes, euro and dashes', () => {
    const bytes = iconv.encode('“Peña” — 5 € … ñandú', 'windows1252');
    expect(decodeWindows1252(bytes)).toBe('“Peña” — 5 € … ñandú');
  });

  it('needs no state across chunks', () => {
    const decoder = createDecoder('windows-1252');
    const bytes = iconv.encode('Año,“x”\n', 'windows1252');
    expect(decoder.write(bytes.subarray(0, 3)) + decoder.write(bytes.subarray(3)) + decoder.end()).toBe(
      'Año,“x”\n',
    );
  });
});
