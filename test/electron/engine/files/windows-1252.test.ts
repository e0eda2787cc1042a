import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { createDecoder } from '../../../../electron/engine/files/text-decoding';
import {
  decodeWindows1252,
  decodeWindows1252ByLatin1,
  encodeWindows1252,
  UTF8_AS_WINDOWS_1252,
} from '../../../../electron/engine/files/windows-1252';

describe('decodeWindows1252', () => {
  const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const undefinedBytes = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
  const expected = [...iconv.decode(every, 'windows1252')]
    .map((c, i) => (undefinedBytes.includes(i) ? String.fromCharCode(i) : c))
    .join('');

  it('decodes every defined byte as iconv-lite does, 0x80–0x9F included, and maps back to the same bytes', () => {
    const text = decodeWindows1252(every);
    expect(text).toBe(expected);
    expect(encodeWindows1252(text)).toEqual(every);
  });

  it('keeps the 27 characters of 0x80–0x9F and the 5 undefined bytes as their C1 controls, natively or not', () => {
    const high = every.subarray(0x80, 0xa0);
    const both = [decodeWindows1252(high), decodeWindows1252ByLatin1(high)];
    for (const text of both) {
      expect(text).toBe(expected.slice(0x80, 0xa0));
      expect([...text].filter((c) => c.charCodeAt(0) > 0xff)).toHaveLength(27);
      for (const byte of undefinedBytes) expect(text.charCodeAt(byte - 0x80)).toBe(byte);
    }
    expect(decodeWindows1252ByLatin1(every)).toBe(expected);
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
