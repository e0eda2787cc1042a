import type { Connection, TargetId } from '../../../shared/contract';

/** What the embedded sandbox's connections carry as `server` instead of a host. */
export const SANDBOX_SERVER = 'sandbox';
/** Ids reserved for built-in connections: the operator's own can never take one. */
export const BUILT_IN_ID_PREFIX = 'sandbox-';

/**
 * Connections a front door builds into the engine: the embedded sandbox CRM, which the front
 * door starts (the engine never imports it). Offered before the saved ones, read-only, and
 * resolved without the vault. The engine closes it with itself.
 */
export interface BuiltInConnections {
  /** Where their requests go (loopback). */
  readonly origin: string;
  /** The base URL of a target's requests: the origin, or the origin and a path (Thalamus). */
  baseUrl(target: TargetId): string;
  /** The token a built-in connection sends: one per target, so each has its own daily quota. */
  tokenFor(connection: Connection): string;
  /** Each with `server: SANDBOX_SERVER` and an id starting with BUILT_IN_ID_PREFIX. */
  readonly connections: readonly Connection[];
  /** Starts the sandbox's day over: every token's quota whole again, nothing accepted. */
  reset(): void;
  close(): Promise<void>;
}
