import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { EngineEvent, JobProgress } from '../../../../shared/contract';
import {
  CASE_HEADER,
  caseRow,
  CASES_TEMPLATE,
  TEST_TOKEN,
  useImportFixtures,
  writeCsv,
} from '../../../support/import-fixture';

const openFixture = useImportFixtures();

/** Large enough that counting it takes far longer than one request to the local sandbox. */
const ROWS = 150_000;

describe('the first request of a job', () => {
  it('goes out while the file is still being counted; the progress says so until the total is known', async () => {
    // A token whose quota carries any file: nothing to warn about, so nothing waits for the count.
    const fixture = await openFixture({
      sandbox: { tokens: [{ token: TEST_TOKEN, dailyLimit: 1_000_000_000 }] },
    });
    const path = writeCsv(
      join(fixture.dir, 'casos.csv'),
      CASE_HEADER,
      Array.from({ length: ROWS }, (_, i) => caseRow(i)),
    );
    let firstAccepted: JobProgress | null = null;
    let resolveFirst: () => void = () => undefined;
    const accepted = new Promise<void>((resolve) => (resolveFirst = resolve));
    fixture.engine.onEvent((event) => {
      if (event.type !== 'job-progress' || event.progress.ok === 0 || firstAccepted) return;
      firstAccepted = event.progress;
      resolveFirst();
    });
    const started = await fixture.engine.startJob({
      path,
      template: CASES_TEMPLATE,
      connectionId: fixture.connection.id,
    });
    await accepted;
    const paused = await fixture.engine.pauseJob({ jobId: started.jobId });

    // The CRM accepted a row before the reader reached the end of the file to count it.
    expect(firstAccepted).toMatchObject({ counting: true });
    expect(firstAccepted!.total).toBeLessThan(ROWS);
    // Once counted, the total is exact and no longer said to be counting.
    expect(paused).toMatchObject({ status: 'paused', total: ROWS });
    expect(paused.counting).toBeUndefined();
    expect(paused.ok + paused.pending).toBe(ROWS);
    expect(fixture.sandbox.accepted().cases.length).toBe(paused.ok);
  }, 120_000);

  it('tells the total once counted even when the job already waits for its quota', async () => {
    // The quota is used up, which only the CRM's refusal of the first request tells: the pass
    // starts at once, ends waiting, and the count alongside ends after it.
    const fixture = await openFixture({
      sandbox: { tokens: [{ token: TEST_TOKEN, dailyLimit: 10, usedToday: 10 }] },
    });
    const path = writeCsv(
      join(fixture.dir, 'casos.csv'),
      CASE_HEADER,
      Array.from({ length: ROWS }, (_, i) => caseRow(i)),
    );
    const events: EngineEvent[] = [];
    let resolveCounted: () => void = () => undefined;
    const counted = new Promise<void>((resolve) => (resolveCounted = resolve));
    fixture.engine.onEvent((event) => {
      events.push(event);
      const counts =
        event.type === 'job-progress' ? event.progress : event.type === 'job-counted' ? event.summary : null;
      if (counts && counts.total === ROWS && !counts.counting) resolveCounted();
    });
    const started = await fixture.engine.startJob({
      path,
      template: CASES_TEMPLATE,
      connectionId: fixture.connection.id,
    });
    await counted;

    const waiting = events.findIndex(
      (event) => event.type === 'job-status' && event.status === 'waiting-quota',
    );
    expect(waiting).toBeGreaterThanOrEqual(0);
    const summary = await fixture.engine.getJob({ jobId: started.jobId });
    expect(summary).toMatchObject({ status: 'waiting-quota', total: ROWS, pending: ROWS });
    expect(fixture.sandbox.accepted().cases.length).toBe(0);
  }, 120_000);
});
