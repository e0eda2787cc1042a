import { join } from 'node:path';

const CARGA_BIN = join(import.meta.dirname, '../../bin/carga.js');

/**
 * The command and arguments that start the CLI as operators run it: `node bin/carga.js`, the
 * prebuilt bundle (rebuilt first when a source is newer, so a test never runs stale code). One
 * process: a kill -9 reaches Carga itself, not a launcher.
 */
export function cargaCli(args: readonly string[]): [command: string, args: string[]] {
  return [process.execPath, [CARGA_BIN, ...args]];
}
