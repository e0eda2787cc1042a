import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Connection, ResultRow } from '../../../shared/contract';
import {
  CAMPAIGN_HEADER,
  CAMPAIGN_TEMPLATE,
  campaignRow,
  CASE_HEADER,
  caseRow,
  CASES_TEMPLATE,
  TEST_TOKEN,
  useImportFixtures,
  writeCsv,
  type ImportFixture,
} from '../../support/import-fixture';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
/** An engine and a sandbox for one test, closed after it. */
const setup = useImportFixtures();

function casesFile(
  dir: string,
  count: number,
  overrides: Record<number, Parameters<typeof caseRow>[1]> = {},
): string {
  return writeCsv(
    join(dir, 'casos.csv'),
    CASE_HEADER,
    Array.from({ length: count }, (_, i) => caseRow(i, overrides[i])),
  );
}

async function failedRows(fixture: ImportFixture, jobId: string): Promise<ResultRow[]> {
  return (await fixture.engine.listResults({ jobId, offset: 0, limit: 1000 })).rows;
}

describe('importing cases into the sandbox CRM over HTTP', () => {
  it('creates one case per row, with Spanish values sent in English and custom fields in form', async () => {
    const fixture = await setup();
    const summary = await fixture.run(casesFile(fixture.dir, 12));
    expect(summary).toMatchObject({
      status: 'finished',
      total: 12,
      ok: 12,
      failed: 0,
      uncertain: 0,
      pending: 0,
    });
    const cases = fixture.sandbox.accepted().cases;
    expect(cases).toHaveLength(12);
    expect(cases[0]?.fields).toMatchObject({
      operation: 'demo',
      'case-type': 'Request',
      status: 'open',
      priority: 'high',
    });
    expect(cases[0]?.form).toEqual({ Ciudad: 'Cali' });
    expect(new Set(cases.map((c) => c.fields.description)).size).toBe(12);
  });

  it('never has more than 2 requests in flight per token, even with two jobs on one token', async () => {
    const fixture = await setup({ sandbox: { latencyMs: 5, jitterMs: 5 } });
    const fileA = writeCsv(
      join(fixture.dir, 'a.csv'),
      CASE_HEADER,
      Array.from({ length: 40 }, (_, i) => caseRow(i)),
    );
    const fileB = writeCsv(
      join(fixture.dir, 'b.csv'),
      CASE_HEADER,
      Array.from({ length: 40 }, (_, i) => caseRow(100 + i)),
    );
    const [a, b] = await Promise.all([fixture.run(fileA), fixture.run(fileB)]);
    expect(a.ok + b.ok).toBe(80);
    const stats = fixture.sandbox.stats();
    expect(stats.maxInFlightPerToken).toBe(2);
    expect(stats.throttled).toBe(0);
    expect(fixture.sandbox.accepted().cases).toHaveLength(80);
  });

  it('stops at the daily quota without a single TOKEN LIMIT EXCEEDED, and resumes where it stopped', async () => {
    const fixture = await setup();
    fixture.sandbox.setQuota(TEST_TOKEN, 10, 3);
    const summary = await fixture.run(casesFile(fixture.dir, 20));
    // 10 a day, 3 used already, 1 to read the quota: 6 cases fit.
    expect(summary).toMatchObject({ status: 'waiting-quota', ok: 6, pending: 14, failed: 0 });
    expect(summary.reason?.code).toBe('job.quota-reached');
    expect(fixture.sandbox.stats().quotaRefusals).toBe(0);

    fixture.sandbox.setQuota(TEST_TOKEN, 100, 0);
    await fixture.engine.resumeJob({ jobId: summary.jobId });
    expect(await fixture.engine.settled(summary.jobId)).toMatchObject({ status: 'finished', ok: 20 });
    expect(fixture.sandbox.accepted().cases).toHaveLength(20);
  });

  it('pauses a job that waits for its quota: it says paused and no longer goes on at the reset', async () => {
    const fixture = await setup({ connection: { dailyLimit: 2 } });
    const waiting = await fixture.run(casesFile(fixture.dir, 4));
    expect(waiting.status).toBe('waiting-quota');
    expect(await fixture.engine.pauseJob({ jobId: waiting.jobId })).toMatchObject({
      status: 'paused',
      pending: waiting.pending,
    });
    expect((await fixture.engine.getJob({ jobId: waiting.jobId })).status).toBe('paused');
  });

  it('honours an operator daily limit lower than the token’s', async () => {
    const fixture = await setup({ connection: { dailyLimit: 5 } });
    const summary = await fixture.run(casesFile(fixture.dir, 9));
    expect(summary).toMatchObject({ status: 'waiting-quota', ok: 4, pending: 5 });
  });

  it('fails a rejected row with an explanation and goes on with the rest', async () => {
    const fixture = await setup();
    const summary = await fixture.run(casesFile(fixture.dir, 5, { 2: { Responsable: 'nadie@demo' } }));
    expect(summary).toMatchObject({ status: 'finished', ok: 4, failed: 1 });
    const [row] = await failedRows(fixture, summary.jobId);
    expect(row).toMatchObject({ row: 4, index: 2, outcome: 'failed', failureClass: 'row', code: '404' });
    expect(row?.values.Responsable).toBe('nadie@demo');
    expect(row?.explanation).toBeDefined();
  });

  it('never sends rows that fail local validation', async () => {
    const fixture = await setup();
    const summary = await fixture.run(
      casesFile(fixture.dir, 4, { 1: { Descripción: '' }, 3: { Estado: 'Quizás' } }),
    );
    expect(summary).toMatchObject({ status: 'finished', ok: 2, failed: 2 });
    expect(fixture.sandbox.stats().requests).toBe(3); // the quota read and two cases
    const rows = await failedRows(fixture, summary.jobId);
    expect(rows.map((r) => [r.index, r.failureClass, r.code])).toEqual([
      [1, 'validation', 'required-missing'],
      [3, 'validation', 'unknown-system-value'],
    ]);
  });

  it('stops at once on a refused token, sends nothing more, and resumes after the fix', async () => {
    const fixture = await setup();
    const wrong: Connection = { ...fixture.connection, id: 'wrong' };
    await fixture.engine.saveConnection({ connection: wrong, token: 'not-a-valid-token' });
    const started = await fixture.engine.startJob({
      path: casesFile(fixture.dir, 6),
      template: CASES_TEMPLATE,
      connectionId: 'wrong',
    });
    const summary = await fixture.engine.settled(started.jobId);
    expect(summary).toMatchObject({ status: 'stopped', ok: 0, pending: 6 });
    expect(fixture.sandbox.accepted().cases).toHaveLength(0);

    await fixture.engine.saveConnection({ connection: wrong, token: TEST_TOKEN });
    await fixture.engine.resumeJob({ jobId: started.jobId });
    expect(await fixture.engine.settled(started.jobId)).toMatchObject({ status: 'finished', ok: 6 });
  });

  it('waits and resends a throttled request', async () => {
    const fixture = await setup();
    fixture.sandbox.inject(
      { status: 403, code: '403', msg: 'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)' },
      2,
    );
    const summary = await fixture.run(casesFile(fixture.dir, 3));
    expect(summary).toMatchObject({ status: 'finished', ok: 3 });
    expect(fixture.sandbox.accepted().cases).toHaveLength(3);
  });

  it('pauses when the CRM says the quota is spent', async () => {
    const fixture = await setup();
    fixture.sandbox.inject({ status: 403, code: '403', msg: 'TOKEN LIMIT EXCEEDED' });
    const summary = await fixture.run(casesFile(fixture.dir, 3));
    expect(summary.status).toBe('waiting-quota');
    expect(summary.ok + summary.pending).toBe(3);
  });

  it('retries transient failures with backoff, and waits out a run of them instead of failing the row', async () => {
    const fixture = await setup();
    fixture.sandbox.inject('http-503-html', 2);
    const recovered = await fixture.run(casesFile(fixture.dir, 1));
    expect(recovered).toMatchObject({ status: 'finished', ok: 1 });

    fixture.sandbox.inject('http-503-html', 8);
    const dir = tempDir();
    const waited = await fixture.run(writeCsv(join(dir, 'uno.csv'), CASE_HEADER, [caseRow(7)]));
    expect(waited).toMatchObject({ status: 'finished', ok: 1, failed: 0 });
  });

  it('marks a row uncertain when the connection drops after the CRM processed it, and never resends it unasked', async () => {
    const fixture = await setup();
    fixture.sandbox.inject('reset-after-processing');
    const summary = await fixture.run(casesFile(fixture.dir, 3));
    expect(summary).toMatchObject({ status: 'finished', ok: 2, uncertain: 1 });
    expect(fixture.sandbox.accepted().cases).toHaveLength(3);

    await fixture.engine.retryJob({ jobId: summary.jobId, includeUncertain: false });
    expect(await fixture.engine.settled(summary.jobId)).toMatchObject({ ok: 2, uncertain: 1 });
    expect(fixture.sandbox.accepted().cases).toHaveLength(3);

    await fixture.engine.retryJob({ jobId: summary.jobId, includeUncertain: true });
    expect(await fixture.engine.settled(summary.jobId)).toMatchObject({ ok: 3, uncertain: 0 });
  });

  it('treats a request that outlives its timeout as uncertain', async () => {
    const fixture = await setup({ engine: { timeoutMs: 300 }, sandbox: { slowMs: 5_000 } });
    fixture.sandbox.inject('slow');
    const summary = await fixture.run(casesFile(fixture.dir, 2));
    expect(summary).toMatchObject({ ok: 1, uncertain: 1 });
  });

  it('retries only the failed rows, with the operator’s fixes', async () => {
    const fixture = await setup();
    const summary = await fixture.run(casesFile(fixture.dir, 4, { 1: { Responsable: 'nadie@demo' } }));
    expect(summary).toMatchObject({ ok: 3, failed: 1 });
    await fixture.engine.fixRow({
      jobId: summary.jobId,
      index: 1,
      values: { Responsable: 'ana.gomez@demo' },
    });
    await fixture.engine.retryJob({ jobId: summary.jobId, includeUncertain: false });
    expect(await fixture.engine.settled(summary.jobId)).toMatchObject({
      status: 'finished',
      ok: 4,
      failed: 0,
    });
    const cases = fixture.sandbox.accepted().cases;
    expect(cases).toHaveLength(4);
    expect(cases[3]?.fields.responsible).toBe('ana.gomez@demo');
  });
});

