import { randomBytes } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { crc32 } from '../../../../electron/engine/ledger/crc32';

describe('crc32', () => {
  it('gives the checksum zlib gives, so ledgers written before still check out', () => {
    for (const length of [0, 1, 28, 32, 60, 64, 1000]) {
      const bytes = randomBytes(length);
      expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    }
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('sums only the range asked for', () => {
    const bytes = randomBytes(96);
    expect(crc32(bytes, 32, 60)).toBe(zlibCrc32(bytes.subarray(32, 60)));
    expect(crc32(bytes, 40, 40)).toBe(0);
  });
});
