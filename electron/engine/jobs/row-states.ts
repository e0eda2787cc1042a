import type { RowOutcome } from '../../../shared/contract';

/** One byte per row: a million-row job costs a megabyte, not a million objects. */
const CODES: readonly RowOutcome[] = ['pending', 'sending', 'ok', 'failed', 'uncertain', 'skipped'];
const CODE_OF: Record<RowOutcome, number> = {
  pending: 0,
  sending: 1,
  ok: 2,
  failed: 3,
  uncertain: 4,
  skipped: 5,
};

function noCounts(): Record<RowOutcome, number> {
  return { pending: 0, sending: 0, ok: 0, failed: 0, uncertain: 0, skipped: 0 };
}

/** What readers of a job's rows may see; only the journal holds the writable `RowStates`. */
export interface RowStatesView {
  readonly size: number;
  get(index: number): RowOutcome;
  /** Rows in each outcome among the rows seen so far, kept up to date on every change. */
  readonly tally: Readonly<Record<RowOutcome, number>>;
  count(total: number): Record<RowOutcome, number>;
}

export class RowStates implements RowStatesView {
  private states = new Uint8Array(1024);
  private known = 0;
  private readonly counts = noCounts();

  get size(): number {
    return this.known;
  }

  get tally(): Readonly<Record<RowOutcome, number>> {
    return this.counts;
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
    if (index >= this.known) {
      // Rows between the last one seen and this one become known, as pending.
      this.counts.pending += index + 1 - this.known;
      this.known = index + 1;
    }
    this.counts[this.get(index)]--;
    this.states[index] = CODE_OF[outcome];
    this.counts[outcome]++;
  }

  /** Counts over the first `total` rows (rows never seen count as pending). */
  count(total: number): Record<RowOutcome, number> {
    if (total >= this.known) {
      const counts = { ...this.counts };
      counts.pending += total - this.known;
      return counts;
    }
    const counts = noCounts();
    for (let i = 0; i < total; i++) counts[CODES[this.states[i] ?? 0] ?? 'pending']++;
    return counts;
  }
}
