import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { QuotaLedger } from '../../../../electron/engine/quota/quota-ledger';
import type { SandboxEvent } from '../../../../electron/sandbox/sandbox';
import {
  CAMPAIGN_CONNECTION,
  CAMPAIGN_HEADER,
  CAMPAIGN_TEMPLATE,
  campaignRow,
  TEST_TOKEN,
  useImportFixtures,
  writeCsv,
} from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const openFixture = useImportFixtures();

const TOKEN_INFO = '/api/v2/information.php';

describe("the Manager's token information (T3): at most one read every 5 minutes", () => {
  it('Test, Test again and the import right after read it once; the figures still count every request', async () => {
    const paths: string[] = [];
    const fixture = await openFixture({
      sandbox: {
        onEvent: (event: SandboxEvent) => {
          if (event.type === 'request-end') paths.push(event.path);
        },
      },
      connection: CAMPAIGN_CONNECTION,
    });
    fixture.sandbox.setQuota(TEST_TOKEN, 1000, 10);

    const first = await fixture.engine.testConnection({ id: fixture.connection.id });
    expect(first).toMatchObject({ limit: 1000, remaining: 989 });
    const second = await fixture.engine.testConnection({ id: fixture.connection.id });
    expect(second).toMatchObject({ limit: 1000, remaining: 989, usedToday: 11 });
    const file = writeCsv(join(fixture.dir, 'campana.csv'), CAMPAIGN_HEADER, [
      campaignRow(1),
      campaignRow(2),
    ]);
    // One request: the upload; no read of the figures went out.
    expect(await fixture.run(file, CAMPAIGN_TEMPLATE)).toMatchObject({
      status: 'finished',
      ok: 2,
      requests: 1,
    });
    expect(paths.filter((path) => path === TOKEN_INFO)).toHaveLength(1);
    // The upload counted forward: one more request of the day.
    expect(await fixture.engine.testConnection({ id: fixture.connection.id })).toMatchObject({
      remaining: 988,
    });
    expect(paths.filter((path) => path === TOKEN_INFO)).toHaveLength(1);
  });

  it('the CRM (T1) has no such rule: each Test reads its figures', async () => {
    const paths: string[] = [];
    const fixture = await openFixture({
      sandbox: {
        onEvent: (event: SandboxEvent) => {
          if (event.type === 'request-end') paths.push(event.path);
        },
      },
    });
    await fixture.engine.testConnection({ id: fixture.connection.id });
    await fixture.engine.testConnection({ id: fixture.connection.id });
    expect(paths.filter((path) => path.endsWith('tokenInformation.php'))).toHaveLength(2);
  });
});

describe("the quota ledger's last provider figures", () => {
  it('stand for a read for 5 minutes, across processes sharing the file, and never into another day', () => {
    const path = join(tempDir(), 'token.jsonl');
    let clock = Date.parse('2026-11-22T10:00:00');
    const now = () => clock;
    const FIVE_MINUTES = 5 * 60_000;
    const app = new QuotaLedger(path, undefined, now);
    expect(app.providerQuota(FIVE_MINUTES)).toBeNull();
    app.observe({ limit: 100, usedToday: 40 });
    app.reserve();
    expect(app.providerQuota(FIVE_MINUTES)).toEqual({ limit: 100, usedToday: 41, remaining: 59 });

    clock += FIVE_MINUTES - 1;
    const cli = new QuotaLedger(path, undefined, now);
    expect(cli.providerQuota(FIVE_MINUTES)).toEqual({ limit: 100, usedToday: 41, remaining: 59 });
    clock += 1;
    expect(cli.providerQuota(FIVE_MINUTES)).toBeNull();

    app.observe({ limit: 100, usedToday: 50 });
    clock = Date.parse('2026-11-23T00:00:01');
    expect(app.providerQuota(FIVE_MINUTES)).toBeNull();
  });
});
