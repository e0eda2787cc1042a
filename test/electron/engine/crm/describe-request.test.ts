import { describe, expect, it } from 'vitest';

import { describeRequest } from '../../../../electron/engine/crm/describe-request';
import { thalamusCases } from '../../../../electron/engine/crm/thalamus-cases';
import { wolkvoxCampaign } from '../../../../electron/engine/crm/wolkvox-campaign';
import { wolkvoxCrmCases } from '../../../../electron/engine/crm/wolkvox-crm-cases';
import { record, resolved, TOKEN } from './connection-fixture';

describe('describeRequest', () => {
  it('shows a multipart body as name: value lines', () => {
    const request = wolkvoxCrmCases.buildRequest(resolved({ target: 'wolkvox-crm-cases', operation: 'op' }), [
      record(
        {
          'case-type': 'Request',
          responsible: 'a@op',
          owner: 'b@op',
          contact: 'c@x.com',
          description: 'Línea uno\nLínea dos',
          status: 'open',
          priority: 'low',
        },
        { Ciudad: 'Cali' },
      ),
    ]);
    expect(describeRequest(request)).toEqual({
      method: 'POST',
      url: 'https://crm0000.wolkvox.com/server/API/v2/cases/insert.php',
      body: [
        'operation: op',
        'case-type: Request',
        'responsible: a@op',
        'owner: b@op',
        'contact: c@x.com',
        'description: Línea uno',
        '  Línea dos',
        'status: open',
        'priority: low',
        'form: {"Ciudad":"Cali"}',
      ].join('\n'),
    });
  });

  it('shows a JSON body indented, and the URL as sent', () => {
    const conn = resolved(
      { target: 'wolkvox-campaign', campaignId: '7', campaignType: 'preview' },
      'https://wv0032.wolkvox.com',
    );
    const description = describeRequest(
      wolkvoxCampaign.buildRequest(conn, [record({ customer_name: 'Ana', tel1: '3001234567' })]),
    );
    expect(description.url).toBe(
      'https://wv0032.wolkvox.com/api/v2/campaign.php?api=add_record&type_campaign=preview&campaign_id=7',
    );
    expect(description.body).toBe('[\n  {\n    "customer_name": "Ana",\n    "tel1": "3001234567"\n  }\n]');
  });

  it('never shows the token: headers are left out, and a token in the query or body is masked', () => {
    const request = thalamusCases.buildRequest(
      resolved({ target: 'thalamus-cases', touchpoint: 'tp' }, 'https://api.thalamus.example'),
      [record({ categoryCode: 'R', typeCode: 'T', comment: `pegué el token ${TOKEN} por error` })],
    );
    const description = describeRequest({ ...request, url: `${request.url}?touchpoint=tp&token=${TOKEN}` });
    expect(JSON.stringify(description)).not.toContain(TOKEN);
    expect(description.url).toBe('https://api.thalamus.example/api/v4/cases?touchpoint=tp&token=****');
    expect(description.body).toContain('"description": "pegué el token **** por error"');
  });

  it('shows a GET without a body', () => {
    const quota = wolkvoxCampaign.quotaRequest?.(
      resolved({ target: 'wolkvox-campaign' }, 'https://wv0032.wolkvox.com'),
    );
    expect(quota && describeRequest(quota)).toEqual({
      method: 'GET',
      url: 'https://wv0032.wolkvox.com/api/v2/information.php?api=token_info',
      body: '',
    });
  });
});
