/**
 * The token's 2 slots are shared by every Carga process on the machine, whatever its CARGA_HOME:
 * real CLI processes and an in-process engine against one sandbox over real HTTP. The sandbox
 * counts requests in flight per token and refuses a third, so its figures are the measure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createEngine, type Engine } from '../../../../electron/engine/engine';
import { createMemoryVault } from '../../../../electron/engine/secrets/memory-vault';
import { startSandbox, type SandboxHandle } from '../../../../electron/sandbox/sandbox';
import type { JobSummary } from '../../../../shared/contract';
import { cargaCli } from '../../../support/carga-cli';
import { CASE_HEADER, caseRow, CASES_TEMPLATE, TEST_TOKEN, writeCsv } from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const ROOT = join(import.meta.dirname, '../../../..');
const TEMPLATE = join(ROOT, 'examples/casos-ejemplo.template.json');

let sandbox: SandboxHandle | null = null;
let engine: Engine | null = null;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  // The sandbox first: it drops held answers, so the engine's jobs can end and it can close.
  await sandbox?.close();
  sandbox = null;
  await engine?.close();
  engine = null;
});

function cliImport(
  home: string,
  file: string,
  origin: string,
): { child: ChildProcess; exit: Promise<number | null> } {
  // One process (see cargaCli), so that kill -9 kills Carga itself.
  const child = spawn(...cargaCli(['import', file, '--template', TEMPLATE, '--server', origin, '--json']), {
    cwd: ROOT,
    env: { ...process.env, CARGA_HOME: home, CARGA_TOKEN: TEST_TOKEN, LANG: 'en_US.UTF-8' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exit.then((code) => {
    if (code !== 0 && code !== null) console.error(`carga import exited ${code}: ${stderr}`);
  });
  return { child, exit };
}

function journalOf(jobsDir: string): string {
  const job = existsSync(jobsDir) ? readdirSync(jobsDir).find((name) => !name.startsWith('.')) : undefined;
  const path = job ? join(jobsDir, job, 'outcomes.jsonl') : null;
  return path && existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** Resolves once the job in `home` has started its pass: from then on it is asking for a slot. */
function whenRunning(home: string, child: ChildProcess): Promise<void> {
  const jobsDir = join(home, 'jobs');
  mkdirSync(home, { recursive: true });
  const started = () => /"s":"running"/.test(journalOf(jobsDir));
  return new Promise((resolve, reject) => {
    const watcher = watch(home, { recursive: true });
    const finish = (error?: Error) => {
      watcher.close();
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onExit = () => finish(new Error('the import ended before its job started'));
    watcher.on('change', () => {
      if (started()) finish();
    });
    child.once('exit', onExit);
    if (started()) finish();
  });
}

async function inProcessEngine(home: string, origin: string): Promise<Engine> {
  const made = await createEngine({
    dataDir: home,
    vault: createMemoryVault(),
    lang: 'en',
    frontDoor: 'cli',
    autoResume: false,
  });
  await made.useConnection(
    {
      id: 'shared-token',
      name: 'same token',
      target: 'wolkvox-crm-cases',
      server: origin,
      operation: 'demo',
    },
    TEST_TOKEN,
  );
  return made;
}

function onStatus(on: Engine, jobId: string, status: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = on.onEvent((event) => {
      if (event.type === 'job-status' && event.jobId === jobId && event.status === status) {
        stop();
        resolve();
      }
    });
  });
}

async function startInProcessJob(
  on: Engine,
  file: string,
): Promise<{ running: Promise<void>; settled: Promise<JobSummary> }> {
  let runningOf: ((jobId: string) => void) | null = null;
  const seen = new Promise<string>((resolve) => (runningOf = resolve));
  const stop = on.onEvent((event) => {
    if (event.type === 'job-status' && event.status === 'running') runningOf?.(event.jobId);
  });
  const started = await on.startJob({ path: file, template: CASES_TEMPLATE, connectionId: 'shared-token' });
  const running = seen.then((id) => {
    stop();
    if (id !== started.jobId) return onStatus(on, started.jobId, 'running');
  });
  return { running, settled: on.settled(started.jobId) };
}

