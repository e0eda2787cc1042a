/**
 * The embedded sandbox CRM: an HTTP server on 127.0.0.1 that answers like wolkvox CRM (cases,
 * token information) and wolkvox Manager (campaign records, token information), with the
 * token's limits, so operators can rehearse a load and tests run against real HTTP.
 * Plain Node: no Electron.
 */
import type { AddressInfo } from 'node:net';

import { createServer } from '../node-http';
import { AcceptedRecords, type AcceptedSnapshot } from './accepted-records';
import { AnswerGate, LatencyModel } from './answer-pacing';
import type { SandboxConfig } from './endpoint';
import { FailureQueue, type InjectedFailure } from './failure-injection';
import { SANDBOX_MODULES, type ModuleFields } from './module-data';
import { createRequestListener, type SandboxEvent } from './request-pipeline';
import { resetSandboxState } from './sandbox-reset';
import {
  BUILT_IN_CASE_TYPES,
  SANDBOX_DAILY_LIMIT,
  SANDBOX_DEFAULTS,
  SANDBOX_TARGET_TOKENS,
  SANDBOX_TOKEN,
} from './seeded-data';
import {
  THALAMUS_CASE_DATA,
  THALAMUS_INITIAL_RESOLUTIONS,
  THALAMUS_PARTIES,
  THALAMUS_PASSWORD_TOUCHPOINT,
  THALAMUS_PASSWORDLESS_TOUCHPOINT,
  THALAMUS_SANDBOX_PARTY_PASSWORD,
  THALAMUS_STATUSES,
  THALAMUS_SYSTEM_CATEGORY,
  THALAMUS_TYPE_CATEGORIES,
} from './thalamus-data';
import { TokenLedger, type LedgerStats, type SandboxToken } from './token-ledger';

export type {
  AcceptedCase,
  AcceptedCampaignRecord,
  AcceptedAttachment,
  AcceptedModuleRecord,
  AcceptedThalamusCase,
  FormValue,
} from './accepted-records';
export type { ModuleFields, ModuleFieldType } from './module-data';
export { SANDBOX_MODULES } from './module-data';
export * from './thalamus-data';
export type { InjectedFailure } from './failure-injection';
export type { SandboxEvent } from './request-pipeline';
export type { SandboxToken } from './token-ledger';
export type { WolkvoxBody } from './wolkvox-replies';
export { WOLKVOX_MESSAGES } from './wolkvox-replies';
export { MAX_IN_FLIGHT_PER_TOKEN } from './token-ledger';
export {
  CASE_PRIORITIES,
  CASE_STATUSES,
  BUILT_IN_CASE_TYPES,
  SANDBOX_DAILY_LIMIT,
  SANDBOX_DEFAULTS,
  SANDBOX_EXTRA_PRIORITIES,
  SANDBOX_EXTRA_STATUSES,
  SANDBOX_TARGET_TOKENS,
  SANDBOX_TOKEN,
} from './seeded-data';

export const DEFAULT_SLOW_MS = 65_000;
export const DEFAULT_LICENSE_CAP = 10_000;

export interface SandboxOptions {
  /** 0 (the default) takes any free port. */
  port?: number;
  /** Added before answering each request that passes the token checks. */
  latencyMs?: number;
  /** Up to this many ms more, drawn from a generator seeded with `seed`. */
  jitterMs?: number;
  /** Default: one token per target (SANDBOX_TARGET_TOKENS), each with a daily limit of 4800. */
  tokens?: SandboxToken[];
  /** The CRM operation name T1 accepts (default 'demo'). */
  operation?: string;
  /** Existing users (`user@operation`), compared without case. */
  users?: string[];
  /** Existing contacts (e-mails), compared without case. */
  contacts?: string[];
  /** Custom field names of the cases module, matched exactly. */
  customFields?: string[];
  /** Custom case types besides Request, Complaints, Claims and Suggestions. */
  caseTypes?: string[];
  /** Existing campaign ids for T3 (default ['1001', '1002']). */
  campaigns?: string[];
  /** T2 modules and their typed fields (default: contacts and ventas, see module-data.ts). */
  modules?: Record<string, ModuleFields>;
  /** Thalamus principals that can log in (default: THALAMUS_PARTIES). */
  thalamusParties?: string[];
  /** Records the Manager accepts in one add_record call (YOU CAN UPLOAD Y); default 10,000. */
  licenseCap?: number;
  seed?: number;
  /** How long a request with an injected 'slow' failure waits (default 65 s; Infinity: until
   * the client leaves or the sandbox closes). */
  slowMs?: number;
  /** The clock for the daily quota (tests); default the system clock. */
  now?: () => Date;
  /** Told of every request's start (after the token checks) and end. */
  onEvent?: (event: SandboxEvent) => void;
  /** Keeps every record accepted for `accepted()` (default: true, for tests); a front door's
   * sandbox passes false (see AcceptedRecords). */
  keepAccepted?: boolean;
}

