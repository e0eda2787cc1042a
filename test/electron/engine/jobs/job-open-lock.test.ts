import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { createEngine, type Engine } from '../../../../electron/engine/engine';
import type * as JobLock from '../../../../electron/engine/jobs/job-lock';
import { createMemoryVault } from '../../../../electron/engine/secrets/memory-vault';
import { startSandbox, type SandboxHandle } from '../../../../electron/sandbox/sandbox';
import { cargaCli, EXAMPLES, REPO_ROOT } from '../../../support/carga-cli';
import { CASE_HEADER, caseRow, TEST_TOKEN, writeCsv } from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

/** The job folder whose next "who holds it?" answers as it did an instant before a terminal took
 * the job: no one. */
const stale = vi.hoisted(() => ({ folder: null as string | null }));
vi.mock('../../../../electron/engine/jobs/job-lock', async (importOriginal) => {
  const real = await importOriginal<typeof JobLock>();
  return {
    ...real,
    whoHolds: (folder: string) => {
      if (folder !== stale.folder) return real.whoHolds(folder);
      stale.folder = null;
      return Promise.resolve(null);
    },
  };
});

const tempDir = useTempDirs();
const ROWS = 30;

let sandbox: SandboxHandle | null = null;
let app: Engine | null = null;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await app?.close();
  app = null;
  await sandbox?.close();
  sandbox = null;
});

function carga(args: string[]): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(...cargaCli(args), {
    cwd: REPO_ROOT,
    env: { ...process.env, CARGA_TOKEN: TEST_TOKEN, LANG: 'en_US.UTF-8' },
    stdio: 'ignore',
  });
  children.push(child);
  return { child, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

describe('opening a crashed job while a terminal resumes it', () => {
  it('writes nothing to the journal the terminal holds, even when it took the job just after the app asked', async () => {
    // The first case of each pass holds every answer (its quota read goes through first).
    let holdNext = true;
    let releaseAnswers: (() => void) | null = null;
    sandbox = await startSandbox({
      tokens: [{ token: TEST_TOKEN, dailyLimit: 100_000 }],
      onEvent: (event) => {
        if (holdNext && event.type === 'request-start' && event.endpoint === 'cases-insert') {
          holdNext = false;
          releaseAnswers = sandbox?.holdAnswers() ?? null;
        }
      },
    });
    const dir = tempDir();
    const jobsDir = join(dir, 'jobs');
    mkdirSync(jobsDir);
    const file = writeCsv(
      join(dir, 'casos.csv'),
      CASE_HEADER,
      Array.from({ length: ROWS }, (_, i) => caseRow(i)),
    );
    const common = ['--server', sandbox.origin, '--jobs-dir', jobsDir];

    // A crash: the import is killed with two rows in flight.
    const crashed = carga([
      'import',
      file,
      '--template',
      join(EXAMPLES, 'casos-ejemplo.template.json'),
      ...common,
    ]);
    await sandbox.whenInFlight(2, TEST_TOKEN);
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    const jobId = readdirSync(jobsDir).find((name) => !name.startsWith('.'))!;
    const sandboxNow = sandbox;
    releaseAnswers!();
    await vi.waitFor(() => expect(sandboxNow.accepted().cases).toHaveLength(2), { timeout: 30_000 });

    // A terminal resumes it: it repairs the journal itself and is mid-pass, two requests in flight.
    holdNext = true;
    const resume = carga(['resume', jobId, ...common]);
    await sandbox.whenInFlight(2, TEST_TOKEN);
    const journalPath = join(jobsDir, jobId, 'outcomes.jsonl');
    const before = readFileSync(journalPath, 'utf8');
    expect(before).toContain('"s":"running"');

    // The app opens the job having been told no one holds it (the terminal took it right after).
    app = await createEngine({
      dataDir: join(dir, 'app'),
      jobsDir,
      vault: createMemoryVault(),
      lang: 'es',
      frontDoor: 'electron',
      autoResume: false,
    });
    stale.folder = join(jobsDir, jobId);
    const seen = await app.getJob({ jobId });

    // Not taken for a crashed job: followed, and the terminal's journal untouched.
    expect(stale.folder).toBeNull();
    expect(seen).toMatchObject({ status: 'running', heldBy: { frontDoor: 'cli', pid: resume.child.pid } });
    expect(readFileSync(journalPath, 'utf8')).toBe(before);

    sandbox.setLatency(5);
    releaseAnswers!();
    expect([0, 1]).toContain(await resume.exited);
    // The terminal's pass ends as its own journal says: every row accepted or (the two cut off by
    // the crash) uncertain, nothing sent twice.
    const after = await app.getJob({ jobId });
    expect(after).toMatchObject({ status: 'finished', pending: 0 });
    expect(after.ok + after.uncertain).toBe(ROWS);
    const accepted = sandbox.accepted().cases.map((c) => c.fields.description);
    expect(new Set(accepted).size).toBe(accepted.length);
  }, 120_000);
});
