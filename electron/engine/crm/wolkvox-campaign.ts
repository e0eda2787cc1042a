import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { nonEmpty } from './record-values';
import type { TargetAdapter } from './target-adapter';
import { readWolkvoxBatchResponse } from './wolkvox-batch-response';
import { managerQuotaRequest, readManagerQuota } from './wolkvox-quota';

/**
 * T3, wolkvox Manager "add records to a campaign": up to 10,000 records per request as a JSON
 * array of string fields (`customer_name`, `tel1`, `recall_date`…). Campaign type, id and status
 * come from the connection and go in the query.
 */
export const wolkvoxCampaign: TargetAdapter = {
  id: 'wolkvox-campaign',
  maxBatch: 10_000,

  buildRequest(conn, records) {
    const { campaignId, campaignType, campaignStatus } = conn.connection;
    if (!campaignId) throw new CargaError(msg('crm.request.missing-campaign'));
    if (!campaignType) throw new CargaError(msg('crm.request.missing-campaign-type'));
    const query = new URLSearchParams({
      api: 'add_record',
      type_campaign: campaignType,
      campaign_id: campaignId,
    });
    if (campaignStatus) query.set('campaign_status', campaignStatus);
    return {
      method: 'POST',
      url: `${conn.origin}/api/v2/campaign.php?${query.toString()}`,
      headers: {
        'wolkvox-token': conn.token,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      // Bytes, not text: the HTTP client sends a Buffer as it is, where it would copy a string of
      // up to 10,000 records into one more, and the text is garbage at once instead of living in
      // the heap for as long as the request is in flight.
      body: Buffer.from(JSON.stringify(records.map((record) => nonEmpty(record.fields)))),
    };
  },

  readResponse: readWolkvoxBatchResponse,

  quotaRequest: managerQuotaRequest,
  readQuota: readManagerQuota,
  // The Manager's token_info page: "at most one query every 5 minutes".
  quotaReadEveryMs: 5 * 60_000,
};
