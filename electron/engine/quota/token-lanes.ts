import { createHash } from 'node:crypto';
import { join } from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import { QuotaLedger } from './quota-ledger';

/** The API allows this many requests in flight per token, across every job using it. */
export const REQUESTS_IN_FLIGHT_PER_TOKEN = 2;

/** Everything that must be shared by all jobs sending with one token. */
export interface TokenLane {
  /** A digest naming the token in files and logs; the token itself is never written. */
  key: string;
  limit: LimitFunction;
  ledger: QuotaLedger;
}

export function tokenKey(origin: string, token: string): string {
  return createHash('sha256').update(origin).update('\n').update(token).digest('hex').slice(0, 32);
}

/** One lane per token for the whole process, so two jobs on one token share its 2 slots. */
export class TokenLanes {
  private readonly lanes = new Map<string, TokenLane>();

  constructor(private readonly quotaDir: string) {}

  lane(origin: string, token: string, dailyLimit?: number): TokenLane {
    const key = tokenKey(origin, token);
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = {
        key,
        limit: pLimit(REQUESTS_IN_FLIGHT_PER_TOKEN),
        ledger: new QuotaLedger(join(this.quotaDir, `${key}.jsonl`), dailyLimit),
      };
      this.lanes.set(key, lane);
    } else {
      lane.ledger.capAt(dailyLimit);
    }
    return lane;
  }
}
