import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { sniffEncoding } from '../../../../electron/engine/files/sniff-encoding';

/** Sniffs a whole in-memory file, handing out its later parts when asked. */
function sniff(bytes: Buffer, headBytes = bytes.length): Promise<string> {
  return sniffEncoding(bytes.subarray(0, headBytes), bytes.length, async (position, length) =>
    bytes.subarray(position, position + length),
  );
}

describe('sniffEncoding', () => {
  it('trusts a BOM', async () => {
    expect(await sniff(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8');
    expect(await sniff(Buffer.from([0xff, 0xfe, 0x61, 0]))).toBe('utf-16le');
    expect(await sniff(Buffer.from([0xfe, 0xff, 0, 0x61]))).toBe('utf-16be');
  });

  it('recognises UTF-16 without BOM by its NUL bytes', async () => {
    expect(await sniff(iconv.encode('Nombre;Ciudad\r\nAna;Cali\r\n', 'utf16le'))).toBe('utf-16le');
    expect(await sniff(iconv.encode('Nombre;Ciudad\r\nAna;Cali\r\n', 'utf16be'))).toBe('utf-16be');
  });

  it('tells UTF-8 from Windows-1252, even when the head ends in the middle of a character', async () => {
    const utf8 = Buffer.from('Nombre\nPeña\n'.repeat(100));
    const cut = utf8.indexOf(Buffer.from('ñ')) + 1;
    expect(await sniff(utf8, cut)).toBe('utf-8');
    expect(await sniff(iconv.encode('Nombre\nPeña\n', 'windows1252'))).toBe('windows-1252');
    expect(await sniff(Buffer.from('Nombre\nAna\n'))).toBe('utf-8');
  });

  it('looks further into the file when the head is plain ASCII', async () => {
    const bytes = Buffer.concat([
      Buffer.from('a\n'.repeat(50_000)),
      iconv.encode('Peña\n'.repeat(10), 'windows1252'),
    ]);
    expect(await sniff(bytes, 64 * 1024)).toBe('windows-1252');
    const utf8 = Buffer.concat([Buffer.from('a\n'.repeat(50_000)), Buffer.from('Peña\n'.repeat(10))]);
    expect(await sniff(utf8, 64 * 1024)).toBe('utf-8');
  });
});
