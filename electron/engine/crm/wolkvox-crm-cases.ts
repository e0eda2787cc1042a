import { CargaError } from '../../../shared/errors/carga-error';
import { classifyWolkvoxResponse } from '../../../shared/errors/classify';
import { msg } from '../../../shared/messages/catalog';
import { multipartBody } from './multipart-body';
import { nonEmpty } from './record-values';
import type { TargetAdapter } from './target-adapter';
import { crmQuotaRequest, readCrmQuota } from './wolkvox-quota';

/** The required fields, always sent, in the order the CRM's own examples send them. */
const CASE_FIELDS = [
  'operation',
  'case-type',
  'responsible',
  'owner',
  'contact',
  'description',
  'status',
  'priority',
] as const;
const MAX_ID_CHARS = 200;

/**
 * T1, wolkvox CRM "insert case": one case per request, multipart/form-data (the CRM rejects JSON
 * and urlencoded bodies). Custom fields travel as one JSON object in `form`, keys exactly as
 * configured in the CRM; blank values are left out.
 */
export const wolkvoxCrmCases: TargetAdapter = {
  id: 'wolkvox-crm-cases',
  maxBatch: 1,

  buildRequest(conn, records) {
    const [record] = records;
    if (!record || records.length !== 1)
      throw new Error(`wolkvox-crm-cases sends one record per request, got ${records.length}.`);
    const fields = { ...record.fields };
    const operation = fields.operation || conn.connection.operation;
    if (!operation) throw new CargaError(msg('crm.request.missing-operation'));
    fields.operation = operation;

    const form: Array<[string, string]> = [];
    for (const key of CASE_FIELDS) form.push([key, fields[key] ?? '']);
    const known = new Set<string>([...CASE_FIELDS]);
    // `solution` and any further field the mapping produced: only when it holds something.
    for (const [key, value] of Object.entries(fields)) {
      if (!known.has(key) && value !== '') form.push([key, value]);
    }
    const custom = nonEmpty(record.custom);
    if (Object.keys(custom).length > 0) form.push(['form', JSON.stringify(custom)]);
    const { contentType, body } = multipartBody(form);

    return {
      method: 'POST',
      url: `${conn.origin}/server/API/v2/cases/insert.php`,
      headers: {
        'Wolkvox-Token': conn.token,
        'Content-Type': contentType,
        Accept: 'application/json',
      },
      body,
    };
  },

  readResponse(response) {
    const classification = classifyWolkvoxResponse(response.status, response.bodyText);
    if (classification.kind !== 'ok') return classification;
    const id = caseId(classification.data);
    return id === null ? classification : { ...classification, ids: [id] };
  },

  quotaRequest: crmQuotaRequest,
  readQuota: (response) => readCrmQuota(response),
};

/** The CRM does not document the case id: keep what `data` holds, preferring an id field. */
function caseId(data: unknown): string | null {
  if (data === undefined || data === null || data === '') return null;
  if (typeof data === 'string' || typeof data === 'number') return String(data);
  if (typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    for (const key of ['id_case', 'idcase', 'case_id', 'id']) {
      const value = record[key];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  }
  return JSON.stringify(data).slice(0, MAX_ID_CHARS);
}
