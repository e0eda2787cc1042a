/**
 * The CRM refused a whole batch for one record's reason and does not say which record (T2's
 * `THIS CODE ALREADY EXISTS`, `404 REVIEW…` for a bad value): the batch is split in halves and
 * each half sent again, until the refused records stand alone and can be named. The extra
 * requests are bounded: enough to find one bad record (two per halving); past that budget the
 * halves left fail together, each row with the batch's refusal.
 */
export class BisectionBudget {
  private left: number;

  constructor(batchSize: number) {
    this.left = extraRequestsToFindOne(batchSize);
  }

  /** Takes the two requests of one more halving, or says the budget is spent. */
  split(): boolean {
    if (this.left < 2) return false;
    this.left -= 2;
    return true;
  }
}

/** The most extra requests finding the refused records of a batch of `size` may cost. */
export function extraRequestsToFindOne(size: number): number {
  return size <= 1 ? 0 : 2 * Math.ceil(Math.log2(size));
}

/** The two halves of a refused batch, in file order. */
export function halves<T>(rows: readonly T[]): [T[], T[]] {
  const middle = Math.ceil(rows.length / 2);
  return [rows.slice(0, middle), rows.slice(middle)];
}
