import type { IncomingMessage } from 'node:http';

import type { AcceptedRecords } from './accepted-records';
import type { ModuleFields } from './module-data';
import type { CaseDataType, CaseStatus, CaseTypeCategory } from './thalamus-data';
import type { TokenQuota } from './token-ledger';
import type { EndpointStyle, Reply } from './wolkvox-replies';

/** What the sandbox CRM holds; `licenseCap` changes while it runs. */
export interface SandboxConfig {
  operation: string;
  users: ReadonlySet<string>;
  /** E-mails and ids of existing contacts: seeded, plus those T2 saved in the contacts module. */
  contacts: Set<string>;
  /** `idcontact` values saved in the contacts module (a second one is THIS CODE ALREADY EXISTS). */
  contactIds: Set<string>;
  /** T2: module name → its fields and their types. */
  modules: ReadonlyMap<string, ModuleFields>;
  thalamus: ThalamusConfig;
  customFields: ReadonlySet<string>;
  /** Built-in and custom case types. */
  caseTypes: ReadonlySet<string>;
  campaigns: ReadonlySet<string>;
  licenseCap: number;
}

/** What the sandbox's Thalamus holds (T4). */
export interface ThalamusConfig {
  /** Touchpoint code → how its parties log in. */
  touchpoints: ReadonlyMap<string, 'passwordless' | 'password'>;
  parties: ReadonlySet<string>;
  /** The password of every party on a password touchpoint. */
  partyPassword: string;
  typeCategories: readonly CaseTypeCategory[];
  systemCategory: string;
  statuses: readonly CaseStatus[];
  initialResolutions: readonly string[];
  caseData: Readonly<Record<string, CaseDataType>>;
}

export interface EndpointContext {
  config: SandboxConfig;
  store: AcceptedRecords;
  /** The quota of the token the request came with, as it is at that moment. */
  quota(): TokenQuota;
  /** Thalamus: the touchpoint the request came through. */
  touchpoint?: string;
}

/**
 * What an endpoint made of a request once it read it. Reading and checking record nothing, so
 * the sandbox may still decide not to go on (the client left, a failure was injected); only
 * `commit` records what the request asked for and returns the answer.
 */
export type Prepared = { kind: 'refuse'; reply: Reply } | { kind: 'accept'; commit(): Reply };

export type EndpointName =
  | 'cases-insert'
  | 'campaign-add-record'
  | 'crm-token-info'
  | 'manager-token-info'
  | 'module-insert-many'
  | 'module-insert'
  | 'thalamus-create-case'
  | 'thalamus-type-category'
  | 'thalamus-status';

export interface Endpoint {
  name: EndpointName;
  style: EndpointStyle;
  method: 'GET' | 'POST';
  /** Whether injected failures apply (writes only). */
  takesInjections: boolean;
  prepare(req: IncomingMessage, url: URL, context: EndpointContext): Promise<Prepared>;
}
