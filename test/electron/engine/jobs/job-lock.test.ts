import { spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { holdJob, jobLockAddress, tryHoldJob, whoHolds } from '../../../../electron/engine/jobs/job-lock';
import type { JobHolder } from '../../../../shared/contract';
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

  it('waits while another process holds the job only to open or change it, and takes it once that one lets go', async () => {
    const folder = tempDir();
    // Another process opening the job: it lets go only once this one has asked who holds it, so
    // a process that did not wait would have been refused.
    const asked = holdAsOther(folder, { frontDoor: 'electron', pid: process.pid + 1, brief: true });
    await asked.listening;
    const taking = holdJob(folder, 'job-1', { frontDoor: 'cli', pid: process.pid });
    await asked.firstQuestion;
    asked.letGo();
    const lease = await taking;
    expect((await whoHolds(folder))?.holder).toEqual({ frontDoor: 'cli', pid: process.pid });
    lease.release();

    // Held to run a pass: refused at once, naming who runs it.
    const running = holdAsOther(folder, { frontDoor: 'web', pid: process.pid + 1 });
    await running.listening;
    await expect(holdJob(folder, 'job-1', APP)).rejects.toMatchObject({
      detail: { code: 'job.running-in-web', params: { jobId: 'job-1', pid: process.pid + 1 } },
    });
    running.letGo();
    // This process's own brief hold says so to whoever asks.
    const brief = await tryHoldJob(folder, { ...APP, brief: true });
    expect((await whoHolds(folder))?.holder).toEqual({ ...APP, brief: true });
    brief?.release();
  }, 60_000);

  it('a terminal resuming a crashed job while the app opens it waits for the app, then finishes it', async () => {
    const { sandbox, release } = await jobs.holdingSandbox();
    const { file, jobsDir } = jobs.casesFolder(ROWS);
    const crashed = jobs.carga(importArgs(file, sandbox.origin, jobsDir));
    await sandbox.whenInFlight(2, TEST_TOKEN);
    crashed.child.kill('SIGKILL');
    await crashed.done;
    release();
    const jobId = onlyJobId(jobsDir)!;

    // The app holds the job to open it (repairing what the crash left) when the terminal asks.
    const app = holdAsOther(join(jobsDir, jobId), { frontDoor: 'electron', pid: process.pid, brief: true });
    await app.listening;
    const resume = jobs.carga(['resume', jobId, '--server', sandbox.origin, '--jobs-dir', jobsDir, '--json']);
    await app.firstQuestion;
    app.letGo();

    const { code, stdout, stderr } = await resume.done;
    expect(stderr).not.toContain('running in another window');
    // The two rows in flight at the kill are uncertain unless their answers made it in time.
    expect([0, 1], stderr).toContain(code);
    const summary = JSON.parse(stdout) as { status: string; ok: number; uncertain: number };
    expect(summary.status).toBe('finished');
    expect(summary.ok + summary.uncertain).toBe(ROWS);
  }, 120_000);
});

/** Another Carga holding the job, as its lock answers: greets whoever connects with `holder`;
 * lets go (closes its connections, as a process that releases or dies) on `letGo`. */
function holdAsOther(folder: string, holder: JobHolder) {
  const sockets: Socket[] = [];
  let questioned: () => void = () => undefined;
  const firstQuestion = new Promise<void>((resolve) => {
    questioned = resolve;
  });
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.write(`${JSON.stringify(holder)}\n`);
    questioned();
  });
  const listening = new Promise<void>((resolve) => server.listen(jobLockAddress(folder), resolve));
  return {
    listening,
    firstQuestion,
    letGo() {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}
