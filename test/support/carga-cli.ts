import { spawn } from 'node:child_process';
import { join } from 'node:path';

import {
  SANDBOX_TOKEN,
  THALAMUS_PASSWORD_TOUCHPOINT,
  THALAMUS_SANDBOX_PARTY_PASSWORD,
} from '../../electron/sandbox/sandbox';

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

/** A Thalamus connection's secrets, read from the environment (see `thalamusSecrets`). */
export const THALAMUS_SECRET_FLAGS = ['--token-env', 'TH_TOKEN', '--party-password-env', 'TH_PASS'];

/** The shipped Thalamus cases template and a connection to the sandbox's Thalamus at `origin`,
 * through the touchpoint that logs the case's party in with a password. */
export function thalamusFlags(origin: string): string[] {
  return [
    '--template',
    join(EXAMPLES, 'casos-thalamus.template.json'),
    '--server',
    `${origin}/thalamus`,
    '--touchpoint',
    THALAMUS_PASSWORD_TOUCHPOINT,
    ...THALAMUS_SECRET_FLAGS,
  ];
}

/** The environment `THALAMUS_SECRET_FLAGS` reads: the sandbox's token and the party's password
 * (the right one unless `partyPassword` says otherwise). */
export function thalamusSecrets(
  partyPassword: string = THALAMUS_SANDBOX_PARTY_PASSWORD,
): Record<string, string> {
  return { TH_TOKEN: SANDBOX_TOKEN, TH_PASS: partyPassword };
}
