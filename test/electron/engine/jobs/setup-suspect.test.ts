import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { CASE_HEADER, caseRow, useImportFixtures, writeCsv } from '../../../support/import-fixture';

/** An engine and a sandbox for one test, closed after it. */
const setup = useImportFixtures();

describe('a setup that fails every row', () => {
  it('stops a wrong operation on 1,000 rows within 6 requests, and after the fix sends every row once', async () => {
    const fixture = await setup({ connection: { operation: 'no-such-operation' } });
    const path = writeCsv(
      join(fixture.dir, 'casos.csv'),
      CASE_HEADER,
      Array.from({ length: 1000 }, (_, i) => caseRow(i)),
    );
    const stopped = await fixture.run(path);
    expect(stopped).toMatchObject({ status: 'stopped', ok: 0, failed: 0, pending: 1000 });
    expect(stopped.reason?.code).toBe('job.setup-wrong');
    expect(stopped.reason?.params).toMatchObject({ count: 5, rows: '2, 3, 4, 5, 6' });
    expect(String(stopped.reason?.params?.message)).toContain('OPERATION');
    expect(fixture.sandbox.stats().requests).toBeLessThanOrEqual(6);

    await fixture.engine.saveConnection({ connection: { ...fixture.connection, operation: 'demo' } });
    await fixture.engine.resumeJob({ jobId: stopped.jobId });
    expect(await fixture.engine.settled(stopped.jobId)).toMatchObject({
      status: 'finished',
      ok: 1000,
      failed: 0,
    });
    const cases = fixture.sandbox.accepted().cases;
    expect(cases).toHaveLength(1000);
    expect(new Set(cases.map((c) => c.fields.description)).size).toBe(1000);
  });

  it('is not tripped by a file where one row in ten is bad', async () => {
    const fixture = await setup();
    const rows = Array.from({ length: 200 }, (_, i) =>
      caseRow(i, i % 10 === 3 ? { Responsable: `nadie${i}@demo` } : {}),
    );
    const summary = await fixture.run(writeCsv(join(fixture.dir, 'casos.csv'), CASE_HEADER, rows));
    expect(summary).toMatchObject({ status: 'finished', ok: 180, failed: 20, pending: 0 });
  });
});
