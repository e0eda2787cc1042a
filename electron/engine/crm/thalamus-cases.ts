import { CargaError } from '../../../shared/errors/carga-error';
import { classifyThalamusResponse } from '../../../shared/errors/classify';
import { wireValue, type WireValue } from '../../../shared/mapping/declared-types';
import { msg } from '../../../shared/messages/catalog';
import { nonEmpty } from './record-values';
import type { TargetAdapter } from './target-adapter';

interface ThalamusCaseBody {
  categoryCode: string;
  typeCode: string;
  status?: string;
  resolution?: string;
  comments?: { description: string }[];
  caseData?: Record<string, WireValue>;
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
    if (!record || records.length !== 1)
      throw new Error(`thalamus-cases sends one record per request, got ${records.length}.`);
    const touchpoint = conn.connection.touchpoint;
    if (!touchpoint) throw new CargaError(msg('crm.request.missing-touchpoint'));
    const fields = record.fields;
    const body: ThalamusCaseBody = {
      categoryCode: fields.categoryCode ?? '',
      typeCode: fields.typeCode ?? '',
    };
    if (fields.status) body.status = fields.status;
    if (fields.resolution) body.resolution = fields.resolution;
    if (fields.comment) body.comments = [{ description: fields.comment }];
    const custom = Object.entries(nonEmpty(record.custom));
    if (custom.length > 0)
      body.caseData = Object.fromEntries(
        custom.map(([name, value]) => [name, wireValue(record.types?.[name], value)]),
      );
    // Thalamus keeps the session by Basic auth: the row's party logs in with the connection's
    // party password (empty on passwordless touchpoints).
    const basic = Buffer.from(`${fields.party ?? ''}:${conn.partyPassword ?? ''}`, 'utf8').toString('base64');
    return {
      method: 'POST',
      url: `${conn.origin}/api/v4/cases`,
      headers: {
        'Thalamus-Touchpoint': touchpoint,
        'Thalamus-Token': conn.token,
        Authorization: `Basic ${basic}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(body),
    };
  },

  readResponse: (response) => classifyThalamusResponse(response.status, response.bodyText),
};
