import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createEngine, type Engine } from '../../../../electron/engine/engine';
import { createMemoryVault } from '../../../../electron/engine/secrets/memory-vault';
import { SANDBOX_TARGET_TOKENS } from '../../../../electron/sandbox/sandbox';
import { startSandboxConnections } from '../../../../electron/sandbox/sandbox-connections';
import { CASE_HEADER, caseRow, CASES_TEMPLATE, writeCsv } from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
let engine: Engine | null = null;
afterEach(async () => {
  await engine?.close();
  engine = null;
});

describe('resetting the embedded sandbox', () => {
  it('gives a rehearsal that spent the day’s quota its whole day back, on the sandbox and in Carga’s own count', async () => {
    const dir = tempDir();
    // The cases token gets 4 requests a day: a quota read and three cases.
    const tokens = Object.entries(SANDBOX_TARGET_TOKENS).map(([target, token]) => ({
      token,
      dailyLimit: target === 'wolkvox-crm-cases' ? 4 : 4800,
    }));
    const sandbox = await startSandboxConnections({ tokens });
    engine = await createEngine({
      dataDir: join(dir, 'data'),
      vault: createMemoryVault(),
      lang: 'en',
      frontDoor: 'web',
      sandbox,
      autoResume: false,
      timeoutMs: 5_000,
    });
    const connectionId = sandbox.connections.find((c) => c.target === 'wolkvox-crm-cases')!.id;
    const path = writeCsv(
      join(dir, 'casos.csv'),
      CASE_HEADER,
      Array.from({ length: 6 }, (_, n) => caseRow(n)),
    );
    const template = { ...CASES_TEMPLATE, connection: { operation: 'demo' } };
    const twoRows = writeCsv(join(dir, 'dos.csv'), CASE_HEADER, [caseRow(10), caseRow(11)]);

    const first = await engine.startJob({ path, template, connectionId });
    const stopped = await engine.settled(first.jobId);
    // The day's quota ran out partway: the rest waits for midnight.
    expect(stopped.ok).toBeGreaterThan(0);
    expect(stopped.ok).toBeLessThan(6);
    await expect(engine.testConnection({ id: connectionId })).rejects.toThrow();

    const check = () =>
      engine!.checkFile({ checkId: 'c', path: twoRows, template, connectionId }).then((r) => r.quotaDays);
    // Two more cases do not fit in what is left today.
    expect(await check()).toBeGreaterThan(1);

    await engine.resetSandbox();

    // Check counts on the whole day again, before anything else is asked of the sandbox.
    expect(await check()).toBe(1);
    // Resumed at once, with nothing else asked of the sandbox first: Carga's count starts over too.
    await engine.resumeJob({ jobId: first.jobId });
    const resumed = await engine.settled(first.jobId);
    expect(resumed.ok).toBeGreaterThan(stopped.ok);
  });

  it('says there is nothing to reset when Carga runs without the embedded sandbox', async () => {
    engine = await createEngine({
      dataDir: join(tempDir(), 'data'),
      vault: createMemoryVault(),
      lang: 'es',
      frontDoor: 'cli',
      sandbox: null,
      autoResume: false,
    });
    await expect(engine.resetSandbox()).rejects.toMatchObject({ detail: { code: 'engine.no-sandbox' } });
  });
});
