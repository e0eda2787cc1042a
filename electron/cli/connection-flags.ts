import { missingConnectionFields } from '../../shared/connection-requirements';
import type { Connection } from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { msg } from '../../shared/messages/catalog';
import type { CONNECTION_FLAGS, FlagValues, TARGET_CONNECTION_FLAGS } from './flags';

type ConnectionField = ReturnType<typeof missingConnectionFields>[number];

/** The flag that gives each connection value, so a complaint names what the operator types. */
const FLAG_OF: Record<ConnectionField, `--${keyof typeof TARGET_CONNECTION_FLAGS}`> = {
  operation: '--operation',
  module: '--module',
  campaignId: '--campaign-id',
  campaignType: '--campaign-type',
  campaignStatus: '--campaign-status',
  touchpoint: '--touchpoint',
};

/** Refuses, before anything is opened or sent, a connection its target cannot send with. */
export function requireConnectionValues(connection: Connection): void {
  const missing = missingConnectionFields(connection);
  if (missing.length > 0) throw new CargaError(msg('cli.connection-incomplete', { flags: missing.map((field) => FLAG_OF[field]).join(', ') }));
}

/** Reads the token from the environment variable the operator named (CARGA_TOKEN by default). */
export function tokenFromEnv(env: Readonly<Record<string, string | undefined>>, flags: FlagValues<typeof CONNECTION_FLAGS>, connection: Connection): string | undefined {
  if (connection.server === 'sandbox') return undefined;
  const name = flags['token-env'] ?? 'CARGA_TOKEN';
  const token = env[name]?.trim();
  if (!token) throw new CargaError(msg('cli.token-missing', { name }));
  return token;
}
