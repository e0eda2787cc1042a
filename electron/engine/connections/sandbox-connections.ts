import type { Connection, TargetId } from '../../../shared/contract';
import { SANDBOX_DEFAULTS, THALAMUS_PASSWORDLESS_TOUCHPOINT, THALAMUS_PATH_PREFIX } from '../../sandbox/sandbox';

export const SANDBOX_CONNECTION_PREFIX = 'sandbox-';

/** The embedded sandbox CRM, offered first so a new operator can rehearse every target without credentials. */
export function sandboxConnections(): Connection[] {
  return [
    {
      id: `${SANDBOX_CONNECTION_PREFIX}cases`,
      name: 'Sandbox · wolkvox CRM',
      target: 'wolkvox-crm-cases',
      server: 'sandbox',
      operation: SANDBOX_DEFAULTS.operation,
    },
    {
      id: `${SANDBOX_CONNECTION_PREFIX}records`,
      name: 'Sandbox · wolkvox CRM · contactos',
      target: 'wolkvox-crm-records',
      server: 'sandbox',
      operation: SANDBOX_DEFAULTS.operation,
      module: 'contacts',
    },
    {
      id: `${SANDBOX_CONNECTION_PREFIX}campaign`,
      name: 'Sandbox · wolkvox Manager',
      target: 'wolkvox-campaign',
      server: 'sandbox',
      campaignId: SANDBOX_DEFAULTS.campaigns[0] ?? '1001',
      campaignType: 'predictive',
      campaignStatus: 'active',
    },
    {
      id: `${SANDBOX_CONNECTION_PREFIX}thalamus`,
      name: 'Sandbox · Thalamus',
      target: 'thalamus-cases',
      server: 'sandbox',
      touchpoint: THALAMUS_PASSWORDLESS_TOUCHPOINT,
    },
  ];
}

/** Where a target's requests go in the sandbox: its Thalamus is served under a path, as real
 * installations often are, so the path a base URL carries is exercised on every rehearsal. */
export function sandboxBaseUrl(target: TargetId, origin: string): string {
  return target === 'thalamus-cases' ? `${origin}${THALAMUS_PATH_PREFIX}` : origin;
}