describe('importing campaign records in batches', () => {
  const campaign = {
    target: 'wolkvox-campaign',
    campaignId: '1001',
    campaignType: 'predictive',
    campaignStatus: 'active',
  } as const;

  it('splits 25,000 records under a license cap of 8,000 and never sends more than allowed', async () => {
    const fixture = await setup({ sandbox: { licenseCap: 8_000 }, connection: campaign });
    const path = writeCsv(
      join(fixture.dir, 'campana.csv'),
      CAMPAIGN_HEADER,
      Array.from({ length: 25_000 }, (_, i) => campaignRow(i)),
    );
    const summary = await fixture.run(path, CAMPAIGN_TEMPLATE);
    expect(summary).toMatchObject({ status: 'finished', total: 25_000, ok: 25_000, failed: 0 });
    const records = fixture.sandbox.accepted().campaignRecords;
    expect(records).toHaveLength(25_000);
    expect(new Set(records.map((r) => r.record.customer_id)).size).toBe(25_000);
    // One refused 10,000-record batch teaches the cap; every later request fits it.
    expect(summary.requests).toBeLessThanOrEqual(6);
  });

  it('marks a partial batch uncertain with what the CRM said it added', async () => {
    const fixture = await setup({ connection: campaign });
    fixture.sandbox.inject({
      status: 404,
      code: 404,
      msg: '3 RECORDS HAS BEEN ADDED, PLEASE VALIDATE THE DATA',
    });
    const path = writeCsv(
      join(fixture.dir, 'campana.csv'),
      CAMPAIGN_HEADER,
      Array.from({ length: 5 }, (_, i) => campaignRow(i)),
    );
    const summary = await fixture.run(path, CAMPAIGN_TEMPLATE);
    expect(summary).toMatchObject({ status: 'finished', ok: 0, uncertain: 5 });
    const rows = await failedRows(fixture, summary.jobId);
    expect(rows[0]).toMatchObject({ failureClass: 'partial' });
    expect(rows[0]?.explanation).toEqual({ code: 'job.partial-batch', params: { added: 3, sent: 5 } });
  });
});

