import { createHash } from 'node:crypto';

import { resolveOrigin } from '../../../shared/connection/normalize-server';
import type { Connection } from '../../../shared/contract';
import { targetSpec } from '../../../shared/targets/catalog';

/** Where rows land: the target, the server as requests reach it, and what inside it receives
 * them (operation, module, campaign, touchpoint). A campaign's status is not part of it: the
 * same campaign paused or active holds the same records. */
export function destinationKey(connection: Connection): string {
  const origin =
    connection.server === 'sandbox' ? 'sandbox' : resolveOrigin(connection.target, connection.server);
  const where = targetSpec(connection.target)
    .connectionFields.filter((field) => field !== 'campaignStatus')
    .map((field) => [field, (connection[field] ?? '').toString().trim()]);
  return JSON.stringify([connection.target, origin, ...where]);
}

/** The ledger file's name: a digest, so server names and operations never become paths. */
export function destinationFileName(key: string): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.ledger`;
}
