import { existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** What the provider said about the token's day when it was last asked. */
export interface ServerQuota {
  limit: number;
  usedToday: number;
  /** Epoch ms of the provider's reset, when it said so. */
  resetsAt?: number;
}

export type Reservation = { ok: true; remaining: number | null } | { ok: false; resetsAt: string };

type LedgerLine = { at: number } | { at: number; base: number; limit: number; reset: number };

/** The next local midnight after `at`: the day boundary when the provider does not tell its own. */
function nextMidnight(at: number): number {
  const date = new Date(at);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

/**
 * A token's requests today, counted by this app and kept on disk so that a restart, another job
 * or the CLI still know them. Quotas are small (thousands a day), so a line per request is cheap
 * and a crash loses at most the line being written, never the count of earlier requests.
 */
export class QuotaLedger {
  private used = 0;
  private counted = 0;
  private limit: number | null = null;
  /** The limit is only the count at which the provider refused, its figures never read. */
  private limitGuessed = false;
  private windowEnd: number;
  /** When the provider's figures were last adopted, by any process using this ledger's file. */
  private observed: number | null = null;

  constructor(
    private readonly path: string,
    private dailyLimit: number | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.windowEnd = nextMidnight(this.now());
    this.load();
  }

  /** The lower of the provider's limit and the operator's, or null when neither is known. */
  get budget(): number | null {
    const limits = [this.limit, this.dailyLimit ?? null].filter((v): v is number => v !== null);
    return limits.length ? Math.min(...limits) : null;
  }

  /** The budget as the provider or the operator stated it: what a day of quota holds. */
  get statedBudget(): number | null {
    const limits = [this.limitGuessed ? null : this.limit, this.dailyLimit ?? null].filter(
      (v): v is number => v !== null,
    );
    return limits.length ? Math.min(...limits) : null;
  }

  get remaining(): number | null {
    this.roll();
    const budget = this.budget;
    return budget === null ? null : Math.max(0, budget - this.used);
  }

  get usedToday(): number {
    this.roll();
    return this.used;
  }

  /** Requests this app itself sent in the current window. */
  get countedToday(): number {
    this.roll();
    return this.counted;
  }

  get resetsAt(): string {
    return new Date(this.windowEnd).toISOString();
  }

  /** The provider's own figures as last read, brought up to now with the requests counted since;
   * null when they were never read, or not within `maxAgeMs` (or in an earlier day). */
  providerQuota(maxAgeMs: number): { limit: number; usedToday: number; remaining: number } | null {
    this.roll();
    if (this.observed === null || this.limit === null || this.limitGuessed) return null;
    if (this.now() - this.observed >= maxAgeMs) return null;
    return { limit: this.limit, usedToday: this.used, remaining: Math.max(0, this.limit - this.used) };
  }

  /** The operator's own daily cap for this token (the lower one wins). */
  capAt(dailyLimit: number | undefined): void {
    this.dailyLimit = dailyLimit;
  }

  /** Adopts the provider's figures (its count already includes the request that read them). */
  observe(server: ServerQuota): void {
    const at = this.now();
    const reset = server.resetsAt ?? nextMidnight(at);
    this.write({ at, base: server.usedToday, limit: server.limit, reset });
    this.apply({ at, base: server.usedToday, limit: server.limit, reset });
  }

  /**
   * Takes one request from today's budget, or says when the budget comes back. Reading the
   * provider's own figures may go past *its* last known limit (the plan may have grown since),
   * never past the operator's cap.
   */
  reserve(purpose: 'send' | 'read-quota' = 'send'): Reservation {
    this.roll();
    const budget = purpose === 'read-quota' ? (this.dailyLimit ?? null) : this.budget;
    if (budget !== null && this.used >= budget) return { ok: false, resetsAt: this.resetsAt };
    const line = { at: this.now() };
    this.write(line);
    this.apply(line);
    return { ok: true, remaining: budget === null ? null : budget - this.used };
  }

  /** The provider said the quota is spent, whatever our count says. */
  exhaust(): void {
    this.roll();
    this.used = Math.max(this.used, this.budget ?? this.used);
    if (this.limit === null) {
      this.limit = this.used;
      this.limitGuessed = true;
    }
  }

  private roll(): void {
    const at = this.now();
    if (at >= this.windowEnd) {
      this.used = 0;
      this.counted = 0;
      this.observed = null;
      this.windowEnd = nextMidnight(Math.max(at, this.windowEnd));
    }
  }

  private apply(line: LedgerLine): void {
    if (line.at >= this.windowEnd) {
      this.used = 0;
      this.counted = 0;
      this.observed = null;
      this.windowEnd = nextMidnight(line.at);
    }
    if ('base' in line) {
      this.observed = line.at;
      this.used = line.base;
      this.limit = line.limit;
      this.limitGuessed = false;
      this.windowEnd = line.reset;
    } else {
      this.used++;
      this.counted++;
    }
  }

  private load(): void {
    if (!existsSync(this.path)) return;
    const start = this.windowEnd;
    this.windowEnd = 0;
    for (const text of readFileSync(this.path, 'utf8').split('\n')) {
      const line = parseLine(text);
      if (line) this.apply(line);
    }
    if (this.windowEnd === 0) this.windowEnd = start;
    this.roll();
  }

  /** Opened once: a request's line costs one write, not an open and a close. */
  private fd: number | null = null;

  private write(line: LedgerLine): void {
    if (this.fd === null) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'a', 0o600);
    }
    writeSync(this.fd, JSON.stringify(line) + '\n');
  }
}

function parseLine(text: string): LedgerLine | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { at, base, limit, reset } = value as Record<string, unknown>;
    if (typeof at !== 'number') return null;
    if (typeof base === 'number' && typeof limit === 'number' && typeof reset === 'number')
      return { at, base, limit, reset };
    return { at };
  } catch {
    return null;
  }
}
