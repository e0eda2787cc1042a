import * as z from 'zod';

import type { Classification } from './classification';
import {
  explainAt,
  failure,
  isSuccess,
  ok,
  parseJson,
  unreadableAnswer,
  type ErrorPlace,
  type Failure,
} from './failure';
import { lookUpWolkvoxMessage } from './wolkvox-error-table';

const wolkvoxBodySchema = z.looseObject({
  code: z.union([z.number(), z.string(), z.null()]).optional(),
  error: z.unknown().optional(),
  msg: z.unknown().optional(),
  data: z.unknown().optional(),
});

/** HTTP reason phrases: a server framework's words for the status, never the CRM's detail. */
const REASON_PHRASES = new Set([
  'BAD REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT FOUND',
  'METHOD NOT ALLOWED',
  'PRECONDITION FAILED',
  'REQUESTED RANGE NOT SATISFIABLE',
  'RANGE NOT SATISFIABLE',
  'EXPECTATION FAILED',
  'INTERNAL SERVER ERROR',
  'ERROR',
  'FAIL',
  'FAILED',
]);

/**
 * What a wolkvox answer (CRM or Manager) means. The body's `code` decides when there is one (the
 * CRM writes `"200"`, the Manager `200`), else the HTTP status. The error text may be in `error`
 * or `msg`, and the CRM's own detail also in `data`; all are matched against seed 001's messages.
 * Anything not understood is a failure: a 2xx without a code, or with an `error` set, is
 * `uncertain` (the record may exist), never a success.
 */
export function classifyWolkvoxResponse(
  status: number,
  bodyText: string,
  place?: ErrorPlace,
): Classification {
  const json = parseJson(bodyText);
  // Nearly every answer is a success: recognise it without building the schema's copy.
  const success = successData(json);
  if (success) return ok([], success.data);
  const parsed = wolkvoxBodySchema.safeParse(json);
  if (!parsed.success) return explainAt(unreadableAnswer(status, bodyText), place);
  const body = parsed.data;
  const bodyCode = readCode(body.code);
  const code = bodyCode ?? status;
  const texts = distinct([textOf(body.error), textOf(body.msg), dataText(body.data)]).filter(
    (text) => !REASON_PHRASES.has(text.toUpperCase()),
  );
  if (isSuccess(code)) {
    if (bodyCode === null)
      return explainAt(failure('uncertain', code, `HTTP ${status}`, 'crm.response.unconfirmed'), place);
    // A success code beside an error text: the CRM may or may not have saved the record.
    return explainAt(
      failure('uncertain', code, texts.join(' — ') || `HTTP ${status}`, 'crm.response.success-with-error', {
        message: texts.join(' — '),
      }),
      place,
    );
  }

  const message = texts.join(' — ') || `HTTP ${status}`;
  for (const text of texts) {
    const detail = texts.find((other) => other !== text) ?? null;
    const known = lookUpWolkvoxMessage(text, detail);
    if (!known) continue;
    const result = failure(known.failureClass, code, message, known.explanation, known.params);
    if (known.allowed !== undefined) result.allowed = known.allowed;
    if (known.added !== undefined) result.added = known.added;
    return explainAt(result, place);
  }
  return explainAt(unknownWolkvoxFailure(code, message), place);
}

/** A wolkvox JSON failure whose message is not in the catalogue: decided by its code. */
function unknownWolkvoxFailure(code: number, message: string): Failure {
  if (code === 401 || code === 403)
    return failure('stop', code, message, 'crm.wolkvox.unknown-forbidden', { message });
  if (code === 408 || code >= 500) return failure('transient', code, message, 'crm.response.temporary');
  if (code === 429) return failure('throttled', code, message, 'crm.response.too-many-requests');
  if (code >= 400 && code < 500 && code !== 405)
    return failure('row', code, message, 'crm.wolkvox.unknown-rejected', { message });
  return failure('stop', code, message, 'crm.wolkvox.unknown-stop', { message });
}

/** A JSON object whose `code` is a 2xx (`200` or `"200"`) and whose `error` is empty: what
 * `classifyWolkvoxResponse` reads as success whatever the HTTP status, with its `data`. */
function successData(json: unknown): { data: unknown } | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const body = json as { code?: unknown; error?: unknown; data?: unknown };
  const code = body.code;
  if (typeof code !== 'number' && typeof code !== 'string') return null;
  const value = readCode(code);
  if (value === null || !isSuccess(value)) return null;
  return body.error === undefined || body.error === null || textOf(body.error) === null
    ? { data: body.data }
    : null;
}

/** `200`, `"200"` → 200; anything else (`"null"`, `""`, `null`) → no code. */
function readCode(code: number | string | null | undefined): number | null {
  if (typeof code === 'number') return Number.isInteger(code) ? code : null;
  if (typeof code === 'string' && /^\d{3}$/.test(code.trim())) return Number(code.trim());
  return null;
}

/** The CRM writes an absent error as the string `"null"`; `false` and `0` say "no error" too. */
function textOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' || text.toLowerCase() === 'null' ? null : text;
}

/** The CRM's own words when it puts them in `data`: a text, or an object's message. */
function dataText(data: unknown): string | null {
  if (typeof data === 'string') return textOf(data);
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    return textOf(record.message) ?? textOf(record.msg) ?? textOf(record.error);
  }
  return null;
}

function distinct(values: (string | null)[]): string[] {
  const seen: string[] = [];
  for (const value of values) if (value !== null && !seen.includes(value)) seen.push(value);
  return seen;
}
