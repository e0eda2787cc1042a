import type { CargaApi, QuotaInfo } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { SANDBOX_SERVER } from '../connections/built-in-connections';
import type { ResolvedConnection } from '../crm/target-adapter';
import { targetAdapter } from '../crm/targets';
import { readTokenQuota } from '../quota/read-token-quota';
import type { EngineParts } from './engine-parts';
import { readServerLists } from './read-server-lists';

export type ConnectionMethods = Pick<
  CargaApi,
  | 'listConnections'
  | 'saveConnection'
  | 'deleteConnection'
  | 'testConnection'
  | 'resetSandbox'
  | 'readServerLists'
>;

/** Saved connections, their secrets kept by the vault, and what their CRM says about them. */
export function connectionMethods(parts: EngineParts): ConnectionMethods {
  const { connections, emit, sandbox } = parts;
  return {
    listConnections: async () =>
      Promise.all(connections.list().map((connection) => connections.summary(connection))),
    saveConnection: async ({ connection, token, partyPassword }) => {
      await connections.save(connection, token, partyPassword);
      emit({ type: 'connections-changed' });
      return connections.summary(connection);
    },
    deleteConnection: async ({ id }) => {
      await connections.delete(id);
      emit({ type: 'connections-changed' });
    },
    testConnection: async ({ id }) => readQuota(parts, await connections.resolve(connections.find(id))),
    resetSandbox: async () => {
      if (!sandbox) throw new CargaError(msg('engine.no-sandbox'));
      sandbox.reset();
      // Carga's own count of each sandbox token is read again from the sandbox, which starts its
      // day over: a rehearsal that spent a quota no longer holds back the next one.
      await Promise.allSettled(
        sandbox.connections.map(async (connection) =>
          readQuota(parts, await connections.resolve(connection)),
        ),
      );
      emit({ type: 'connections-changed' });
    },
    readServerLists: async ({ id, party }) => readServerLists(parts, connections.find(id), party),
  };
}

async function readQuota(parts: EngineParts, resolved: ResolvedConnection): Promise<QuotaInfo> {
  const reading = await readTokenQuota({
    adapter: targetAdapter(resolved.connection.target),
    conn: resolved,
    lane: parts.lanes.lane(resolved.origin, resolved.token, resolved.connection.dailyLimit),
    http: parts.http,
    timeoutMs: parts.timeoutMs,
  });
  switch (reading.kind) {
    case 'ok':
      return reading.quota;
    case 'capped':
      throw new CargaError(msg('job.quota-reached', { resetsAt: reading.resetsAt }));
    case 'network-error':
      throw new CargaError(msg('job.connection-failed', { detail: reading.message }));
    case 'failure':
      // The sandbox's quota comes back with its reset, not with a bigger quota from wolkvox.
      if (reading.failure.failureClass === 'quota' && resolved.connection.server === SANDBOX_SERVER)
        throw new CargaError(msg('engine.sandbox-quota-used-up'));
      throw new CargaError(reading.failure.explanation);
    case 'unsupported':
      throw new CargaError(msg('job.quota-unknown'));
  }
}
