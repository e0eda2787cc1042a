import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { isWolkvoxDateTime } from '../../../electron/sandbox/campaign-handler';
import {
  SANDBOX_TOKEN,
  startSandbox,
  WOLKVOX_MESSAGES,
  type SandboxHandle,
} from '../../../electron/sandbox/sandbox';
import { campaignRecord, campaignUrl, managerFailure, postRecords, send } from './sandbox-requests';

const REQUIRED = WOLKVOX_MESSAGES.parametersRequired;

let sandbox: SandboxHandle;

beforeEach(async () => {
  sandbox = await startSandbox();
});

afterEach(async () => {
  await sandbox.close();
});

describe('adding records to a campaign (T3)', () => {
  it('adds every record and answers the Manager way (numeric code, null error)', async () => {
    const records = [campaignRecord(1, { recall_date: '20260315093000', city: 'Bogotá' }), campaignRecord(2)];

    const answer = await postRecords(sandbox, records, {
      params: { type_campaign: 'preview', campaign_id: '1002', campaign_status: 'stopped' },
    });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ code: 200, error: null, msg: 'Success', data: { records_added: 2 } });
    expect(sandbox.accepted().campaignRecords).toEqual(
      records.map((record) => ({
        campaignId: '1002',
        campaignType: 'preview',
        campaignStatus: 'stopped',
        record,
      })),
    );
  });

  it('answers 405 to any method but POST', async () => {
    const answer = await send(campaignUrl(sandbox), { headers: { 'wolkvox-token': SANDBOX_TOKEN } });

    expect(answer.status).toBe(405);
    expect(answer.body).toEqual(
      managerFailure(405, 'ONLY THE USE OF THE POST METHOD IS ALLOWED IN THIS REQUEST'),
    );
  });

  it.each([
    ['type_campaign', 'progressive'],
    ['campaign_id', ''],
    ['campaign_status', ' '],
  ])('answers 400 SOME PARAMETERS ARE REQUIRED when %s is %j', async (param, value) => {
    const answer = await postRecords(sandbox, [campaignRecord(1)], { params: { [param]: value } });

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(managerFailure(400, REQUIRED));
  });

  it.each([
    ['not JSON', 'tel1=3001234567'],
    ['an object', JSON.stringify(campaignRecord(1))],
    ['an empty array', '[]'],
    ['a record with a number', JSON.stringify([{ customer_name: 'Ana', tel1: 3001234567 }])],
    [
      'a record with a field the Manager does not have',
      JSON.stringify([{ ...campaignRecord(1), telefono: '3001234567' }]),
    ],
    ['a record that is not an object', JSON.stringify(['3001234567'])],
  ])('answers 400 SOME PARAMETERS ARE REQUIRED to a body that is %s', async (_what, body) => {
    const answer = await send(campaignUrl(sandbox), {
      method: 'POST',
      body,
      headers: { 'wolkvox-token': SANDBOX_TOKEN },
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(managerFailure(400, REQUIRED));
    expect(sandbox.accepted().campaignRecords).toEqual([]);
  });

  it('answers 404 CAMPAING_ID X DOES NOT EXIST (sic) for a campaign it does not have', async () => {
    const answer = await postRecords(sandbox, [campaignRecord(1)], { params: { campaign_id: '7' } });

    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(managerFailure(404, 'CAMPAING_ID 7 DOES NOT EXIST IN YOUR OPERATION.'));
  });

  it('answers 412 to more than 10,000 records and adds none', async () => {
    const records = Array.from({ length: 10_001 }, (_, i) => campaignRecord(i));

    const answer = await postRecords(sandbox, records);

    expect(answer.status).toBe(412);
    expect(answer.body).toEqual(
      managerFailure(
        412,
        'YOUR QUERY EXCEEDS THE RECORDS LIMIT (10000), PLEASE DECREASES THE RECORDS NUMBERS',
      ),
    );
    expect(sandbox.accepted().campaignRecords).toEqual([]);
  });

  it('accepts exactly 10,000 records', async () => {
    const answer = await postRecords(
      sandbox,
      Array.from({ length: 10_000 }, (_, i) => campaignRecord(i)),
    );

    expect(answer.status).toBe(200);
    expect(sandbox.accepted().campaignRecords).toHaveLength(10_000);
  });

  it('answers 404 YOU ARE UPLOADING (X)… YOU CAN UPLOAD Y past the license cap and adds none', async () => {
    sandbox.setLicenseCap(3);

    const over = await postRecords(
      sandbox,
      [1, 2, 3, 4].map((n) => campaignRecord(n)),
    );
    const atCap = await postRecords(
      sandbox,
      [1, 2, 3].map((n) => campaignRecord(n)),
    );

    expect(over.status).toBe(404);
    expect(over.body).toEqual(
      managerFailure(
        404,
        'YOU ARE UPLOADING (4) RECORDS TO THE SYSTEM. ACCORDING TO QUANTITY ACTIVE LICENSES, YOU CAN UPLOAD 3. TRY AGAIN.',
      ),
    );
    expect(atCap.status).toBe(200);
    expect(sandbox.accepted().campaignRecords).toHaveLength(3);
  });

  it('takes the license cap from the options', async () => {
    const capped = await startSandbox({ licenseCap: 1 });
    try {
      const answer = await postRecords(capped, [campaignRecord(1), campaignRecord(2)]);
      expect(answer.body).toEqual(
        managerFailure(
          404,
          'YOU ARE UPLOADING (2) RECORDS TO THE SYSTEM. ACCORDING TO QUANTITY ACTIVE LICENSES, YOU CAN UPLOAD 1. TRY AGAIN.',
        ),
      );
    } finally {
      await capped.close();
    }
  });

  it.each(['2026-03-15 09:30', '15/03/2026', '20260231000000', '20260315246000'])(
    'answers 416 to a recall_date %s and adds none',
    async (recall) => {
      const answer = await postRecords(sandbox, [
        campaignRecord(1),
        campaignRecord(2, { recall_date: recall }),
      ]);

      expect(answer.status).toBe(416);
      expect(answer.body).toEqual(
        managerFailure(416, 'THE VALID FORMAT FOR THE (RECALL_DATE) IS YYYYMMDDHHIISS (20211103164009)'),
      );
      expect(sandbox.accepted().campaignRecords).toEqual([]);
    },
  );

  it('adds the records with a dialable tel1, leaves out the others and says how many were added', async () => {
    const good = [
      campaignRecord(1),
      campaignRecord(2, { tel1: '(604) 444-5566' }),
      campaignRecord(3, { tel1: '1234567' }),
    ];
    const bad = [campaignRecord(4, { tel1: '123456' }), { customer_name: 'Sin teléfono' }];

    const answer = await postRecords(sandbox, [good[0], bad[0], good[1], bad[1], good[2]]);

    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(managerFailure(404, '3 RECORDS HAS BEEN ADDED, PLEASE VALIDATE THE DATA'));
    expect(sandbox.accepted().campaignRecords.map((r) => r.record)).toEqual(good);
  });

  it('says 0 RECORDS HAS BEEN ADDED when no record has a dialable tel1', async () => {
    const answer = await postRecords(sandbox, [campaignRecord(1, { tel1: '3.00123E+09' })]);

    expect(answer.body).toEqual(managerFailure(404, '0 RECORDS HAS BEEN ADDED, PLEASE VALIDATE THE DATA'));
    expect(sandbox.accepted().campaignRecords).toEqual([]);
  });
});

describe('isWolkvoxDateTime', () => {
  it('accepts real times written YYYYMMDDHHIISS', () => {
    expect(['20211103164009', '20240229235959', '20260101000000'].map(isWolkvoxDateTime)).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('refuses other shapes and times that do not exist', () => {
    expect(
      [
        '2021110316400',
        '202111031640090',
        '20230229000000',
        '20261301000000',
        '20260101240000',
        '2026010100000a',
      ].map(isWolkvoxDateTime),
    ).toEqual([false, false, false, false, false, false]);
  });
});
