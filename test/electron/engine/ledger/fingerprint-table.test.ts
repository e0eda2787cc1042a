import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { FingerprintTable } from '../../../../electron/engine/ledger/fingerprint-table';

describe('FingerprintTable.reserve', () => {
  it('makes room once: the fingerprints reserved for go in without the table growing, and earlier ones stay', () => {
    const table = new FingerprintTable();
    const before = Array.from({ length: 500 }, () => randomBytes(16));
    before.forEach((fp, i) => table.add(fp, i + 1));
    table.reserve(table.size + 20_000);
    const bytes = table.bytes;
    const after = Array.from({ length: 20_000 }, () => randomBytes(16));
    after.forEach((fp, i) => table.add(fp, 1_000 + i));

    expect(table.bytes).toBe(bytes);
    expect(table.size).toBe(20_500);
    before.forEach((fp, i) => expect(table.get(fp)).toBe(i + 1));
    after.forEach((fp, i) => expect(table.get(fp)).toBe(1_000 + i));
    expect(table.get(randomBytes(16))).toBe(0);
  });

  it('never shrinks a table already larger than asked', () => {
    const table = new FingerprintTable(50_000);
    const bytes = table.bytes;
    table.reserve(10);
    expect(table.bytes).toBe(bytes);
  });
});
