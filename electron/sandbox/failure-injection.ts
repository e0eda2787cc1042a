/**
 * Failures a test or an operator asks the sandbox to produce, served first in, first out to the
 * next write requests (cases and campaign records) that get past the token checks. Token-info
 * reads never take one, so a client may check its quota between failures.
 */

export type InjectedFailure =
  /** 503 with an HTML page, as a proxy or a maintenance window answers. */
  | 'http-503-html'
  /** The connection is reset before the request is read: nothing is recorded. */
  | 'reset-before-processing'
  /** The request is processed and recorded, then the connection is reset without an answer. */
  | 'reset-after-processing'
  /** Nothing happens for `slowMs`; then the request is processed and answered if the client
   * is still there. A client that gives up first leaves nothing recorded. */
  | 'slow'
  /** This answer, in the endpoint's style, instead of processing the request. */
  | { status: number; code?: string | number; msg: string };

export class FailureQueue {
  private queue: InjectedFailure[] = [];

  add(failure: InjectedFailure, count: number): void {
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`count must be a positive integer, got ${count}`);
    for (let i = 0; i < count; i += 1) this.queue.push(failure);
  }

  take(): InjectedFailure | undefined {
    return this.queue.shift();
  }

  clear(): void {
    this.queue = [];
  }
}
