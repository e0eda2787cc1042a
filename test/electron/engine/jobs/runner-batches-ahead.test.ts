import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { SandboxHandle } from '../../../../electron/sandbox/sandbox';
import {
  CAMPAIGN_HEADER,
  CAMPAIGN_TEMPLATE,
  campaignRow,
  TEST_TOKEN,
  useImportFixtures,
  writeCsv,
} from '../../../support/import-fixture';

const openFixture = useImportFixtures();

const ROWS = 45_000;
/** In the fourth batch of 10,000: a row without a phone fails when the pass reads it. */
const INVALID = 35_000;

describe('a pass of batch requests', () => {
  it('reads no batch beyond what its two slots carry while both are in flight', async () => {
    let sandbox: SandboxHandle | null = null;
    let campaignRequests = 0;
    let release: () => void = () => undefined;
    const fixture = await openFixture({
      connection: {
        target: 'wolkvox-campaign',
        campaignId: '1001',
        campaignType: 'predictive',
        campaignStatus: 'active',
      },
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
    const path = writeCsv(
      join(fixture.dir, 'campana.csv'),
      CAMPAIGN_HEADER,
      Array.from({ length: ROWS }, (_, i) => {
        const row = campaignRow(i);
        if (i === INVALID) row[3] = '';
        return row;
      }),
    );
    const started = await fixture.engine.startJob({
      path,
      template: CAMPAIGN_TEMPLATE,
      connectionId: fixture.connection.id,
    });
    await fixture.sandbox.whenInFlight(2, TEST_TOKEN);
    // By the time the file is counted, a pass that read ahead would have reached the fourth batch.
    let job = await fixture.engine.getJob({ jobId: started.jobId });
    while (job.counting) job = await fixture.engine.getJob({ jobId: started.jobId });

    expect(job).toMatchObject({ ok: 10_000, failed: 0, total: ROWS });
    release();
    const summary = await fixture.engine.settled(started.jobId);
    expect(summary).toMatchObject({ status: 'finished', ok: ROWS - 1, failed: 1 });
    expect(fixture.sandbox.accepted().campaignRecords).toHaveLength(ROWS - 1);
  }, 120_000);
});
