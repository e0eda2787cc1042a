import type { ParseArgsConfig } from 'node:util';
import type { Connection } from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { msg } from '../../shared/messages/catalog';

/** Flags shared by import, resume and retry. The token is never one of them. */
export const CONNECTION_FLAGS = {
  server: { type: 'string' },
  'token-env': { type: 'string' },
  'daily-limit': { type: 'string' },
  /** How long a job waits for a CRM that is down before it stops, resumable. */
  'max-wait': { type: 'string' },
  'jobs-dir': { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export interface ConnectionFlagValues {
  server?: string;
  'token-env'?: string;
  'daily-limit'?: string;
}

export function dailyLimitOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CargaError(msg('cli.bad-number', { flag: '--daily-limit', value }));
  return n;
}

/** Reads the token from the environment variable the operator named (CARGA_TOKEN by default). */
export function tokenFromEnv(env: Readonly<Record<string, string | undefined>>, flags: ConnectionFlagValues, connection: Connection): string | undefined {
  if (connection.server === 'sandbox') return undefined;
  const name = flags['token-env'] ?? 'CARGA_TOKEN';
  const token = env[name]?.trim();
  if (!token) throw new CargaError(msg('cli.token-missing', { name }));
  return token;
}
