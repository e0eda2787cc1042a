import { createHash } from 'node:crypto';
import { join } from 'node:path';

import pLimit from 'p-limit';

import { machineLaneKey, MachineSlots } from './machine-slots';
import { QuotaLedger } from './quota-ledger';

/** The API allows this many requests in flight per token, across every job and process using it. */
export const REQUESTS_IN_FLIGHT_PER_TOKEN = 2;

/** Everything that must be shared by all jobs sending with one token. */
export interface TokenLane {
  /** A digest naming the token in files and logs; the token itself is never written. */
  key: string;
  /** Runs a request when the token has a free slot, in this process and on the whole machine. */
  limit: <T>(send: () => Promise<T>) => Promise<T>;
  ledger: QuotaLedger;
}

export function tokenKey(origin: string, token: string): string {
  return createHash('sha256').update(origin).update('\n').update(token).digest('hex').slice(0, 32);
}

/** The folder of a jobs folder that holds the quota ledgers of every token. */
export const QUOTA_FOLDER = '.quota';

/** The file where the requests a token sent to `origin` today are counted. */
export function quotaLedgerPath(quotaDir: string, origin: string, token: string): string {
  return join(quotaDir, `${tokenKey(origin, token)}.jsonl`);
}

/**
 * Two slots per token for every job of this process (p-limit: queued here, cheaply) and then for
 * every process on the machine (the app, the web front door, CLI runs with any CARGA_HOME).
 */
function twoGates(origin: string, token: string): TokenLane['limit'] {
  const inProcess = pLimit(REQUESTS_IN_FLIGHT_PER_TOKEN);
  const machine = new MachineSlots(machineLaneKey(origin, token), REQUESTS_IN_FLIGHT_PER_TOKEN);
  return (send) =>
    inProcess(async () => {
      const lease = await machine.acquire();
      try {
        return await send();
      } finally {
        lease.release();
      }
    });
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
        limit: twoGates(origin, token),
        ledger: new QuotaLedger(quotaLedgerPath(this.quotaDir, origin, token), dailyLimit),
      };
      this.lanes.set(key, lane);
    } else {
      lane.ledger.capAt(dailyLimit);
    }
    return lane;
  }
}
