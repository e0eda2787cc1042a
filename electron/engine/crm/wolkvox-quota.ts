import * as z from 'zod';

import type { QuotaInfo } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import type { Classification } from '../../../shared/errors/classification';
import { classifyWolkvoxResponse } from '../../../shared/errors/classify';
import { msg } from '../../../shared/messages/catalog';
import type { HttpRequest, HttpResponse, ResolvedConnection } from './target-adapter';

export type ProviderQuota = Omit<QuotaInfo, 'countedToday'>;

/** Reading a token's quota costs one request of that quota. */
export function crmQuotaRequest(conn: ResolvedConnection): HttpRequest {
  const operation = conn.connection.operation;
  if (!operation) throw new CargaError(msg('crm.request.missing-operation'));
  const query = new URLSearchParams({ operation });
  return {
    method: 'GET',
    url: `${conn.origin}/server/API/v2/token/tokenInformation.php?${query.toString()}`,
    headers: { 'Wolkvox-Token': conn.token, Accept: 'application/json' },
  };
}

export function managerQuotaRequest(conn: ResolvedConnection): HttpRequest {
  return {
    method: 'GET',
    url: `${conn.origin}/api/v2/information.php?api=token_info`,
    headers: { 'wolkvox-token': conn.token, Accept: 'application/json' },
  };
}

/** wolkvox writes numbers as numbers (Manager) or as strings (CRM). */
const count = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/),
  ])
  .transform(Number);

const crmQuotaSchema = z.looseObject({
  data: z.looseObject({
    token_limit: count,
    token_use_today: count,
    // sic: the CRM's spelling.
    available_consumition_options: count.optional(),
    hours_to_restart_count: count.optional(),
  }),
});

/** CRM `tokenInformation.php`: `data: {token_limit, token_use_today, available_consumition_options,
 * hours_to_restart_count}`. */
export function readCrmQuota(response: HttpResponse, now: Date = new Date()): ProviderQuota | Classification {
  const classification = classifyWolkvoxResponse(response.status, response.bodyText);
  if (classification.kind === 'failure') return classification;
  const parsed = crmQuotaSchema.safeParse(parseJson(response.bodyText));
  if (!parsed.success) return unreadable(response);
  const data = parsed.data.data;
  const quota: ProviderQuota = {
    limit: data.token_limit,
    usedToday: data.token_use_today,
    remaining: data.available_consumition_options ?? Math.max(0, data.token_limit - data.token_use_today),
  };
  if (data.hours_to_restart_count !== undefined) {
    quota.resetsAt = new Date(now.getTime() + data.hours_to_restart_count * 3_600_000).toISOString();
  }
  return quota;
}

const managerQuotaFields = z.looseObject({
  token_limit: count,
  token_use_today: count,
  all_token_today: count.optional(),
  available_consumption_options: count.optional(),
});

/** Manager `information.php?api=token_info`: the figures sit in `data` (an object, or a list of
 * one) or, in older answers, beside `code`. */
export function readManagerQuota(response: HttpResponse): ProviderQuota | Classification {
  const classification = classifyWolkvoxResponse(response.status, response.bodyText);
  if (classification.kind === 'failure') return classification;
  const body = parseJson(response.bodyText);
  const data = body !== null && typeof body === 'object' && 'data' in body ? body.data : undefined;
  const candidates = [Array.isArray(data) ? data[0] : data, body];
  for (const candidate of candidates) {
    const parsed = managerQuotaFields.safeParse(candidate);
    if (!parsed.success) continue;
    const fields = parsed.data;
    // The daily limit is the operation's (licenses × 1000); other tokens' use today counts too.
    const used = Math.max(fields.token_use_today, fields.all_token_today ?? 0);
    return {
      limit: fields.token_limit,
      usedToday: fields.token_use_today,
      remaining: fields.available_consumption_options ?? Math.max(0, fields.token_limit - used),
    };
  }
  return unreadable(response);
}

function unreadable(response: HttpResponse): Classification {
  return {
    kind: 'failure',
    failureClass: 'stop',
    code: String(response.status),
    message: response.bodyText.slice(0, 200),
    explanation: msg('crm.quota.unreadable'),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
