import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type SandboxHandle } from '../../../../electron/sandbox/sandbox';
import type { EngineEvent } from '../../../../shared/contract';
import {
  CASE_HEADER,
  caseRow,
  CASES_TEMPLATE,
  importFixture,
  TEST_TOKEN,
  writeCsv,
  type ImportFixture,
} from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

async function setup(engine: Parameters<typeof importFixture>[1] = {}): Promise<ImportFixture> {
  const fixture = await importFixture(tempDir(), engine);
  open.push(fixture);
  return fixture;
}

function casesFile(dir: string, count: number): string {
  return writeCsv(
    join(dir, 'casos.csv'),
    CASE_HEADER,
    Array.from({ length: count }, (_, i) => caseRow(i)),
  );
}

function statusEvents(fixture: ImportFixture): Extract<EngineEvent, { type: 'job-status' }>[] {
  const events: Extract<EngineEvent, { type: 'job-status' }>[] = [];
  fixture.engine.onEvent((event) => {
    if (event.type === 'job-status') events.push(event);
  });
  return events;
}

/** Resolves at the first job-status event with this status. */
function whenStatus(fixture: ImportFixture, status: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = fixture.engine.onEvent((event) => {
      if (event.type === 'job-status' && event.status === status) {
        stop();
        resolve();
      }
    });
  });
}

async function sandboxOnPort(port: number): Promise<SandboxHandle> {
  const sandbox = await startSandbox({ port, tokens: [{ token: TEST_TOKEN, dailyLimit: 100_000 }] });
  open.push(sandbox);
  return sandbox;
}

describe('a CRM that is down or failing', () => {
  it('waits through a storm of 503s, probing, and fails no row for it', async () => {
    const fixture = await setup();
    const events = statusEvents(fixture);
    fixture.sandbox.inject('http-503-html', 30);
    const summary = await fixture.run(casesFile(fixture.dir, 20));
    expect(summary).toMatchObject({ status: 'finished', ok: 20, failed: 0, uncertain: 0, pending: 0 });
    const cases = fixture.sandbox.accepted().cases;
    expect(new Set(cases.map((c) => c.fields.description)).size).toBe(20);
    expect(cases).toHaveLength(20);
    const waiting = events.find((event) => event.status === 'waiting-crm');
    expect(waiting?.reason?.code).toBe('job.waiting-crm');
    expect(Date.parse(String(waiting?.reason?.params?.nextProbeAt))).not.toBeNaN();
    // Back to running once the CRM answered.
    expect(events.at(-2)?.status).toBe('running');
  });

  it('waits out a maintenance window (403 under maintenance) instead of stopping or failing rows', async () => {
    const fixture = await setup();
    const events = statusEvents(fixture);
    fixture.sandbox.inject({ status: 403, msg: 'SERVER UNDER MAINTENANCE, TRY LATER' }, 12);
    const summary = await fixture.run(casesFile(fixture.dir, 10));
    expect(summary).toMatchObject({ status: 'finished', ok: 10, failed: 0, uncertain: 0, pending: 0 });
    expect(fixture.sandbox.accepted().cases).toHaveLength(10);
    expect(events.some((event) => event.status === 'waiting-crm')).toBe(true);
  });

  it('goes on by itself when a CRM that was down comes back on the same address', async () => {
    const fixture = await setup();
    const { port } = fixture.sandbox;
    await fixture.sandbox.close();
    const waiting = whenStatus(fixture, 'waiting-crm');
    const started = await fixture.engine.startJob({
      path: casesFile(fixture.dir, 15),
      template: CASES_TEMPLATE,
      connectionId: fixture.connection.id,
    });
    await waiting;
    const back = await sandboxOnPort(port);
    const summary = await fixture.engine.settled(started.jobId);
    expect(summary).toMatchObject({ status: 'finished', ok: 15, failed: 0, uncertain: 0 });
    expect(back.accepted().cases).toHaveLength(15);
  });

  it('gives up after the longest wait allowed: stopped, nothing failed, resumable', async () => {
    const fixture = await setup({ engine: { maxWaitMs: 50 } });
    const { port } = fixture.sandbox;
    await fixture.sandbox.close();
    const stopped = await fixture.run(casesFile(fixture.dir, 6));
    expect(stopped).toMatchObject({ status: 'stopped', ok: 0, failed: 0, uncertain: 0, pending: 6 });
    expect(stopped.reason?.code).toBe('job.crm-wait-expired');

    const back = await sandboxOnPort(port);
    await fixture.engine.resumeJob({ jobId: stopped.jobId });
    expect(await fixture.engine.settled(stopped.jobId)).toMatchObject({
      status: 'finished',
      ok: 6,
      failed: 0,
    });
    expect(back.accepted().cases).toHaveLength(6);
  });
});
