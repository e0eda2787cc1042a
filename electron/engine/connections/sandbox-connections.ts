import type { Connection } from '../../../shared/contract';
import { SANDBOX_DEFAULTS } from '../../sandbox/sandbox';

export const SANDBOX_CONNECTION_PREFIX = 'sandbox-';

/** The embedded sandbox CRM, offered first so a new operator can rehearse without credentials. */
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
      id: `${SANDBOX_CONNECTION_PREFIX}campaign`,
      name: 'Sandbox · wolkvox Manager',
      target: 'wolkvox-campaign',
      server: 'sandbox',
      campaignId: SANDBOX_DEFAULTS.campaigns[0] ?? '1001',
      campaignType: 'predictive',
      campaignStatus: 'active',
    },
  ];
}
