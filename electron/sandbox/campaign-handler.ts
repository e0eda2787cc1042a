/**
 * T3: `POST /api/v2/campaign.php?api=add_record&type_campaign=…&campaign_id=…&campaign_status=…`
 * with a JSON array of records.
 *
 * What the sandbox checks, in this order (the first problem found is answered, and nothing is
 * added unless the answer says so):
 * 1. `type_campaign` is predictive or preview, `campaign_id` and `campaign_status` are not blank
 *    (any status is taken: its values are not documented) → 400 SOME PARAMETERS ARE REQUIRED;
 * 2. the campaign exists → 404 CAMPAING_ID X DOES NOT EXIST IN YOUR OPERATION. (sic);
 * 3. the body is a non-empty JSON array → 400; of at most 10,000 records → 412;
 * 4. every record is an object of known fields with text values → 400;
 * 5. at most `licenseCap` records → 404 YOU ARE UPLOADING (X)… YOU CAN UPLOAD Y;
 * 6. every `recall_date` sent is a real YYYYMMDDHHIISS time → 416;
 * 7. records whose `tel1` is not a phone number of at least 7 digits (separators allowed) are
 *    left out; the others are added, and
 *    when any was left out the answer is 404 X RECORDS HAS BEEN ADDED (X = added).
 */
import * as z from 'zod';

import type { AcceptedCampaignRecord } from './accepted-records';
import type { Endpoint } from './endpoint';
import { readJsonBody } from './json-body';
import { CAMPAIGN_RECORD_FIELDS } from './seeded-data';
import { failureReply, parametersRequiredReply, successReply, WOLKVOX_MESSAGES } from './wolkvox-replies';

export const MAX_RECORDS_PER_REQUEST = 10_000;
/** Far above 10,000 full records; a larger body cannot be a valid batch. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MIN_PHONE_DIGITS = 7;

const paramsSchema = z.object({
  type_campaign: z.enum(['predictive', 'preview']),
  campaign_id: z.string().trim().min(1),
  campaign_status: z.string().trim().min(1),
});

const recordSchema = z.strictObject(
  Object.fromEntries(CAMPAIGN_RECORD_FIELDS.map((name) => [name, z.string().optional()])),
);

/** YYYYMMDDHHIISS naming a time that exists (no 31 February, no hour 24). */
export function isWolkvoxDateTime(text: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

/** Digits, with the separators people write between them; `3.00123E+09` (Excel's scientific
 * notation) is not a phone number. */
function hasDialablePhone(record: Record<string, string | undefined>): boolean {
  const digits = (record.tel1 ?? '').replace(/^\s*\+/, '').replace(/[\s().-]/g, '');
  return /^\d+$/.test(digits) && digits.length >= MIN_PHONE_DIGITS;
}

export const campaignAddRecordEndpoint: Endpoint = {
  name: 'campaign-add-record',
  style: 'manager',
  method: 'POST',
  takesInjections: true,
  async prepare(req, url, { config, store }) {
    const params = paramsSchema.safeParse(Object.fromEntries(url.searchParams));
    if (!params.success) return { kind: 'refuse', reply: parametersRequiredReply('manager') };
    const {
      type_campaign: campaignType,
      campaign_id: campaignId,
      campaign_status: campaignStatus,
    } = params.data;
    if (!config.campaigns.has(campaignId)) {
      return {
        kind: 'refuse',
        reply: failureReply('manager', 404, WOLKVOX_MESSAGES.campaignDoesNotExist(campaignId)),
      };
    }

    const body = await readJsonBody(req, MAX_BODY_BYTES);
    if (body.kind === 'too-large')
      return { kind: 'refuse', reply: failureReply('manager', 412, WOLKVOX_MESSAGES.recordsLimit) };
    if (body.kind === 'malformed' || !Array.isArray(body.value) || body.value.length === 0) {
      return { kind: 'refuse', reply: parametersRequiredReply('manager') };
    }
    if (body.value.length > MAX_RECORDS_PER_REQUEST)
      return { kind: 'refuse', reply: failureReply('manager', 412, WOLKVOX_MESSAGES.recordsLimit) };
    const records = z.array(recordSchema).safeParse(body.value);
    if (!records.success) return { kind: 'refuse', reply: parametersRequiredReply('manager') };

    const count = records.data.length;
    if (count > config.licenseCap) {
      return {
        kind: 'refuse',
        reply: failureReply('manager', 404, WOLKVOX_MESSAGES.licenseCap(count, config.licenseCap)),
      };
    }
    if (
      records.data.some(
        ({ recall_date: recall }) => recall !== undefined && recall !== '' && !isWolkvoxDateTime(recall),
      )
    ) {
      return { kind: 'refuse', reply: failureReply('manager', 416, WOLKVOX_MESSAGES.recallDateFormat) };
    }

    const dialable = records.data.filter(hasDialablePhone);
    return {
      kind: 'accept',
      commit: () => {
        store.addCampaignRecords(
          dialable.map((record): AcceptedCampaignRecord => ({
            campaignId,
            campaignType,
            campaignStatus,
            record: Object.fromEntries(
              Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined),
            ),
          })),
        );
        return dialable.length < count
          ? failureReply('manager', 404, WOLKVOX_MESSAGES.recordsAdded(dialable.length))
          : successReply('manager', { records_added: count });
      },
    };
  },
};
