export interface BackoffPolicy {
  /** First wait; each further attempt doubles it, up to `maxMs`. */
  baseMs: number;
  maxMs: number;
  /** Attempts in all (the first one included) for transient failures and throttling. */
  transientAttempts: number;
  throttledAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 500,
  maxMs: 30_000,
  transientAttempts: 5,
  throttledAttempts: 20,
};

/** "Full jitter": a random wait up to the exponential ceiling, so retries from several jobs spread out. */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Waits, or returns early when the signal aborts (a pause must not wait out a 30 s backoff). */
export function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
