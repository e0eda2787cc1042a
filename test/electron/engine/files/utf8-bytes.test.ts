import { describe, expect, it } from 'vitest';

import { completeUtf8Length, firstInvalidUtf8 } from '../../../../electron/engine/files/utf8-bytes';

describe('UTF-8 bytes', () => {
  it('leaves out a character cut at the end', () => {
    const bytes = Buffer.from('añ€😀');
    expect(completeUtf8Length(bytes)).toBe(bytes.length);
    expect(completeUtf8Length(bytes.subarray(0, 2))).toBe(1);
    expect(completeUtf8Length(bytes.subarray(0, 5))).toBe(3);
    expect(completeUtf8Length(bytes.subarray(0, bytes.length - 1))).toBe(6);
  });

  it('finds the first invalid byte', () => {
    expect(firstInvalidUtf8(Buffer.from('Peña'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x50, 0x65, 0xf1, 0x61]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
  });
});
