import type { Connection, ServerLists } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { readThalamusLists } from '../crm/thalamus-lists';
import type { EngineParts } from './engine-parts';

/** Thalamus's category/type pairs and statuses, read as `party`; other targets declare none. */
export async function readServerLists(
  parts: EngineParts,
  connection: Connection,
  party: string | undefined,
): Promise<ServerLists> {
  if (connection.target !== 'thalamus-cases') throw new CargaError(msg('lists.not-offered'));
  const resolved = await parts.connections.resolve(connection);
  return readThalamusLists({
    conn: resolved,
    lane: parts.lanes.lane(resolved.origin, resolved.token, resolved.connection.dailyLimit),
    http: parts.http,
    timeoutMs: parts.timeoutMs,
    party,
  });
}
