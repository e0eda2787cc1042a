import type { FileInfo, Lang } from '../../shared/contract';
import { partyForLists } from '../../shared/targets/thalamus-party';
import type { Template } from '../../shared/template';
import { readListsForCheck, type ServerListsReading } from '../engine/check/server-lists';
import { connectionFor } from './cli-connection';
import { jobsDirOf } from './cli-paths';
import type { CliIO } from './command';
import type { CHECK } from './command-specs';
import { partyPasswordFromEnv, requireConnectionValues, tokenFromEnv } from './connection-flags';
import type { FlagValues } from './flags';

/**
 * The lists `carga check` holds a Thalamus file to, read from the server exactly as the app's
 * Check reads them (the engine's `readServerLists`, logged in as the file's first party, with the
 * token and party password from the environment): the embedded sandbox's by default. A server
 * that cannot be asked leaves the rows checked without them, and the check says so. Other targets
 * declare no lists.
 */
export async function listsForCliCheck(input: {
  template: Template;
  flags: FlagValues<typeof CHECK.flags>;
  info: FileInfo;
  io: CliIO;
  lang: Lang;
}): Promise<ServerListsReading | null> {
  const { template, flags, info, io, lang } = input;
  if (template.target !== 'thalamus-cases') return null;
  return readListsForCheck(async () => {
    const connection = connectionFor(template, flags);
    requireConnectionValues(connection);
    const token = tokenFromEnv(io.env, flags, connection);
    const partyPassword = partyPasswordFromEnv(io.env, flags['party-password-env']);
    const options = { jobsDir: jobsDirOf(io, flags['jobs-dir']), sandbox: connection.server === 'sandbox' };
    // The engine (its HTTP client among it) loads only for the one target whose check asks a
    // server: checking any other file stays a read of the file.
    const { withCliEngine } = await import('./cli-engine');
    return withCliEngine(io, lang, options, async (engine) => {
      await engine.useConnection(connection, token, partyPassword);
      const party = partyForLists(template, info.preview);
      return engine.readServerLists(
        party === undefined ? { id: connection.id } : { id: connection.id, party },
      );
    });
  }, lang);
}
