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
  if (missing.length > 0)
    throw new CargaError(
      msg('cli.connection-incomplete', { flags: missing.map((field) => FLAG_OF[field]).join(', ') }),
    );
}

/** Reads a Thalamus party password from the environment variable the operator named: never
 * from a flag's value, so it stays out of process arguments. No flag: passwordless parties. */
export function partyPasswordFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  name: string | undefined,
): string | undefined {
  if (name === undefined) return undefined;
  const password = env[name];
  if (password === undefined || password === '')
    throw new CargaError(msg('cli.party-password-missing', { name }));
  return password;
}

/** Reads the token from the environment variable the operator named (CARGA_TOKEN by default). */
export function tokenFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  flags: FlagValues<typeof CONNECTION_FLAGS>,
  connection: Connection,
): string | undefined {
  if (connection.server === 'sandbox') return undefined;
  const name = flags['token-env'] ?? 'CARGA_TOKEN';
  const token = env[name]?.trim();
  if (!token) throw new CargaError(msg('cli.token-missing', { name }));
  return token;
}
