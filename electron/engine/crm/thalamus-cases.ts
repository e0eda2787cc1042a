import { CargaError } from '../../../shared/errors/carga-error';
import { classifyThalamusResponse } from '../../../shared/errors/classify';
import { msg } from '../../../shared/messages/catalog';
import { nonEmpty } from './record-values';
import type { TargetAdapter } from './target-adapter';

interface ThalamusCaseBody {
  categoryCode: string;
  typeCode: string;
  status?: string;
  resolution?: string;
  comments?: { description: string }[];
  caseData?: Record<string, string>;
}

/**
 * T4, Thalamus "create case": one case per request as JSON; the row's comment becomes the case's
 * first comment and custom fields go in `caseData`. Thalamus has no quota API.
 */
export const thalamusCases: TargetAdapter = {
  id: 'thalamus-cases',
  maxBatch: 1,

  buildRequest(conn, records) {
    const [record] = records;
    if (!record || records.length !== 1) throw new Error(`thalamus-cases sends one record per request, got ${records.length}.`);
    const touchpoint = conn.connection.touchpoint;
    if (!touchpoint) throw new CargaError(msg('crm.request.missing-touchpoint'));
    const fields = record.fields;
    const body: ThalamusCaseBody = { categoryCode: fields.categoryCode ?? '', typeCode: fields.typeCode ?? '' };
    if (fields.status) body.status = fields.status;
    if (fields.resolution) body.resolution = fields.resolution;
    if (fields.comment) body.comments = [{ description: fields.comment }];
    const caseData = nonEmpty(record.custom);
    if (Object.keys(caseData).length > 0) body.caseData = caseData;
    return {
      method: 'POST',
      url: `${conn.origin}/api/v4/cases`,
      headers: {
        'Thalamus-Touchpoint': touchpoint,
        'Thalamus-Token': conn.token,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(body),
    };
  },

  readResponse: (response) => classifyThalamusResponse(response.status, response.bodyText),
};
