import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createEngine, type Engine } from '../../../../electron/engine/engine';
import { createMemoryVault } from '../../../../electron/engine/secrets/memory-vault';
import { startSandbox, type SandboxHandle } from '../../../../electron/sandbox/sandbox';
import type { JobSummary } from '../../../../shared/contract';
import { cargaCli, EXAMPLES, REPO_ROOT } from '../../../support/carga-cli';
import { CASE_HEADER, caseRow, TEST_TOKEN, writeCsv } from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const ROWS = 20;

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

describe('the app follows the jobs folder', () => {
  it('pushes a job a terminal starts while the app is open, and leaves the job to the terminal', async () => {
    sandbox = await startSandbox({ tokens: [{ token: TEST_TOKEN, dailyLimit: 100_000 }] });
    const dir = tempDir();
    const jobsDir = join(dir, 'jobs');
    mkdirSync(jobsDir);
    const file = writeCsv(
      join(dir, 'casos.csv'),
      CASE_HEADER,
      Array.from({ length: ROWS }, (_, i) => caseRow(i)),
    );
    app = await createEngine({
      dataDir: join(dir, 'app'),
      jobsDir,
      vault: createMemoryVault(),
      lang: 'es',
      frontDoor: 'electron',
      autoResume: false,
    });
    expect(await app.listJobs()).toEqual([]);
    const engine = app;
    const listed = new Promise<JobSummary>((resolve) => {
      const stop = engine.onEvent((event) => {
        if (event.type !== 'job-listed') return;
        stop();
        resolve(event.summary);
      });
    });

    const child = spawn(
      ...cargaCli([
        'import',
        file,
        '--template',
        join(EXAMPLES, 'casos-ejemplo.template.json'),
        '--server',
        sandbox.origin,
        '--jobs-dir',
        jobsDir,
      ]),
      {
        cwd: REPO_ROOT,
        env: { ...process.env, CARGA_TOKEN: TEST_TOKEN, LANG: 'en_US.UTF-8' },
        stdio: 'ignore',
      },
    );
    children.push(child);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    // Pushed without anyone asking for the list again: the job the terminal created, its file named.
    const summary = await listed;
    expect(summary.fileName).toBe('casos.csv');
    expect((await app.listJobs()).map((job) => job.jobId)).toEqual([summary.jobId]);
    // Seeing it never took it from the terminal: its pass runs to the end, every row sent once.
    expect(await exited).toBe(0);
    expect(sandbox.accepted().cases).toHaveLength(ROWS);
    expect(await app.getJob({ jobId: summary.jobId })).toMatchObject({ status: 'finished', ok: ROWS });
  }, 120_000);
});
