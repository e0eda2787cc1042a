import type { AcceptedRecords } from './accepted-records';
import type { FailureQueue } from './failure-injection';
import type { TokenLedger } from './token-ledger';

/**
 * Where a running sandbox is told to start its day again (`carga sandbox-reset`, the app's
 * "Reset the sandbox"): no real wolkvox or Thalamus API lives under /sandbox/, so no client of the
 * real APIs can reach it by mistake, and the sandbox only listens on 127.0.0.1.
 */
export const SANDBOX_RESET_PATH = '/sandbox/reset';

/** Forgets what the sandbox accepted, its pending injected failures and today's use of every
 * token (back to what each was configured with), so a long rehearsal never blocks the next one. */
export function resetSandboxState(parts: {
  store: AcceptedRecords;
  failures: FailureQueue;
  ledger: TokenLedger;
}): void {
  parts.store.clear();
  parts.failures.clear();
  parts.ledger.reset();
}
