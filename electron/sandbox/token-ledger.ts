/**
 * The two limits of a wolkvox token: 2 requests in flight and a daily quota.
 *
 * What counts against the quota: every request that gets past both checks, whatever it is
 * answered afterwards (a validation error, an injected failure, a token-info read). Requests
 * refused for simultaneity or quota are not counted, nor are requests without a valid token.
 *
 * In-flight is measured from admission until the answer is handed to the socket or the socket
 * closes, whichever comes first; a refused third request never enters, so `maxInFlight` shows
 * what the sandbox accepted and `throttled` shows every time a client tried to exceed it.
 */

export const MAX_IN_FLIGHT_PER_TOKEN = 2;

export interface SandboxToken {
  token: string;
  dailyLimit: number;
  usedToday?: number;
}

export type Admission =
  { kind: 'admitted'; inFlight: number; release(): void } | { kind: 'throttled' } | { kind: 'over-quota' };

export interface TokenQuota {
  limit: number;
  usedToday: number;
  /** Every token's use today, added up (the Manager's `all_token_today`). */
  allTokensToday: number;
  hoursToRestart: number;
}

export interface LedgerStats {
  /** Every HTTP request received, refused ones included. */
  requests: number;
  maxInFlightPerToken: number;
  throttled: number;
  quotaRefusals: number;
  byToken: Record<string, { used: number; inFlight: number; maxInFlight: number }>;
}

interface TokenState {
  limit: number;
  /** What `reset()` goes back to: the use the token was configured with. */
  configuredUse: number;
  used: number;
  /** Local calendar day `used` belongs to; the counter restarts when the day changes. */
  day: string;
  inFlight: number;
  maxInFlight: number;
}

interface InFlightWaiter {
  token: string;
  count: number;
  resolve(): void;
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

function hoursToLocalMidnight(date: Date): number {
  const midnight = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
  return Math.ceil((midnight.getTime() - date.getTime()) / 3_600_000);
}

export class TokenLedger {
  private readonly tokens = new Map<string, TokenState>();
  private waiters: InFlightWaiter[] = [];
  private requests = 0;
  private throttled = 0;
  private quotaRefusals = 0;

  constructor(
    tokens: readonly SandboxToken[],
    private readonly now: () => Date,
  ) {
    for (const { token, dailyLimit, usedToday } of tokens) this.setQuota(token, dailyLimit, usedToday);
  }

  knows(token: string): boolean {
    return this.tokens.has(token);
  }

  /** Adds the token when it is new; keeps its in-flight count when it exists. */
  setQuota(token: string, limit: number, usedToday = 0): void {
    const existing = this.tokens.get(token);
    this.tokens.set(token, {
      limit,
      configuredUse: usedToday,
      used: usedToday,
      day: localDay(this.now()),
      inFlight: existing?.inFlight ?? 0,
      maxInFlight: existing?.maxInFlight ?? 0,
    });
  }

  countRequest(): void {
    this.requests += 1;
  }

  tryEnter(token: string): Admission {
    const state = this.current(token);
    if (state.inFlight >= MAX_IN_FLIGHT_PER_TOKEN) {
      this.throttled += 1;
      return { kind: 'throttled' };
    }
    if (state.used >= state.limit) {
      this.quotaRefusals += 1;
      return { kind: 'over-quota' };
    }
    state.used += 1;
    state.inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    this.wakeWaiters(token, state.inFlight);
    let released = false;
    return {
      kind: 'admitted',
      inFlight: state.inFlight,
      release: () => {
        if (released) return;
        released = true;
        state.inFlight -= 1;
      },
    };
  }

  quota(token: string): TokenQuota {
    const state = this.current(token);
    let allTokensToday = 0;
    for (const name of this.tokens.keys()) allTokensToday += this.current(name).used;
    return {
      limit: state.limit,
      usedToday: state.used,
      allTokensToday,
      hoursToRestart: hoursToLocalMidnight(this.now()),
    };
  }

  /** Resolves once `count` requests with this token are in flight at the same time. */
  whenInFlight(token: string, count: number): Promise<void> {
    if ((this.tokens.get(token)?.inFlight ?? 0) >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ token, count, resolve }));
  }

  stats(): LedgerStats {
    const byToken: LedgerStats['byToken'] = {};
    let maxInFlightPerToken = 0;
    for (const [token, state] of this.tokens) {
      byToken[token] = {
        used: this.current(token).used,
        inFlight: state.inFlight,
        maxInFlight: state.maxInFlight,
      };
      maxInFlightPerToken = Math.max(maxInFlightPerToken, state.maxInFlight);
    }
    return {
      requests: this.requests,
      maxInFlightPerToken,
      throttled: this.throttled,
      quotaRefusals: this.quotaRefusals,
      byToken,
    };
  }

  /** Clears counters; requests still in flight keep their slots. */
  reset(): void {
    this.requests = 0;
    this.throttled = 0;
    this.quotaRefusals = 0;
    for (const state of this.tokens.values()) {
      state.used = state.configuredUse;
      state.maxInFlight = state.inFlight;
    }
  }

  private current(token: string): TokenState {
    const state = this.tokens.get(token);
    if (!state) throw new Error('The sandbox checks a token is known before using it.');
    const today = localDay(this.now());
    if (state.day !== today) {
      state.day = today;
      state.used = 0;
    }
    return state;
  }

  private wakeWaiters(token: string, inFlight: number): void {
    const ready = this.waiters.filter((w) => w.token === token && w.count <= inFlight);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve();
  }
}
