import type { RowOutcome } from '../../../shared/contract';

/** One byte per row: a million-row job costs a megabyte, not a million objects. */
const CODES: readonly RowOutcome[] = ['pending', 'sending', 'ok', 'failed', 'uncertain', 'skipped'];
const CODE_OF: Record<RowOutcome, number> = { pending: 0, sending: 1, ok: 2, failed: 3, uncertain: 4, skipped: 5 };

export class RowStates {
  private states = new Uint8Array(1024);
  private known = 0;

  get size(): number {
    return this.known;
  }

  get(index: number): RowOutcome {
    return index < this.known ? (CODES[this.states[index] ?? 0] ?? 'pending') : 'pending';
  }

  set(index: number, outcome: RowOutcome): void {
    if (index >= this.states.length) {
      let length = this.states.length;
      while (length <= index) length *= 2;
      const grown = new Uint8Array(length);
      grown.set(this.states);
      this.states = grown;
    }
    this.states[index] = CODE_OF[outcome];
    if (index >= this.known) this.known = index + 1;
  }

  /** Counts over the first `total` rows (rows never seen count as pending). */
  count(total: number): Record<RowOutcome, number> {
    const counts: Record<RowOutcome, number> = { pending: 0, sending: 0, ok: 0, failed: 0, uncertain: 0, skipped: 0 };
    const limit = Math.min(total, this.known);
    for (let i = 0; i < limit; i++) counts[CODES[this.states[i] ?? 0] ?? 'pending']++;
    counts.pending += Math.max(0, total - limit);
    return counts;
  }
}
