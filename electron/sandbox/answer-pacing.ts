/**
 * How long the sandbox takes to answer: a fixed latency plus a jitter drawn from a seeded
 * generator (same seed, same delays), and a gate tests close to hold answers until they say.
 * Waiting uses timers, never a loop that blocks, and ends at once when the sandbox closes; the
 * last fraction of a millisecond of a latency is waited by yielding to the event loop, as timers
 * only count whole milliseconds.
 */

/** mulberry32: small, fast and good enough to spread delays; deterministic for a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class LatencyModel {
  private readonly random: () => number;

  constructor(
    private latencyMs: number,
    private jitterMs: number,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  set(latencyMs: number, jitterMs: number): void {
    this.latencyMs = latencyMs;
    this.jitterMs = jitterMs;
  }

  /** The next delay: latency + a whole number of ms in [0, jitter]. */
  next(): number {
    if (this.jitterMs <= 0) return this.latencyMs;
    return this.latencyMs + Math.floor(this.random() * (this.jitterMs + 1));
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    // setTimeout's limit is 2^31-1 ms; anything longer means "until aborted".
    const timer =
      ms < 2_147_483_647
        ? setTimeout(() => {
            signal.removeEventListener('abort', onAbort);
            resolve(true);
          }, ms)
        : undefined;
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves true once `performance.now()` reaches `deadline`, or false as soon as `signal` aborts.
 * Timers count whole milliseconds from the event loop's cached clock and fire up to a millisecond
 * late (a 20 ms latency would cost ~20.7 ms): a timer takes the whole milliseconds left, then the
 * loop is yielded to (I/O goes on) until the deadline, so the wait is neither shorter than asked
 * nor much longer.
 */
export async function pauseUntil(deadline: number, signal: AbortSignal): Promise<boolean> {
  for (;;) {
    const left = deadline - performance.now();
    if (signal.aborted) return false;
    if (left <= 0) return true;
    if (left >= 1) {
      if (!(await pause(Math.floor(left), signal))) return false;
    } else {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** Holds answers while closed; every holder is let through when the last hold is released. */
export class AnswerGate {
  private holds = 0;
  private waiting: (() => void)[] = [];

  hold(): () => void {
    this.holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      if (this.holds === 0) this.open();
    };
  }

  /** Resolves true when the gate is open, false when `signal` aborts first. */
  pass(signal: AbortSignal): Promise<boolean> {
    if (this.holds === 0) return Promise.resolve(true);
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onAbort = () => {
        this.waiting = this.waiting.filter((w) => w !== onOpen);
        resolve(false);
      };
      const onOpen = () => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      };
      this.waiting.push(onOpen);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private open(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const letThrough of waiting) letThrough();
  }
}
