import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach } from 'vitest';

import { createEngine, type Engine } from '../../electron/engine/engine';
import { createMemoryVault } from '../../electron/engine/secrets/memory-vault';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox/sandbox';
import { cargaCli, EXAMPLES, REPO_ROOT, type CliRun } from './carga-cli';
import { TEST_TOKEN, writeCasesFolder, type CasesFolder } from './import-fixture';
import { useTempDirs } from './temp-dir';

/** A `carga` process a test started, as a terminal would. */
export interface Terminal {
  child: ChildProcess;
  /** Resolves with the exit code and what the process printed. */
  done: Promise<CliRun>;
}

/** A sandbox whose first case sent holds every answer (the quota read before it goes through):
 * the terminal is mid-pass, two requests in flight, until `release`. */
export interface HoldingSandbox {
  sandbox: SandboxHandle;
  release(): void;
  /** Holds every answer again from the next case sent. */
  holdAgain(): void;
}

/** The arguments of `carga import` of `file` with the shipped cases template. */
export function importArgs(file: string, origin: string, jobsDir: string): string[] {
  return [
    'import',
    file,
    '--template',
    join(EXAMPLES, 'casos-ejemplo.template.json'),
    '--server',
    origin,
    '--jobs-dir',
    jobsDir,
  ];
}

/** The one job in a jobs folder (names starting with a dot are the folder's own files). */
export function onlyJobId(jobsDir: string): string | undefined {
  return readdirSync(jobsDir).find((name) => !name.startsWith('.'));
}

function startTerminal(children: ChildProcess[], args: string[], env: Record<string, string>): Terminal {
  const child = spawn(...cargaCli(args), {
    cwd: REPO_ROOT,
    env: { ...process.env, CARGA_TOKEN: TEST_TOKEN, LANG: 'en_US.UTF-8', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // 'close', not 'exit': by then both pipes are drained, so nothing printed last is missed.
  const done = new Promise<CliRun>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

function killAll(children: ChildProcess[]): void {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
}

/** Starts `carga` processes (a real terminal's, one process each so a kill -9 reaches Carga),
 * killed after each test. `env` adds to or overrides the test token and English. */
export function useTerminals(env: Record<string, string> = {}): (args: string[]) => Terminal {
  const children: ChildProcess[] = [];
  afterEach(() => killAll(children));
  return (args) => startTerminal(children, args, env);
}

/**
 * What a test of a job run by a terminal needs: the terminals, a sandbox, a cases file on a jobs
 * folder and the app's engine on that same folder. After each test the terminals are killed, then
 * the app and the sandbox closed.
 */
export function useTerminalJobs() {
  const tempDir = useTempDirs();
  const children: ChildProcess[] = [];
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    killAll(children);
    for (const close of closers.splice(0).reverse()) await close();
  });

  return {
    tempDir,
    carga: (args: string[]): Terminal => startTerminal(children, args, {}),
    /** Kills after the test a process the test started itself. */
    adopt: (child: ChildProcess): void => void children.push(child),

    async sandbox(): Promise<SandboxHandle> {
      const sandbox = await startSandbox({ tokens: [{ token: TEST_TOKEN, dailyLimit: 100_000 }] });
      closers.push(() => sandbox.close());
      return sandbox;
    },

    async holdingSandbox(): Promise<HoldingSandbox> {
      let armed = true;
      let releaseAnswers: (() => void) | null = null;
      const sandbox: SandboxHandle = await startSandbox({
        tokens: [{ token: TEST_TOKEN, dailyLimit: 100_000 }],
        onEvent: (event) => {
          if (armed && event.type === 'request-start' && event.endpoint === 'cases-insert') {
            armed = false;
            releaseAnswers = sandbox.holdAnswers();
          }
        },
      });
      closers.push(() => sandbox.close());
      return {
        sandbox,
        release: () => releaseAnswers?.(),
        holdAgain: () => {
          armed = true;
        },
      };
    },

    casesFolder: (rows: number): CasesFolder => writeCasesFolder(tempDir(), rows),

    /** The engine as the desktop app builds it, on the terminal's jobs folder. */
    async openApp({ dir, jobsDir }: CasesFolder): Promise<Engine> {
      const app = await createEngine({
        dataDir: join(dir, 'app'),
        jobsDir,
        vault: createMemoryVault(),
        lang: 'es',
        frontDoor: 'electron',
        autoResume: false,
      });
      closers.push(() => app.close());
      return app;
    },
  };
}
