import { chmodSync, statSync, truncateSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  CASE_HEADER,
  caseRow,
  CASES_TEMPLATE,
  TEST_TOKEN,
  useImportFixtures,
  writeCsv,
  type ImportFixture,
} from '../../../support/import-fixture';

const openFixture = useImportFixtures();

const ROWS = 30;
const rows = Array.from({ length: ROWS }, (_, i) => caseRow(i));

describe('the source file changing under a running job', () => {
  it.each([
    [
      'rewritten in place with its rows shuffled',
      (path: string) => writeCsv(path, CASE_HEADER, [...rows].reverse()),
    ],
    ['truncated', (path: string) => truncateSync(path, 200)],
  ])(
    'stops when the file is %s: no duplicate, no row lost, never finished with rows pending',
    async (_how, change) => {
      const fixture = await openFixture();
      const path = writeCsv(join(fixture.dir, 'casos.csv'), CASE_HEADER, rows);
      const release = fixture.sandbox.holdAnswers();
      const started = await fixture.engine.startJob({
        path,
        template: CASES_TEMPLATE,
        connectionId: fixture.connection.id,
      });
      await fixture.sandbox.whenInFlight(2, TEST_TOKEN);
      change(path);
      release();
      const summary = await fixture.engine.settled(started.jobId);
      expect(summary.status).toBe('stopped');
      expect(summary.reason).toEqual({ code: 'job.file-changed', params: { name: 'casos.csv' } });
      expect(summary).toMatchObject({ failed: 0, uncertain: 0, total: ROWS });
      expect(summary.ok + summary.pending).toBe(ROWS);
      const accepted = fixture.sandbox.accepted().cases.map((c) => c.fields.description);
      expect(accepted).toHaveLength(summary.ok);
      expect(new Set(accepted).size).toBe(accepted.length);
      // Every accepted case is the row the journal says it is.
      const expected = new Set(rows.slice(0, summary.ok).map((row) => row[4]));
      expect(accepted.every((description) => expected.has(description))).toBe(true);
    },
  );
});

/** Rows padded with a column the template leaves out, so the file spans several sealed blocks. */
const PADDED_HEADER = [...CASE_HEADER, 'Notas'];
const PADDED_ROWS = 60;
const padded = Array.from({ length: PADDED_ROWS }, (_, i) => [...caseRow(i), `${i}`.padEnd(30_000, '.')]);

/** Writes the padded rows in `order` with the time set to a whole second (so it can be put back
 * to the nanosecond). */
function writePadded(path: string, order: readonly (readonly string[])[]): void {
  writeCsv(path, PADDED_HEADER, order);
  utimesSync(path, 1_700_000_000, 1_700_000_000);
}

/** The rows shuffled (same bytes, other order), with size and modification time as before. */
function rewriteKeepingSizeAndTime(path: string): void {
  const before = statSync(path, { bigint: true });
  writePadded(path, [...padded].reverse());
  const after = statSync(path, { bigint: true });
  expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
}

const FILE_CHANGED = { code: 'job.file-changed', params: { name: 'casos.csv' } };

function descriptions(fixture: ImportFixture): string[] {
  return fixture.sandbox.accepted().cases.map((c) => String(c.fields.description));
}

/** Every accepted case once, and each one a row of the file. */
function expectNoDuplicate(fixture: ImportFixture): string[] {
  const accepted = descriptions(fixture);
  expect(new Set(accepted).size).toBe(accepted.length);
  const known = new Set(padded.map((row) => row[4]));
  expect(accepted.every((description) => known.has(description))).toBe(true);
  return accepted;
}

describe('a same-size rewrite of the source with its modification time put back', () => {
  it('mid-job: stops without a duplicate, resume refuses, and the changed file as a new job sends each row once', async () => {
    const fixture = await openFixture();
    const path = join(fixture.dir, 'casos.csv');
    writePadded(path, padded);
    const release = fixture.sandbox.holdAnswers();
    const started = await fixture.engine.startJob({
      path,
      template: CASES_TEMPLATE,
      connectionId: fixture.connection.id,
    });
    await fixture.sandbox.whenInFlight(2, TEST_TOKEN);
    rewriteKeepingSizeAndTime(path);
    release();
    const summary = await fixture.engine.settled(started.jobId);
    expect(summary.status).toBe('stopped');
    expect(summary.reason).toEqual(FILE_CHANGED);
    expect(summary.pending).toBeGreaterThan(0);
    expect(expectNoDuplicate(fixture)).toHaveLength(summary.ok);

    await expect(fixture.engine.resumeJob({ jobId: started.jobId })).rejects.toMatchObject({
      detail: FILE_CHANGED,
    });
    await expect(
      fixture.engine.retryJob({ jobId: started.jobId, includeUncertain: true }),
    ).rejects.toMatchObject({ detail: FILE_CHANGED });
    expect(descriptions(fixture)).toHaveLength(summary.ok);

    const again = await fixture.run(path);
    expect(again).toMatchObject({ status: 'finished', ok: PADDED_ROWS - summary.ok, skipped: summary.ok });
    expect(expectNoDuplicate(fixture)).toHaveLength(PADDED_ROWS);
  });

  it('between runs: resume refuses with the explanation and sends nothing', async () => {
    const fixture = await openFixture();
    const path = join(fixture.dir, 'casos.csv');
    writePadded(path, padded);
    const release = fixture.sandbox.holdAnswers();
    const started = await fixture.engine.startJob({
      path,
      template: CASES_TEMPLATE,
      connectionId: fixture.connection.id,
    });
    await fixture.sandbox.whenInFlight(2, TEST_TOKEN);
    const paused = fixture.engine.pauseJob({ jobId: started.jobId });
    release();
    const first = await paused;
    expect(first.status).toBe('paused');
    const sent = descriptions(fixture).length;

    rewriteKeepingSizeAndTime(path);
    await expect(fixture.engine.resumeJob({ jobId: started.jobId })).rejects.toMatchObject({
      detail: FILE_CHANGED,
    });
    expect(descriptions(fixture)).toHaveLength(sent);
    const after = await fixture.engine.getJob({ jobId: started.jobId });
    expect(after.status).not.toBe('finished');
    expect(after.pending).toBe(PADDED_ROWS - sent);
  });

  it('a file only touched between runs (same bytes, new times and permissions) resumes and finishes, each row once', async () => {
    const fixture = await openFixture();
    const path = join(fixture.dir, 'casos.csv');
    writePadded(path, padded);
    const release = fixture.sandbox.holdAnswers();
    const started = await fixture.engine.startJob({
      path,
      template: CASES_TEMPLATE,
      connectionId: fixture.connection.id,
    });
    await fixture.sandbox.whenInFlight(2, TEST_TOKEN);
    const paused = fixture.engine.pauseJob({ jobId: started.jobId });
    release();
    await paused;

    chmodSync(path, 0o600);
    utimesSync(path, new Date(), new Date());
    await fixture.engine.resumeJob({ jobId: started.jobId });
    expect(await fixture.engine.settled(started.jobId)).toMatchObject({
      status: 'finished',
      ok: PADDED_ROWS,
    });
    expect(expectNoDuplicate(fixture)).toHaveLength(PADDED_ROWS);
  });
});
