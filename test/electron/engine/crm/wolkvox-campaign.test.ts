import { describe, expect, it } from 'vitest';

import { wolkvoxCampaign } from '../../../../electron/engine/crm/wolkvox-campaign';
import { CargaError } from '../../../../shared/errors/carga-error';
import { record, resolved, TOKEN } from './connection-fixture';

const origin = 'https://wv0032.wolkvox.com';
const conn = resolved(
  { target: 'wolkvox-campaign', campaignId: '7', campaignType: 'predictive', campaignStatus: 'active' },
  origin,
);

describe('wolkvox Manager campaign records', () => {
  it('posts a JSON array of records to add_record, campaign in the query', () => {
    const request = wolkvoxCampaign.buildRequest(conn, [
      record({
        customer_name: 'Ana',
        customer_last_name: 'Pérez',
        tel1: '3001234567',
        tel2: '',
        recall_date: '20260305090000',
      }),
      record({ customer_name: 'Luis', tel1: '6012345678', opt1: 'Cartera 90 días' }),
    ]);
    expect(request.method).toBe('POST');
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://wv0032.wolkvox.com/api/v2/campaign.php');
    expect([...url.searchParams]).toEqual([
      ['api', 'add_record'],
      ['type_campaign', 'predictive'],
      ['campaign_id', '7'],
      ['campaign_status', 'active'],
    ]);
    expect(request.headers).toEqual({
      'wolkvox-token': TOKEN,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    // UTF-8 bytes, sent as they are (no copy of a 10,000-record text per request in flight).
    expect(request.body).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(Buffer.from(request.body!).toString('utf8'))).toEqual([
      {
        customer_name: 'Ana',
        customer_last_name: 'Pérez',
        tel1: '3001234567',
        recall_date: '20260305090000',
      },
      { customer_name: 'Luis', tel1: '6012345678', opt1: 'Cartera 90 días' },
    ]);
    expect(wolkvoxCampaign.maxBatch).toBe(10_000);
  });

  it('leaves campaign_status out when the connection has none, and encodes values', () => {
    const preview = resolved(
      { target: 'wolkvox-campaign', campaignId: '7&x=1', campaignType: 'preview' },
      origin,
    );
    const url = new URL(wolkvoxCampaign.buildRequest(preview, [record({ customer_name: 'Ana' })]).url);
    expect([...url.searchParams]).toEqual([
      ['api', 'add_record'],
      ['type_campaign', 'preview'],
      ['campaign_id', '7&x=1'],
    ]);
  });

  it('needs the campaign id and type', () => {
    expect(() =>
      wolkvoxCampaign.buildRequest(
        resolved({ target: 'wolkvox-campaign', campaignType: 'preview' }, origin),
        [record({})],
      ),
    ).toThrow(CargaError);
    expect(() =>
      wolkvoxCampaign.buildRequest(resolved({ target: 'wolkvox-campaign', campaignId: '7' }, origin), [
        record({}),
      ]),
    ).toThrow(CargaError);
  });

  it('reads the license cap and partial adds', () => {
    const cap =
      'YOU ARE UPLOADING (10000) RECORDS TO THE SYSTEM. ACCORDING TO QUANTITY ACTIVE LICENSES, YOU CAN UPLOAD 3000. TRY AGAIN.';
    expect(
      wolkvoxCampaign.readResponse(
        { status: 404, bodyText: JSON.stringify({ code: 404, error: cap, msg: cap, data: null }) },
        10_000,
      ),
    ).toMatchObject({
      failureClass: 'batch',
      allowed: 3000,
    });
    const partial = '9000 RECORDS HAS BEEN ADDED, PLEASE VALIDATE THE DATA';
    expect(
      wolkvoxCampaign.readResponse(
        { status: 404, bodyText: JSON.stringify({ code: 404, error: partial, msg: partial, data: null }) },
        10_000,
      ),
    ).toMatchObject({
      failureClass: 'partial',
      added: 9000,
    });
  });

  it('asks token_info for the quota and reads it wherever the answer puts it', () => {
    expect(wolkvoxCampaign.quotaRequest?.(conn)).toEqual({
      method: 'GET',
      url: 'https://wv0032.wolkvox.com/api/v2/information.php?api=token_info',
      headers: { 'wolkvox-token': TOKEN, Accept: 'application/json' },
    });
    const figures = {
      token_limit: 5000,
      token_use_today: 40,
      all_token_today: 300,
      available_consumption_options: 4700,
    };
    const answer = (body: object) => ({
      status: 200,
      bodyText: JSON.stringify({ code: 200, error: null, msg: 'Success', ...body }),
    });
    const expected = { limit: 5000, usedToday: 40, remaining: 4700 };
    expect(wolkvoxCampaign.readQuota?.(answer({ data: figures }))).toEqual(expected);
    expect(wolkvoxCampaign.readQuota?.(answer({ data: [figures] }))).toEqual(expected);
    expect(wolkvoxCampaign.readQuota?.(answer(figures))).toEqual(expected);
    expect(
      wolkvoxCampaign.readQuota?.(
        answer({ data: { token_limit: '5000', token_use_today: '40', all_token_today: '300' } }),
      ),
    ).toEqual({
      limit: 5000,
      usedToday: 40,
      remaining: 4700,
    });
    expect(wolkvoxCampaign.readQuota?.(answer({ data: {} }))).toMatchObject({
      kind: 'failure',
      explanation: { code: 'crm.quota.unreadable' },
    });
  });
});
