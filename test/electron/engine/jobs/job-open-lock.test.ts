import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it, vi } from 'vitest';

import type * as JobLock from '../../../../electron/engine/jobs/job-lock';
import { TEST_TOKEN } from '../../../support/import-fixture';
import { importArgs, onlyJobId, useTerminalJobs } from '../../../support/terminal-job';

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

const jobs = useTerminalJobs();
const ROWS = 30;

describe('opening a crashed job while a terminal resumes it', () => {
  it('writes nothing to the journal the terminal holds, even when it took the job just after the app asked', async () => {
    // The first case of each pass holds every answer (its quota read goes through first).
    const { sandbox, release, holdAgain } = await jobs.holdingSandbox();
    const folder = jobs.casesFolder(ROWS);
    const { jobsDir } = folder;
    const common = ['--server', sandbox.origin, '--jobs-dir', jobsDir];

    // A crash: the import is killed with two rows in flight.
    const crashed = jobs.carga(importArgs(folder.file, sandbox.origin, jobsDir));
    await sandbox.whenInFlight(2, TEST_TOKEN);
    crashed.child.kill('SIGKILL');
    await crashed.done;
    const jobId = onlyJobId(jobsDir)!;
    release();
    await vi.waitFor(() => expect(sandbox.accepted().cases).toHaveLength(2), { timeout: 30_000 });

    // A terminal resumes it: it repairs the journal itself and is mid-pass, two requests in flight.
    holdAgain();
    const resume = jobs.carga(['resume', jobId, ...common]);
    await sandbox.whenInFlight(2, TEST_TOKEN);
    const journalPath = join(jobsDir, jobId, 'outcomes.jsonl');
    const before = readFileSync(journalPath, 'utf8');
    expect(before).toContain('"s":"running"');

    // The app opens the job having been told no one holds it (the terminal took it right after).
    const app = await jobs.openApp(folder);
    stale.folder = join(jobsDir, jobId);
    const seen = await app.getJob({ jobId });

    // Not taken for a crashed job: followed, and the terminal's journal untouched.
    expect(stale.folder).toBeNull();
    expect(seen).toMatchObject({ status: 'running', heldBy: { frontDoor: 'cli', pid: resume.child.pid } });
    expect(readFileSync(journalPath, 'utf8')).toBe(before);

    sandbox.setLatency(5);
    release();
    expect([0, 1]).toContain((await resume.done).code);
    // The terminal's pass ends as its own journal says: every row accepted or (the two cut off by
    // the crash) uncertain, nothing sent twice.
    const after = await app.getJob({ jobId });
    expect(after).toMatchObject({ status: 'finished', pending: 0 });
    expect(after.ok + after.uncertain).toBe(ROWS);
    const accepted = sandbox.accepted().cases.map((c) => c.fields.description);
    expect(new Set(accepted).size).toBe(accepted.length);
  }, 120_000);
});
