import type { QuotaInfo } from '../../../shared/contract';
import type { Classification } from '../../../shared/errors/classification';
import type { HttpClient } from '../crm/http-client';
import type { ResolvedConnection, TargetAdapter } from '../crm/target-adapter';
import type { TokenLane } from './token-lanes';

export type QuotaReading =
  | { kind: 'unsupported' }
  /** The operator's own cap leaves not even the read. */
  | { kind: 'capped'; resetsAt: string }
  | { kind: 'network-error'; message: string }
  | { kind: 'failure'; failure: Extract<Classification, { kind: 'failure' }> }
  /** `recent`: the provider's last figures, counted forward, stood in for a read (none was sent). */
  | { kind: 'ok'; quota: QuotaInfo; recent?: true };

/**
 * Asks the provider for the token's quota (the read costs a request, so it is counted and goes
 * through the token's lane like any other) and adopts its figures in the ledger.
 */
export async function readTokenQuota(input: {
  adapter: TargetAdapter;
  conn: ResolvedConnection;
  lane: TokenLane;
  http: HttpClient;
  timeoutMs: number;
}): Promise<QuotaReading> {
  const { adapter, conn, lane, http } = input;
  if (!adapter.quotaRequest || !adapter.readQuota) return { kind: 'unsupported' };
  const recent = adapter.quotaReadEveryMs ? lane.ledger.providerQuota(adapter.quotaReadEveryMs) : null;
  if (recent)
    return {
      kind: 'ok',
      quota: { ...recent, resetsAt: lane.ledger.resetsAt, countedToday: lane.ledger.countedToday },
      recent: true,
    };
  const reservation = lane.ledger.reserve('read-quota');
  if (!reservation.ok) return { kind: 'capped', resetsAt: reservation.resetsAt };
  const request = adapter.quotaRequest(conn);
  const result = await lane.limit(() => http.send(request, { timeoutMs: input.timeoutMs }));
  if (result.kind === 'network-error') return { kind: 'network-error', message: result.message };
  const quota = adapter.readQuota(result.response);
  if ('kind' in quota)
    return quota.kind === 'failure' ? { kind: 'failure', failure: quota } : { kind: 'unsupported' };
  const resetsAt = quota.resetsAt ? Date.parse(quota.resetsAt) : undefined;
  // What is left decides (the Manager's other tokens spend the same day: `all_token_today`).
  const used = Math.max(quota.usedToday, quota.limit - quota.remaining);
  lane.ledger.observe({ limit: quota.limit, usedToday: used, ...(resetsAt ? { resetsAt } : {}) });
  return { kind: 'ok', quota: { ...quota, countedToday: lane.ledger.countedToday } };
}
