import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { createDecoder } from '../../../../electron/engine/files/text-decoding';

/** `text` in UTF-16BE: each UTF-16 code unit, high byte first. */
function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

/** Decodes `bytes` fed to one decoder in pieces of `size` bytes. */
function decodeInPieces(bytes: Buffer, size: number): string {
  const decoder = createDecoder('utf-16be');
  let text = '';
  for (let at = 0; at < bytes.length; at += size) text += decoder.write(bytes.subarray(at, at + size));
  return text + decoder.end();
}

describe('createDecoder: UTF-16BE', () => {
  const text = 'Nombre;Ciudad\nJosé Pérez;Bogotá 😀\n';

  it.each([1, 2, 3, 7, 64])(
    'decodes the same text whatever the pieces the file is read in (%i bytes)',
    (size) => {
      expect(decodeInPieces(utf16be(text), size)).toBe(text);
    },
  );

  it('decodes as iconv-lite does, an odd byte at the end and unpaired surrogates included', () => {
    const bytes = Buffer.concat([utf16be('x\udc00y\ud83d'), utf16be(text), Buffer.of(0x41)]);
    expect(decodeInPieces(bytes, 5)).toBe(iconv.decode(bytes, 'utf16be', { stripBOM: false }));
  });

  it('leaves the bytes it was given as they were', () => {
    const bytes = utf16be(text);
    const copy = Buffer.from(bytes);
    decodeInPieces(bytes, 5);
    expect(bytes.equals(copy)).toBe(true);
  });

  it('drops a byte left alone at the end of the file', () => {
    const bytes = Buffer.concat([utf16be('ab'), Buffer.of(0x00)]);
    expect(decodeInPieces(bytes, 3)).toBe('ab');
  });

  it('keeps an unpaired surrogate as it is', () => {
    const lone = 'a\ud83db';
    expect(decodeInPieces(utf16be(lone), 1)).toBe(lone);
  });
});
