import type { IncomingMessage } from 'node:http';
import type { AcceptedRecords } from './accepted-records';
import type { TokenQuota } from './token-ledger';
import type { Reply, ReplyStyle } from './wolkvox-replies';

/** What the sandbox CRM holds; `licenseCap` changes while it runs. */
export interface SandboxConfig {
  operation: string;
  users: ReadonlySet<string>;
  contacts: ReadonlySet<string>;
  customFields: ReadonlySet<string>;
  /** Built-in and custom case types. */
  caseTypes: ReadonlySet<string>;
  campaigns: ReadonlySet<string>;
  licenseCap: number;
}

export interface EndpointContext {
  config: SandboxConfig;
  store: AcceptedRecords;
  /** The quota of the token the request came with, as it is at that moment. */
  quota(): TokenQuota;
}

/**
 * What an endpoint made of a request once it read it. Reading and checking record nothing, so
 * the sandbox may still decide not to go on (the client left, a failure was injected); only
 * `commit` records what the request asked for and returns the answer.
 */
export type Prepared = { kind: 'refuse'; reply: Reply } | { kind: 'accept'; commit(): Reply };

export type EndpointName = 'cases-insert' | 'campaign-add-record' | 'crm-token-info' | 'manager-token-info';

export interface Endpoint {
  name: EndpointName;
  style: ReplyStyle;
  method: 'GET' | 'POST';
  /** Whether injected failures apply (writes only). */
  takesInjections: boolean;
  prepare(req: IncomingMessage, url: URL, context: EndpointContext): Promise<Prepared>;
}