function rows(dir: string, name: string, count: number, from: number): string {
  return writeCsv(
    join(dir, name),
    CASE_HEADER,
    Array.from({ length: count }, (_, i) => caseRow(from + i)),
  );
}

describe('2 in flight per token, machine-wide', () => {
  it('keeps 3 CLI imports with their own CARGA_HOME and an in-process engine to 2 in flight, none refused', async () => {
    sandbox = await startSandbox({ tokens: [{ token: TEST_TOKEN, dailyLimit: 100_000 }], latencyMs: 2 });
    const ROWS = 30;
    const dir = tempDir();
    // Answers wait until every process has started its job and is asking for a slot: without a
    // machine-wide lane, 4 processes would have 4–8 requests in flight at that moment.
    const release = sandbox.holdAnswers();
    const imports = [0, 1, 2].map((n) => {
      const home = join(dir, `home-${n}`);
      return { home, ...cliImport(home, rows(dir, `casos-${n}.csv`, ROWS, n * ROWS), sandbox!.origin) };
    });
    engine = await inProcessEngine(join(dir, 'home-app'), sandbox.origin);
    const own = await startInProcessJob(engine, rows(dir, 'casos-app.csv', ROWS, 3 * ROWS));
    await Promise.all([
      ...imports.map(({ home, child }) => whenRunning(home, child)),
      own.running,
      sandbox.whenInFlight(2, TEST_TOKEN),
    ]);
    release();

    const codes = await Promise.all(imports.map(({ exit }) => exit));
    const summary = await own.settled;
    expect(codes).toEqual([0, 0, 0]);
    expect(summary).toMatchObject({ status: 'finished', ok: ROWS, failed: 0, uncertain: 0 });
    const stats = sandbox.stats();
    expect(stats.throttled).toBe(0);
    expect(stats.maxInFlightPerToken).toBe(2);
    expect(sandbox.accepted().cases).toHaveLength(4 * ROWS);
    for (const { home } of imports) expect(journalOf(join(home, 'jobs'))).not.toContain(TEST_TOKEN);
  });

  it('gives a slot back when its holder is killed with -9: a waiting process goes on', async () => {
    const dir = tempDir();
    let started = 0;
    let wakeOnStart: (() => void) | null = null;
    sandbox = await startSandbox({
      tokens: [{ token: TEST_TOKEN, dailyLimit: 100_000 }],
      latencyMs: 2,
      onEvent: (event) => {
        if (event.type !== 'request-start') return;
        started++;
        wakeOnStart?.();
      },
    });
    const requestsStarted = (count: number) =>
      new Promise<void>((resolve) => {
        wakeOnStart = () => {
          if (started >= count) resolve();
        };
        wakeOnStart();
      });
    const release = sandbox.holdAnswers();

    // The CLI's first request holds one slot (its answer is held)…
    const home = join(dir, 'home-cli');
    const killed = cliImport(home, rows(dir, 'casos-cli.csv', 200, 0), sandbox.origin);
    await sandbox.whenInFlight(1, TEST_TOKEN);
    // …this process's first job holds the other, and its second job waits for one.
    engine = await inProcessEngine(join(dir, 'home-app'), sandbox.origin);
    const first = await startInProcessJob(engine, rows(dir, 'casos-1.csv', 10, 1000));
    await sandbox.whenInFlight(2, TEST_TOKEN);
    const second = await startInProcessJob(engine, rows(dir, 'casos-2.csv', 10, 2000));
    await second.running;
    expect(started).toBe(2);

    killed.child.kill('SIGKILL');
    expect(await killed.exit).toBeNull();
    // The second job's request reaches the sandbox only through the dead holder's slot.
    await requestsStarted(3);
    release();

    const [a, b] = await Promise.all([first.settled, second.settled]);
    expect(a).toMatchObject({ status: 'finished', ok: 10 });
    expect(b).toMatchObject({ status: 'finished', ok: 10 });
    expect(sandbox.stats().throttled).toBe(0);
    expect(sandbox.stats().maxInFlightPerToken).toBe(2);
  });
});
