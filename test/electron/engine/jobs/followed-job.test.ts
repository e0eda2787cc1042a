import { describe, expect, it } from 'vitest';

import type { Engine } from '../../../../electron/engine/engine';
import type { EngineEvent, JobProgress, JobSummary } from '../../../../shared/contract';
import { TEST_TOKEN } from '../../../support/import-fixture';
import { importArgs, onlyJobId, useTerminalJobs } from '../../../support/terminal-job';

const jobs = useTerminalJobs();
const ROWS = 60;

/** A terminal and the app on one data folder: `carga import` runs the job, the app (the engine
 * as the desktop app builds it) only looks at it. */
async function terminalAndApp() {
  // The terminal is mid-pass, two requests in flight, when the app looks.
  const { sandbox, release } = await jobs.holdingSandbox();
  const folder = jobs.casesFolder(ROWS);
  const { child, done } = jobs.carga(importArgs(folder.file, sandbox.origin, folder.jobsDir));
  const exited = done.then((run) => run.code);
  await sandbox.whenInFlight(2, TEST_TOKEN);
  const jobId = onlyJobId(folder.jobsDir)!;
  const app = await jobs.openApp(folder);
  const events: EngineEvent[] = [];
  app.onEvent((event) => events.push(event));
  return { app, child, exited, jobId, release, events, sandbox };
}

/** Resolves with the first event `pick` accepts, among those seen so far or to come. */
function nextEvent<T>(
  engine: Engine,
  seen: EngineEvent[],
  pick: (event: EngineEvent) => T | undefined,
): Promise<T> {
  for (const event of seen) {
    const found = pick(event);
    if (found !== undefined) return Promise.resolve(found);
  }
  return new Promise((resolve) => {
    const stop = engine.onEvent((event) => {
      const found = pick(event);
      if (found === undefined) return;
      stop();
      resolve(found);
    });
  });
}

describe('a job another process runs, seen from the app', () => {
  it('shows the terminal’s pass live, rising to its end, and refuses to pause or cancel it there', async () => {
    const { app, child, exited, jobId, release, events, sandbox } = await terminalAndApp();

    const first = await app.getJob({ jobId });
    expect(first).toMatchObject({ status: 'running', ok: 0, heldBy: { frontDoor: 'cli', pid: child.pid } });
    expect((await app.listJobs()).find((job) => job.jobId === jobId)?.heldBy).toEqual({
      frontDoor: 'cli',
      pid: child.pid,
    });
    // The journal is the terminal's: the app neither pauses, cancels nor edits the job.
    for (const act of [
      () => app.pauseJob({ jobId }),
      () => app.cancelJob({ jobId }),
      () => app.resumeJob({ jobId }),
      () => app.fixRow({ jobId, index: 0, values: { Descripción: 'x' } }),
    ])
      await expect(act()).rejects.toMatchObject({
        detail: { code: 'job.running-in-cli', params: { pid: child.pid } },
      });

    sandbox.setLatency(5);
    release();
    const finished = await nextEvent<JobSummary>(app, events, (event) =>
      event.type === 'job-finished' && event.summary.jobId === jobId ? event.summary : undefined,
    );
    expect(await exited).toBe(0);

    expect(finished).toMatchObject({ status: 'finished', ok: ROWS, pending: 0 });
    expect(finished.heldBy).toBeUndefined();
    const progress = events
      .filter(
        (event): event is { type: 'job-progress'; progress: JobProgress } => event.type === 'job-progress',
      )
      .map((event) => event.progress)
      .filter((p) => p.jobId === jobId);
    // Pushed as the terminal's journal grew, each saying who runs the job, never going back,
    // and the last one where the pass ended, once no one runs it.
    const followed = progress.filter((p) => p.heldBy);
    expect(followed.length).toBeGreaterThan(0);
    expect(followed.every((p) => p.heldBy?.pid === child.pid)).toBe(true);
    const done = progress.map((p) => p.ok + p.failed + p.uncertain);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ status: 'finished', ok: ROWS, pending: 0 });
    expect(progress.at(-1)?.heldBy).toBeUndefined();
    // Once the terminal let go, the app's actions are its own again.
    expect(await app.getJob({ jobId })).toMatchObject({ status: 'finished', ok: ROWS });
    expect((await app.getJob({ jobId })).heldBy).toBeUndefined();
  }, 120_000);

  it('after `kill -9` of the terminal, shows at once the job paused with its in-flight rows uncertain', async () => {
    const { app, child, jobId, release, events } = await terminalAndApp();
    expect((await app.getJob({ jobId })).heldBy?.pid).toBe(child.pid);

    child.kill('SIGKILL');
    const status = await nextEvent(app, events, (event) =>
      event.type === 'job-status' && event.jobId === jobId ? event : undefined,
    );
    expect(status.status).toBe('paused');
    const after = await app.getJob({ jobId });
    expect(after).toMatchObject({ status: 'paused', uncertain: 2, ok: 0 });
    expect(after.heldBy).toBeUndefined();
    release();
  }, 120_000);
});