describe('quota planning', () => {
  it('says before sending that a job needs more days than today’s quota', async () => {
    const fixture = await setup();
    fixture.sandbox.setQuota(TEST_TOKEN, 10, 0);
    const notices: string[] = [];
    fixture.engine.onEvent((event) => {
      if (event.type === 'job-notice') notices.push(JSON.stringify(event.notice));
    });
    const summary = await fixture.run(casesFile(fixture.dir, 25));
    expect(summary.status).toBe('waiting-quota');
    expect(notices).toEqual([
      JSON.stringify({ code: 'job.needs-more-days', params: { requests: 25, remaining: 9, days: 3 } }),
    ]);
  });
});

describe('quota planning before a retry', () => {
  it('counts the rows of the retry the operator chose: only the corrected ones, or every failed one', async () => {
    const fixture = await setup();
    const noDescription = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [i, { Descripción: '' }]));
    const summary = await fixture.run(casesFile(fixture.dir, 14, noDescription));
    expect(summary).toMatchObject({ ok: 0, failed: 14 });
    const notices: { requests: unknown; days: unknown }[] = [];
    fixture.engine.onEvent((event) => {
      if (event.type === 'job-notice' && event.notice.code === 'job.needs-more-days')
        notices.push({ requests: event.notice.params?.requests, days: event.notice.params?.days });
    });
    for (const index of [3, 8])
      await fixture.engine.fixRow({
        jobId: summary.jobId,
        index,
        values: { Descripción: `Arreglado ${index}` },
      });
    // Six requests left today, the quota read included: the 2 corrected rows fit, the 14 failed do not.
    fixture.sandbox.setQuota(TEST_TOKEN, 10, 4);

    await fixture.engine.retryJob({ jobId: summary.jobId, includeUncertain: false, onlyCorrected: true });
    expect(await fixture.engine.settled(summary.jobId)).toMatchObject({ ok: 2, failed: 12 });
    expect(notices).toEqual([]);

    await fixture.engine.retryJob({ jobId: summary.jobId, includeUncertain: false });
    await fixture.engine.settled(summary.jobId);
    expect(notices).toEqual([{ requests: 12, days: expect.any(Number) }]);
  });
});

