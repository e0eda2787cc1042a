import { describe, expect, it } from 'vitest';

import { OccurrenceCounter } from '../../../../electron/engine/ledger/occurrence-counter';

describe('OccurrenceCounter', () => {
  it('numbers each hash on, across a reserve that resizes it', () => {
    const counter = new OccurrenceCounter();
    for (let n = 0; n < 3_000; n++) expect(counter.next(n * 7919, n)).toBe(0);
    expect(counter.next(7919, 1)).toBe(1);
    counter.reserve(100_000);
    // The hashes seen before the resize are still known: their next occurrence is numbered on.
    for (let n = 0; n < 3_000; n++) expect(counter.next(n * 7919, n)).toBe(n === 1 ? 2 : 1);
    // Same first word, another second word: another hash.
    expect(counter.next(7919, 2)).toBe(0);
    for (let n = 3_000; n < 100_000; n++) expect(counter.next(n * 7919, n)).toBe(0);
  });
});
