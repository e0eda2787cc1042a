import { describe, expect, it, vi } from 'vitest';

import type { SandboxHandle } from '../../../../electron/sandbox/sandbox';
import {
  CAMPAIGN_CONNECTION,
  CAMPAIGN_TEMPLATE,
  TEST_TOKEN,
  useImportFixtures,
  writeCampaignCsv,
} from '../../../support/import-fixture';

const openFixture = useImportFixtures();

const ROWS = 2_000;
/** A row without a phone: it fails as soon as the pass reads it. */
const INVALID = 5;

describe('the quota read at the start of a pass', () => {
  it('goes on while the first batch is read, and that batch is sent only once it is answered', async () => {
    let sandbox: SandboxHandle | null = null;
    let campaignRequests = 0;
    let release: () => void = () => undefined;
    const fixture = await openFixture({
      connection: CAMPAIGN_CONNECTION,
      sandbox: {
        tokens: [{ token: TEST_TOKEN, dailyLimit: 1_000 }],
        onEvent: (event) => {
          if (event.type !== 'request-start') return;
          if (event.endpoint === 'manager-token-info') release = sandbox!.holdAnswers();
          if (event.endpoint === 'campaign-add-record') campaignRequests++;
        },
      },
    });
    sandbox = fixture.sandbox;
    const path = writeCampaignCsv(fixture.dir, ROWS, [INVALID]);
    const started = await fixture.start(path, CAMPAIGN_TEMPLATE);
    await fixture.sandbox.whenInFlight(1, TEST_TOKEN);
    // The quota's answer is held: the rows are read meanwhile (the invalid one fails)…
    await vi.waitFor(
      async () => expect((await fixture.engine.getJob({ jobId: started.jobId })).failed).toBe(1),
      { timeout: 30_000 },
    );
    const job = await fixture.engine.getJob({ jobId: started.jobId });
    // …and none of them is sent before the answer.
    expect(job).toMatchObject({ ok: 0, failed: 1, uncertain: 0 });
    expect(campaignRequests).toBe(0);
    expect(fixture.sandbox.accepted().campaignRecords).toHaveLength(0);

    release();
    const summary = await fixture.engine.settled(started.jobId);
    expect(summary).toMatchObject({ status: 'finished', ok: ROWS - 1, failed: 1, requests: 2 });
    expect(campaignRequests).toBe(1);
    expect(fixture.sandbox.accepted().campaignRecords).toHaveLength(ROWS - 1);
  }, 60_000);

  it('stops the pass when the quota is spent, with no row sent and every valid row pending', async () => {
    const fixture = await openFixture({
      connection: CAMPAIGN_CONNECTION,
      sandbox: { tokens: [{ token: TEST_TOKEN, dailyLimit: 1_000 }] },
    });
    fixture.sandbox.setQuota(TEST_TOKEN, 1_000, 1_000);
    const path = writeCampaignCsv(fixture.dir, ROWS);
    const summary = await fixture.run(path, CAMPAIGN_TEMPLATE);
    expect(summary).toMatchObject({ status: 'waiting-quota', ok: 0, failed: 0, uncertain: 0, pending: ROWS });
    expect(fixture.sandbox.accepted().campaignRecords).toHaveLength(0);
  }, 60_000);
});
