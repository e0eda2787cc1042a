import type { Connection, TargetId } from '../../shared/contract';
import {
  BUILT_IN_ID_PREFIX,
  SANDBOX_SERVER,
  type BuiltInConnections,
} from '../engine/connections/built-in-connections';
import {
  SANDBOX_DEFAULTS,
  SANDBOX_EXTRA_PRIORITIES,
  SANDBOX_EXTRA_STATUSES,
  SANDBOX_TARGET_TOKENS,
  startSandbox,
  THALAMUS_PASSWORDLESS_TOUCHPOINT,
  THALAMUS_PATH_PREFIX,
  type SandboxHandle,
  type SandboxOptions,
} from './sandbox';

/** The embedded sandbox CRM, offered first so a new operator can rehearse every target without credentials. */
export function sandboxConnections(): Connection[] {
  return [
    {
      id: `${BUILT_IN_ID_PREFIX}cases`,
      name: 'Sandbox · wolkvox CRM',
      target: 'wolkvox-crm-cases',
      server: SANDBOX_SERVER,
      operation: SANDBOX_DEFAULTS.operation,
      extraStatuses: SANDBOX_EXTRA_STATUSES,
      extraPriorities: SANDBOX_EXTRA_PRIORITIES,
    },
    {
      id: `${BUILT_IN_ID_PREFIX}records`,
      name: 'Sandbox · wolkvox CRM · contactos',
      target: 'wolkvox-crm-records',
      server: SANDBOX_SERVER,
      operation: SANDBOX_DEFAULTS.operation,
      module: 'contacts',
    },
    {
      id: `${BUILT_IN_ID_PREFIX}campaign`,
      name: 'Sandbox · wolkvox Manager',
      target: 'wolkvox-campaign',
      server: SANDBOX_SERVER,
      campaignId: SANDBOX_DEFAULTS.campaigns[0] ?? '1001',
      campaignType: 'predictive',
      campaignStatus: 'active',
    },
    {
      id: `${BUILT_IN_ID_PREFIX}thalamus`,
      name: 'Sandbox · Thalamus',
      target: 'thalamus-cases',
      server: SANDBOX_SERVER,
      touchpoint: THALAMUS_PASSWORDLESS_TOUCHPOINT,
    },
  ];
}

/** Where a target's requests go in the sandbox: its Thalamus is served under a path, as real
 * installations often are, so the path a base URL carries is exercised on every rehearsal. */
export function sandboxBaseUrl(target: TargetId, origin: string): string {
  return target === 'thalamus-cases' ? `${origin}${THALAMUS_PATH_PREFIX}` : origin;
}

/** Starts the sandbox CRM on 127.0.0.1 as the engine's built-in connections; each front door
 * that offers it (the app, `npm run web`, the CLI when a job talks to it) passes this in. */
export async function startSandboxConnections(
  options: SandboxOptions = {},
): Promise<BuiltInConnections & { sandbox: SandboxHandle }> {
  const sandbox = await startSandbox(options);
  return {
    sandbox,
    origin: sandbox.origin,
    baseUrl: (target) => sandboxBaseUrl(target, sandbox.origin),
    tokenFor: (connection) => SANDBOX_TARGET_TOKENS[connection.target],
    connections: sandboxConnections(),
    reset: () => sandbox.reset(),
    close: () => sandbox.close(),
  };
}
