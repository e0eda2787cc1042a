/**
 * CARGA_HOME on a full disk, a read-only disk, or a file: the CLI ends by itself with exit 3 (a
 * job that can resume) or 2 (nothing started) and one plain message, never a stack trace, and a
 * resumed job loses nothing and duplicates nothing. Real mounts: a small tmpfs and a read-only
 * bind mount (root only; skipped with the reason printed otherwise).
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startSandbox, type SandboxHandle } from '../../../../electron/sandbox/sandbox';
import { cargaCli } from '../../../support/carga-cli';
import { CASE_HEADER, caseRow, TEST_TOKEN, writeCsv } from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const ROOT = join(import.meta.dirname, '../../../..');
const TEMPLATE = join(ROOT, 'examples/casos-ejemplo.template.json');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function carga(
  args: string[],
  env: Record<string, string>,
  whenSpawned?: (child: ReturnType<typeof spawn>) => void,
): Promise<Run> {
  // One process (see cargaCli): what exits is Carga itself.
  const child = spawn(...cargaCli(args), {
    cwd: ROOT,
    env: { ...process.env, CARGA_TOKEN: TEST_TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  whenSpawned?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** The message once (on stderr when nothing started, in the job's summary when it stopped). */
function expectOnePlainMessage(run: Run, text: RegExp): void {
  const output = run.stdout + run.stderr;
  expect(output.match(new RegExp(text.source, 'g'))).toHaveLength(1);
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toMatch(/internal error|Error:/i);
}

/** Mounts made here, unmounted after the file whatever happened. */
const mounts: string[] = [];
let cannotMount: string | null = null;
function mount(args: string[], target: string): void {
  mkdirSync(target, { recursive: true });
  execFileSync('mount', [...args, target], { stdio: 'pipe' });
  mounts.push(target);
}

let base = '';
beforeAll(() => {
  base = join(ROOT, 'test-results', `unwritable-home-${process.pid}`);
  mkdirSync(base, { recursive: true });
  try {
    mount(['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs'], join(base, 'probe'));
  } catch (error) {
    cannotMount = `mount is not permitted here (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    console.log(`Skipping the full and read-only disk tests: ${cannotMount}`);
  }
});
afterAll(() => {
  for (const target of mounts.reverse()) execFileSync('umount', ['-l', target], { stdio: 'pipe' });
  rmSync(base, { recursive: true, force: true });
});

let sandbox: SandboxHandle | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

describe('a CARGA_HOME Carga cannot write', () => {
  it('that is a file: exit 2 with the reason, nothing started, the embedded sandbox does not keep it alive', async () => {
    const home = join(tempDir(), 'not-a-folder');
    writeFileSync(home, 'a file where the folder should be');
    const run = await carga(
      ['import', 'examples/casos-ejemplo.csv', '--template', TEMPLATE, '--lang', 'en'],
      { CARGA_HOME: home },
    );
    expect(run.code).toBe(2);
    expectOnePlainMessage(run, /it is a file, not a folder\. Nothing was sent\./);
    expect(run.stderr).toContain(home);
  });

  it('on a read-only disk: exit 2 in the operator’s language, also for a folder still to be made', async (context) => {
    if (cannotMount) return context.skip();
    const source = join(base, 'ro-source');
    mkdirSync(source, { recursive: true });
    const readOnly = join(base, 'ro');
    mount(['--bind', source], readOnly);
    execFileSync('mount', ['-o', 'remount,bind,ro', readOnly], { stdio: 'pipe' });
    for (const home of [readOnly, join(readOnly, 'carga', 'home')]) {
      const run = await carga(
        ['import', 'examples/casos-ejemplo.csv', '--template', TEMPLATE, '--lang', 'es'],
        { CARGA_HOME: home },
      );
      expect(run.code).toBe(2);
      expectOnePlainMessage(run, /el disco es de solo lectura\. No se envió nada\./);
    }
  });

  it('on a disk that fills during the job: exit 3, resumable, and the resume sends each row once', async (context) => {
    if (cannotMount) return context.skip();
    const home = join(base, 'small');
    mount(['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs'], home);
    const ROWS = 200;
    const file = writeCsv(
      join(tempDir(), 'casos.csv'),
      CASE_HEADER,
      Array.from({ length: ROWS }, (_, i) => caseRow(i)),
    );
    // After 20 requests, answers are held: rows are on their way when the disk fills.
    let release: (() => void) | null = null;
    let requests = 0;
    let held: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => (held = resolve));
    sandbox = await startSandbox({
      tokens: [{ token: TEST_TOKEN, dailyLimit: 100_000 }],
      latencyMs: 1,
      onEvent: (event) => {
        if (event.type !== 'request-start' || ++requests !== 20) return;
        release = sandbox!.holdAnswers();
        held();
      },
    });
    const env = { CARGA_HOME: home, LANG: 'en_US.UTF-8' };
    const jobsDir = join(home, 'jobs');

    const stopped = carga(
      ['import', file, '--template', TEMPLATE, '--server', sandbox.origin, '--lang', 'en'],
      env,
    );
    await holding;
    fillDisk(join(home, 'ballast'));
    release!();
    const first = await stopped;
    expect(first.code).toBe(3);
    expectOnePlainMessage(first, /the disk holding .* is full and Carga cannot record what it sends/);
    const jobId = readdirSync(jobsDir).find((name) => !name.startsWith('.'))!;
    const accepted = sandbox.accepted().cases.length;
    expect(accepted).toBeLessThan(ROWS);

    // Space again: the job goes on where it stopped.
    rmSync(join(home, 'ballast'));
    const resumed = await carga(['resume', jobId, '--server', sandbox.origin, '--json', '--lang', 'en'], env);
    expect([0, 1]).toContain(resumed.code);
    const summary = JSON.parse(resumed.stdout) as {
      status: string;
      ok: number;
      uncertain: number;
      pending: number;
    };
    expect(summary).toMatchObject({ status: 'finished', pending: 0 });
    // Only the rows in flight when the disk filled may be uncertain (2 in flight at most).
    expect(summary.uncertain).toBeLessThanOrEqual(2);
    const descriptions = sandbox.accepted().cases.map((c) => c.fields.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
    expect(descriptions.length).toBe(ROWS);
    expect(summary.ok + summary.uncertain).toBe(ROWS);
  });
});

/** Writes until the disk refuses: the next byte anyone writes there gets ENOSPC. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = chunk.length; size >= 1;) {
      try {
        writeSync(fd, chunk, 0, size);
      } catch {
        size = Math.floor(size / 2);
      }
    }
  } finally {
    closeSync(fd);
  }
}