describe('pause, resume and cancel', () => {
  it('pauses after the requests in flight, keeps the rest pending, and resumes without resending', async () => {
    const fixture = await setup();
    const release = fixture.sandbox.holdAnswers();
    const started = await fixture.engine.startJob({
      path: casesFile(fixture.dir, 30),
      template: CASES_TEMPLATE,
      connectionId: fixture.connection.id,
    });
    await fixture.sandbox.whenInFlight(2, TEST_TOKEN);
    const pausing = fixture.engine.pauseJob({ jobId: started.jobId });
    release();
    const paused = await pausing;
    expect(paused.status).toBe('paused');
    expect(paused.ok).toBeGreaterThan(0);
    expect(paused.pending).toBe(30 - paused.ok);
    expect(fixture.sandbox.accepted().cases).toHaveLength(paused.ok);

    await fixture.engine.resumeJob({ jobId: started.jobId });
    expect(await fixture.engine.settled(started.jobId)).toMatchObject({ status: 'finished', ok: 30 });
    expect(fixture.sandbox.accepted().cases).toHaveLength(30);
  });

  it('cancels: nothing more is sent, and the job can still be resumed later', async () => {
    const fixture = await setup();
    const release = fixture.sandbox.holdAnswers();
    const started = await fixture.engine.startJob({
      path: casesFile(fixture.dir, 10),
      template: CASES_TEMPLATE,
      connectionId: fixture.connection.id,
    });
    await fixture.sandbox.whenInFlight(2, TEST_TOKEN);
    const cancelling = fixture.engine.cancelJob({ jobId: started.jobId });
    release();
    const cancelled = await cancelling;
    expect(cancelled.status).toBe('cancelled');
    expect(fixture.sandbox.accepted().cases).toHaveLength(cancelled.ok);
    expect(cancelled.ok).toBeLessThan(10);
    await fixture.engine.resumeJob({ jobId: started.jobId });
    expect(await fixture.engine.settled(started.jobId)).toMatchObject({ status: 'finished', ok: 10 });
  });
});
