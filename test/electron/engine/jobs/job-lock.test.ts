import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { holdJob, whoHolds } from '../../../../electron/engine/jobs/job-lock';
import { REPO_ROOT } from '../../../support/carga-cli';
import { TEST_TOKEN } from '../../../support/import-fixture';
import { importArgs, onlyJobId, useTerminalJobs } from '../../../support/terminal-job';

const jobs = useTerminalJobs();
const { tempDir } = jobs;
const ROWS = 40;
const APP = { frontDoor: 'electron', pid: process.pid } as const;

describe('one process at a time runs a job', () => {
  it('a second `resume` refuses while the import runs; after `kill -9` of the holder the job is free and finishes with no duplicate', async () => {
    // The import is mid-pass, two requests in flight, when the second process tries.
    const { sandbox, release } = await jobs.holdingSandbox();
    const { file, jobsDir } = jobs.casesFolder(ROWS);
    const common = ['--server', sandbox.origin, '--jobs-dir', jobsDir];

    const holder = jobs.carga(importArgs(file, sandbox.origin, jobsDir));
    await sandbox.whenInFlight(2, TEST_TOKEN);
    const jobId = onlyJobId(jobsDir)!;

    const second = await jobs.carga(['resume', jobId, ...common]).done;
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(
      `This import is running in a terminal (the carga command, process ${holder.child.pid}).`,
    );
    expect(second.stderr).not.toMatch(/\n\s+at /);
    // The second process sent nothing: still only the holder's two requests.
    expect(sandbox.accepted().cases).toHaveLength(0);

    holder.child.kill('SIGKILL');
    await holder.done;
    release();

    const third = await jobs.carga(['resume', jobId, ...common, '--json']).done;
    // The two rows in flight at the kill are uncertain (exit 1) unless the CRM's answer made it in time.
    expect([0, 1]).toContain(third.code);
    const summary = JSON.parse(third.stdout) as {
      status: string;
      ok: number;
      uncertain: number;
      pending: number;
    };
    expect(summary).toMatchObject({ status: 'finished', pending: 0 });
    expect(summary.ok + summary.uncertain, JSON.stringify(summary)).toBe(ROWS);
    const accepted = sandbox.accepted().cases.map((c) => c.fields.description);
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(accepted.length).toBeLessThanOrEqual(ROWS);
    expect(accepted.length).toBeGreaterThanOrEqual(summary.ok);
  }, 120_000);

  it('is refused to this process while another holds it, names who holds it, and is free the moment the holder is killed', async () => {
    const folder = tempDir();
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { holdJob } = await import(${JSON.stringify(join(REPO_ROOT, 'electron/engine/jobs/job-lock.ts'))});
         await holdJob(${JSON.stringify(folder)}, 'job-1', { frontDoor: 'cli', pid: process.pid });
         process.stdout.write('held\\n');
         setInterval(() => undefined, 60_000);`,
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    jobs.adopt(holder);
    await new Promise<void>((resolve, reject) => {
      holder.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve());
      holder.once('exit', (code) => reject(new Error(`the holder exited (${code}) before holding the job`)));
    });

    await expect(holdJob(folder, 'job-1', APP)).rejects.toMatchObject({
      detail: { code: 'job.running-in-cli', params: { jobId: 'job-1', pid: holder.pid } },
    });
    // Asking who holds it never takes it; the answer's release comes when the holder dies.
    const held = await whoHolds(folder);
    expect(held?.holder).toEqual({ frontDoor: 'cli', pid: holder.pid });
    // Another job's folder is not held.
    expect(await whoHolds(tempDir())).toBeNull();
    (await holdJob(tempDir(), 'job-2', APP)).release();

    holder.kill('SIGKILL');
    await held?.released;
    expect(await whoHolds(folder)).toBeNull();
    const lease = await holdJob(folder, 'job-1', APP);
    // Held now by this process: a second hold refuses until it is released.
    await expect(holdJob(folder, 'job-1', APP)).rejects.toMatchObject({
      detail: { code: 'job.running-in-electron', params: { pid: process.pid } },
    });
    lease.release();
    (await holdJob(folder, 'job-1', APP)).release();
  }, 60_000);
});
