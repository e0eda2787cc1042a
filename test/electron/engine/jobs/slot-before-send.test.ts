/**
 * Rows are marked `sending` only once the token's slot is their request's: a request waiting for
 * a slot another process holds has left no `send` in the journal, so a crash while it waits
 * leaves its rows pending, never uncertain (uncertain rows are at most the requests in flight).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createEngine, type Engine } from '../../../../electron/engine/engine';
import { machineLaneKey, slotAddress } from '../../../../electron/engine/quota/machine-slots';
import { createMemoryVault } from '../../../../electron/engine/secrets/memory-vault';
import { startSandbox, type SandboxHandle } from '../../../../electron/sandbox/sandbox';
import { CASE_HEADER, caseRow, CASES_TEMPLATE, TEST_TOKEN, writeCsv } from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
let sandbox: SandboxHandle | null = null;
let engine: Engine | null = null;
let otherProcess: Server | null = null;
afterEach(async () => {
  otherProcess?.close();
  otherProcess = null;
  await sandbox?.close();
  sandbox = null;
  await engine?.close();
  engine = null;
});

describe('the token slot comes before the durable send', () => {
  it('writes no `send` for a request still waiting for a slot another process holds', async () => {
    const dir = tempDir();
    let release: (() => void) | null = null;
    let firstRowOut: () => void = () => undefined;
    const firstRowSent = new Promise<void>((resolve) => (firstRowOut = resolve));
    const box = await startSandbox({
      tokens: [{ token: TEST_TOKEN, dailyLimit: 100_000 }],
      onEvent: (event) => {
        // The first case's answer waits: its request keeps this process's only free slot.
        if (event.type === 'request-start' && event.endpoint === 'cases-insert' && !release) {
          release = box.holdAnswers();
          firstRowOut();
        }
      },
    });
    sandbox = box;
    // Another process holds slot 0 of the token: the job has slot 1 alone. A process waiting for
    // a slot connects to its holder, which is how this test learns the second row is waiting.
    const holder = createServer({ pauseOnConnect: true });
    otherProcess = holder;
    const waiterArrived = new Promise<void>((resolve) => holder.once('connection', () => resolve()));
    await new Promise<void>((resolve) =>
      holder.listen(slotAddress(machineLaneKey(box.origin, TEST_TOKEN), 0), resolve),
    );

    engine = await createEngine({
      dataDir: join(dir, 'home'),
      vault: createMemoryVault(),
      lang: 'en',
      frontDoor: 'cli',
      autoResume: false,
    });
    await engine.useConnection(
      { id: 'cases', name: 'cases', target: 'wolkvox-crm-cases', server: box.origin, operation: 'demo' },
      TEST_TOKEN,
    );
    const file = writeCsv(
      join(dir, 'casos.csv'),
      CASE_HEADER,
      Array.from({ length: 5 }, (_, i) => caseRow(i)),
    );
    const { jobId } = await engine.startJob({ path: file, template: CASES_TEMPLATE, connectionId: 'cases' });
    await Promise.all([firstRowSent, waiterArrived]);

    const journal = readFileSync(join(dir, 'home', 'jobs', jobId, 'outcomes.jsonl'), 'utf8');
    const sends = journal.split('\n').filter((line) => line.includes('"t":"send"'));
    expect(sends).toHaveLength(1);

    // The other process lets go: the job goes on and sends every row once.
    holder.close();
    otherProcess = null;
    release!();
    const summary = await engine.settled(jobId);
    expect(summary).toMatchObject({ status: 'finished', ok: 5, uncertain: 0 });
    expect(box.accepted().cases).toHaveLength(5);
  });
});
