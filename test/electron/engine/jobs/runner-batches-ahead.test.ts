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

const ROWS = 55_000;
/** In the fourth and the fifth batch of 10,000: a row without a phone fails when the pass reads it. */
const INVALID = [35_000, 45_000];

describe('a pass of batch requests', () => {
  it('reads one batch ahead while both slots are in flight, and no more', async () => {
    let sandbox: SandboxHandle | null = null;
    let campaignRequests = 0;
    let release: () => void = () => undefined;
    const fixture = await openFixture({
      connection: CAMPAIGN_CONNECTION,
      sandbox: {
        tokens: [{ token: TEST_TOKEN, dailyLimit: 1_000 }],
        // The first batch goes alone and is answered; the answers of the next two are held.
        onEvent: (event) => {
          if (event.type === 'request-start' && event.endpoint === 'campaign-add-record')
            if (++campaignRequests === 2) release = sandbox!.holdAnswers();
        },
      },
    });
    sandbox = fixture.sandbox;
    const path = writeCampaignCsv(fixture.dir, ROWS, INVALID);
    const started = await fixture.start(path, CAMPAIGN_TEMPLATE);
    await fixture.sandbox.whenInFlight(2, TEST_TOKEN);
    // The fourth batch is read while the second and third are in flight: its invalid row fails.
    await vi.waitFor(
      async () => {
        const read = await fixture.engine.getJob({ jobId: started.jobId });
        expect(read.counting).toBeFalsy();
        expect(read.failed).toBeGreaterThan(0);
      },
      { timeout: 30_000 },
    );
    const job = await fixture.engine.getJob({ jobId: started.jobId });
    // By then a pass that read further ahead would have reached the fifth batch too.
    expect(job).toMatchObject({ ok: 10_000, failed: 1, total: ROWS });
    expect(fixture.sandbox.accepted().campaignRecords).toHaveLength(10_000);
    release();
    const summary = await fixture.engine.settled(started.jobId);
    expect(summary).toMatchObject({ status: 'finished', ok: ROWS - 2, failed: 2 });
    expect(fixture.sandbox.accepted().campaignRecords).toHaveLength(ROWS - 2);
  }, 120_000);
});