export type SandboxStats = LedgerStats;

export interface SandboxHandle {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** Everything accepted, for tests to verify the CRM's side exactly (throws when started
   * without keepAccepted). */
  accepted(): AcceptedSnapshot;
  stats(): SandboxStats;
  /** The next `count` (default 1) write requests (cases or campaign) that pass the token
   * checks meet this failure, first in, first out. */
  inject(failure: InjectedFailure, count?: number): void;
  setLatency(ms: number, jitterMs?: number): void;
  /** Sets a token's daily limit and today's use; adds the token when it is new. */
  setQuota(token: string, limit: number, usedToday?: number): void;
  setLicenseCap(n: number): void;
  /** Answers wait (after their latency) until every hold is released; for tests that need
   * requests in flight at a known moment. Returns the release function. */
  holdAnswers(): () => void;
  /** Resolves when `count` requests with `token` (default the sandbox token) are in flight. */
  whenInFlight(count: number, token?: string): Promise<void>;
  /** Clears accepted records, statistics, pending injected failures, and today's use (back to
   * what each token was configured with). Requests in flight keep their slots. */
  reset(): void;
  /** Stops listening and drops every connection, hung ones included. */
  close(): Promise<void>;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative number, got ${value}`);
  return value;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const config: SandboxConfig = {
    operation: options.operation ?? SANDBOX_DEFAULTS.operation,
    users: new Set(options.users ?? SANDBOX_DEFAULTS.users),
    contacts: new Set(options.contacts ?? SANDBOX_DEFAULTS.contacts),
    contactIds: new Set(),
    modules: new Map(Object.entries(options.modules ?? SANDBOX_MODULES)),
    thalamus: {
      touchpoints: new Map([
        [THALAMUS_PASSWORDLESS_TOUCHPOINT, 'passwordless'],
        [THALAMUS_PASSWORD_TOUCHPOINT, 'password'],
      ]),
      parties: new Set(options.thalamusParties ?? THALAMUS_PARTIES),
      partyPassword: THALAMUS_SANDBOX_PARTY_PASSWORD,
      typeCategories: THALAMUS_TYPE_CATEGORIES,
      systemCategory: THALAMUS_SYSTEM_CATEGORY,
      statuses: THALAMUS_STATUSES,
      initialResolutions: THALAMUS_INITIAL_RESOLUTIONS,
      caseData: THALAMUS_CASE_DATA,
    },
    customFields: new Set(options.customFields ?? SANDBOX_DEFAULTS.customFields),
    caseTypes: new Set([...BUILT_IN_CASE_TYPES, ...(options.caseTypes ?? [])]),
    campaigns: new Set(options.campaigns ?? SANDBOX_DEFAULTS.campaigns),
    licenseCap: nonNegative('licenseCap', options.licenseCap ?? DEFAULT_LICENSE_CAP),
  };
  const defaultTokens = Object.values(SANDBOX_TARGET_TOKENS).map((token) => ({
    token,
    dailyLimit: SANDBOX_DAILY_LIMIT,
  }));
  const ledger = new TokenLedger(options.tokens ?? defaultTokens, options.now ?? (() => new Date()));
  const store = new AcceptedRecords(options.keepAccepted ?? true);
  const failures = new FailureQueue();
  const latency = new LatencyModel(
    nonNegative('latencyMs', options.latencyMs ?? 0),
    nonNegative('jitterMs', options.jitterMs ?? 0),
    options.seed ?? 1,
  );
  const gate = new AnswerGate();
  const lifetime = new AbortController();
  const onEvent = options.onEvent;

  const server = createServer(
    createRequestListener({
      config,
      ledger,
      store,
      failures,
      latency,
      gate,
      slowMs:
        options.slowMs === Number.POSITIVE_INFINITY
          ? options.slowMs
          : nonNegative('slowMs', options.slowMs ?? DEFAULT_SLOW_MS),
      lifetime: lifetime.signal,
      emit: (event) => onEvent?.(event),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    accepted: () => store.snapshot(),
    stats: () => ledger.stats(),
    inject: (failure, count = 1) => failures.add(failure, count),
    setLatency: (ms, jitterMs = 0) =>
      latency.set(nonNegative('latencyMs', ms), nonNegative('jitterMs', jitterMs)),
    setQuota: (token, limit, usedToday = 0) =>
      ledger.setQuota(token, nonNegative('limit', limit), nonNegative('usedToday', usedToday)),
    setLicenseCap: (n) => {
      config.licenseCap = nonNegative('licenseCap', n);
    },
    holdAnswers: () => gate.hold(),
    whenInFlight: (count, token = SANDBOX_TOKEN) => ledger.whenInFlight(token, count),
    reset: () => resetSandboxState({ store, failures, ledger }),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        lifetime.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
