import { describe, expect, it } from 'vitest';

import type { JobSummary } from '../../../../shared/contract';
import { importArgs, useTerminalJobs } from '../../../support/terminal-job';

const jobs = useTerminalJobs();
const ROWS = 20;

describe('the app follows the jobs folder', () => {
  it('pushes a job a terminal starts while the app is open, and leaves the job to the terminal', async () => {
    const sandbox = await jobs.sandbox();
    const folder = jobs.casesFolder(ROWS);
    const app = await jobs.openApp(folder);
    expect(await app.listJobs()).toEqual([]);
    const listed = new Promise<JobSummary>((resolve) => {
      const stop = app.onEvent((event) => {
        if (event.type !== 'job-listed') return;
        stop();
        resolve(event.summary);
      });
    });

    const { done } = jobs.carga(importArgs(folder.file, sandbox.origin, folder.jobsDir));

    // Pushed without anyone asking for the list again: the job the terminal created, its file named.
    const summary = await listed;
    expect(summary.fileName).toBe('casos.csv');
    expect((await app.listJobs()).map((job) => job.jobId)).toEqual([summary.jobId]);
    // Seeing it never took it from the terminal: its pass runs to the end, every row sent once.
    expect((await done).code).toBe(0);
    expect(sandbox.accepted().cases).toHaveLength(ROWS);
    expect(await app.getJob({ jobId: summary.jobId })).toMatchObject({ status: 'finished', ok: ROWS });
  }, 120_000);
});
