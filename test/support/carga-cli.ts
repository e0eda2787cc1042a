import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '../..');
/** The sample files and templates shipped in `examples/`. */
export const EXAMPLES = join(REPO_ROOT, 'examples');
const CARGA_BIN = join(REPO_ROOT, 'bin/carga.js');

/**
 * The command and arguments that start the CLI as operators run it: `node bin/carga.js`, the
 * prebuilt bundle (rebuilt first when a source is newer, so a test never runs stale code). One
 * process: a kill -9 reaches Carga itself, not a launcher.
 */
export function cargaCli(args: readonly string[]): [command: string, args: string[]] {
  return [process.execPath, [CARGA_BIN, ...args]];
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to its end from the repository's root, in English and with no token unless `env`
 * gives one, and collects what it printed. */
export function runCarga(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(...cargaCli(args), {
      cwd: REPO_ROOT,
      env: { ...process.env, LANG: 'en_US.UTF-8', CARGA_TOKEN: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // 'close', not 'exit': by then both pipes are drained, so nothing printed last is missed.
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
