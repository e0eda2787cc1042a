import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

import type { CliIO } from './command';

/** `$CARGA_HOME`, else `~/.carga`: where the CLI keeps jobs, templates and quota ledgers. */
export function dataDirOf(io: CliIO): string {
  return io.env.CARGA_HOME ? resolve(io.cwd, io.env.CARGA_HOME) : join(homedir(), '.carga');
}

export function jobsDirOf(io: CliIO, flag: string | undefined): string {
  return flag ? resolve(io.cwd, flag) : join(dataDirOf(io), 'jobs');
}
