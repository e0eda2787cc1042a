import type { CargaApi, Connection } from '../../../shared/contract';
import { suggestMapping } from '../../../shared/mapping/suggest-mapping';
import { partyForLists } from '../../../shared/targets/thalamus-party';
import { checkFile } from '../check/check-file';
import { previewRequests } from '../check/preview-requests';
import { readListsForCheck } from '../check/server-lists';
import { openFile } from '../files/open-file';
import type { EngineParts } from './engine-parts';
import { readServerLists } from './read-server-lists';

export type FileMethods = Pick<CargaApi, 'openFile' | 'suggestMapping' | 'previewRequests' | 'checkFile'>;

/** A spreadsheet before it becomes a job: opened, mapped, previewed as requests, checked. */
export function fileMethods(parts: EngineParts): FileMethods {
  const { connections, emit } = parts;
  return {
    openFile: async ({ path, options: fileOptions }) => openFile(path, fileOptions),
    suggestMapping: async ({ target, columns }) => suggestMapping(target, columns),
    previewRequests: async ({ path, options: fileOptions, template, connectionId, rows }) => {
      const connection = connections.find(connectionId);
      return previewRequests({
        info: await openFile(path, fileOptions),
        template,
        connection,
        origin: connections.origin(connection),
        rows: rows ?? 3,
      });
    },
    checkFile: async ({ checkId, path, options: fileOptions, template, connectionId }) => {
      const connection = connectionId ? connections.find(connectionId) : null;
      const lane = connection ? await laneFor(parts, connection) : null;
      const info = await openFile(path, fileOptions);
      return checkFile({
        info,
        template,
        connection,
        remainingQuota: lane?.ledger.remaining ?? null,
        dailyBudget: lane?.ledger.budget ?? null,
        alreadySent: connection ? await alreadySentAt(parts, connection) : null,
        serverLists:
          connection?.target === 'thalamus-cases'
            ? await readListsForCheck(
                () => readServerLists(parts, connection, partyForLists(template, info.preview)),
                parts.lang,
              )
            : null,
        onProgress: (rows) => emit({ type: 'check-progress', checkId, rows }),
      });
    },
  };
}

/** The token's quota lane, or null while the connection cannot be resolved (no token yet). */
async function laneFor(parts: EngineParts, connection: Connection) {
  try {
    const resolved = await parts.connections.resolve(connection);
    return parts.lanes.lane(resolved.origin, resolved.token, connection.dailyLimit);
  } catch {
    return null;
  }
}

/** The destination's ledger, or null while the connection cannot name one (no server yet). */
async function alreadySentAt(parts: EngineParts, connection: Connection) {
  try {
    return { ledger: await parts.ledgers.forConnection(connection), connection };
  } catch {
    return null;
  }
}
