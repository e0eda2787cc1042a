import type { RowFailure } from './journal-entry';

/** Identical rejections of different requests in a row after which the setup, not the rows, is
 * taken to be wrong. A file where one row in ten is bad never has five in a row. */
export const SETUP_SUSPECT_AFTER = 5;

/** A rejection's class, code and message with the values taken out (numbers, quoted or
 * parenthesised values, e-mail addresses), so the same refusal of different rows compares equal. */
export function rejectionPattern(failure: RowFailure): string {
  const message = failure.message
    .replace(/\([^)]*\)|"[^"]*"|'[^']*'|«[^»]*»/g, '(…)')
    .replace(/\S*[\d@]\S*/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
  return `${failure.failureClass}|${failure.code}|${message}`;
}

/** A rejected request's rows, as the runner knows them. */
export interface RejectedRequest<Row> {
  rows: Row[];
  failure: RowFailure;
}

/** The current run of identical rejections, request after request. */
export class RepeatedRejections<Row> {
  private pattern: string | null = null;
  private run: RejectedRequest<Row>[] = [];

  /** Requests rejected the same way so far, without an accepted or different answer between. */
  get length(): number {
    return this.run.length;
  }

  /** A rejection; returns the whole run when it reaches SETUP_SUSPECT_AFTER. */
  rejected(request: RejectedRequest<Row>): RejectedRequest<Row>[] | null {
    // A missing contact is the row's own, even when many new customers' cases come in a row:
    // Results offers to create them, so those rows must fail, not wait for a setup fix.
    if (request.failure.explanation.code.startsWith('crm.wolkvox.contact-not-found')) {
      this.answered();
      return null;
    }
    const pattern = rejectionPattern(request.failure);
    if (pattern !== this.pattern) {
      this.pattern = pattern;
      this.run = [];
    }
    this.run.push(request);
    return this.run.length >= SETUP_SUSPECT_AFTER ? this.run : null;
  }

  /** Any other answer breaks the run. */
  answered(): void {
    this.pattern = null;
    this.run = [];
  }
}
