import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { QuotaLedger } from '../../../../electron/engine/quota/quota-ledger';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

describe('the quota ledger', () => {
  it('states a day’s budget only from the provider’s figures or the operator’s cap, never from a refusal', () => {
    const now = () => Date.parse('2026-11-22T10:00:00');
    const ledger = new QuotaLedger(join(tempDir(), 'token.jsonl'), undefined, now);
    ledger.reserve();
    ledger.exhaust();
    expect(ledger.remaining).toBe(0);
    expect(ledger.statedBudget).toBeNull();
    ledger.observe({ limit: 4800, usedToday: 4800 });
    expect(ledger.statedBudget).toBe(4800);
    ledger.capAt(1000);
    expect(ledger.statedBudget).toBe(1000);
  });

  it('never reserves past the lower of the provider limit and the operator cap', () => {
    const now = () => Date.parse('2026-11-22T10:00:00');
    const ledger = new QuotaLedger(join(tempDir(), 'token.jsonl'), 5, now);
    ledger.observe({ limit: 100, usedToday: 2 });
    expect(ledger.remaining).toBe(3);
    expect([1, 2, 3, 4].map(() => ledger.reserve().ok)).toEqual([true, true, true, false]);
  });

  it('remembers its count across restarts, and starts afresh after the reset', () => {
    const path = join(tempDir(), 'token.jsonl');
    let clock = Date.parse('2026-11-22T10:00:00');
    const now = () => clock;
    const first = new QuotaLedger(path, undefined, now);
    first.observe({ limit: 4, usedToday: 1, resetsAt: Date.parse('2026-11-22T12:00:00') });
    first.reserve();
    first.reserve();
    const second = new QuotaLedger(path, undefined, now);
    expect(second.usedToday).toBe(3);
    expect(second.reserve()).toEqual({ ok: true, remaining: 0 });
    expect(second.reserve()).toEqual({
      ok: false,
      resetsAt: new Date(Date.parse('2026-11-22T12:00:00')).toISOString(),
    });
    clock = Date.parse('2026-11-22T12:00:01');
    expect(second.usedToday).toBe(0);
    expect(second.reserve().ok).toBe(true);
  });

  it('takes the provider at its word when it says the quota is spent', () => {
    const ledger = new QuotaLedger(join(tempDir(), 'token.jsonl'), undefined, () =>
      Date.parse('2026-11-22T10:00:00'),
    );
    expect(ledger.reserve().ok).toBe(true);
    ledger.exhaust();
    expect(ledger.reserve().ok).toBe(false);
  });
});
