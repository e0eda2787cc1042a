import { backoffDelay, type BackoffPolicy } from './backoff';

/** What the runner does next about a transient failure. */
export type OutageStep =
  | { kind: 'retry'; delayMs: number }
  | { kind: 'wait'; delayMs: number; nextProbeAt: Date }
  | { kind: 'give-up'; waitedMs: number };

/**
 * Tells a CRM that is down from a request that failed by chance. A few transient failures in a
 * row (refused or reset before sending, DNS, 5xx, UNABLE TO CONNECT) mean the CRM is down: the
 * job then waits, sending one request at a time as a probe, with a backoff capped at the policy's
 * maximum, and goes on by itself at the first answer. Rows never fail for an outage.
 */
export class CrmOutage {
  private consecutive = 0;
  private since: number | null = null;
  private probes = 0;
  /** The send that probes; the others wait for the outage to end. */
  private prober: symbol | null = null;
  private ended: Promise<void> = Promise.resolve();
  private endNow: () => void = () => undefined;

  constructor(
    private readonly policy: BackoffPolicy,
    /** Give up after waiting this long (undefined: wait as long as it takes). */
    private readonly maxWaitMs: number | undefined,
    private readonly random: (() => number) | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  get waiting(): boolean {
    return this.since !== null;
  }

  /** Whether `sender` must hold back: during an outage only the prober sends. */
  mustHold(sender: symbol): boolean {
    return this.since !== null && this.prober !== sender;
  }

  /** Resolves when the outage ends (or at once when there is none). */
  whenOver(): Promise<void> {
    return this.ended;
  }

  /** A transient failure of `sender`'s request; `attempt` counts that request's own tries. */
  failed(sender: symbol, attempt: number): OutageStep {
    this.consecutive++;
    if (this.since === null && this.consecutive < this.policy.transientAttempts) {
      return { kind: 'retry', delayMs: backoffDelay(this.policy, attempt, this.random) };
    }
    if (this.since === null) {
      this.since = this.now();
      this.probes = 0;
      this.ended = new Promise((resolve) => (this.endNow = resolve));
    }
    this.prober = sender;
    this.probes++;
    const delayMs = backoffDelay(this.policy, this.probes, this.random);
    const waitedMs = this.now() - this.since;
    if (this.maxWaitMs !== undefined && waitedMs + delayMs > this.maxWaitMs)
      return { kind: 'give-up', waitedMs };
    return { kind: 'wait', delayMs, nextProbeAt: new Date(this.now() + delayMs) };
  }

  /** Any answer that is not a transient failure: the CRM is up. True when an outage just ended. */
  answered(): boolean {
    this.consecutive = 0;
    return this.end();
  }

  /** Ends the outage (the CRM answered, or the pass stops) and lets the held sends go on. */
  end(): boolean {
    if (this.since === null) return false;
    this.since = null;
    this.prober = null;
    this.endNow();
    return true;
  }
}
