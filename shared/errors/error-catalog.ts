import { z } from 'zod';
import { isMessageCode, msg, type MessageCode } from '../messages/catalog';
import { PLACE_SUFFIXES, type CrmExplanationCode } from '../messages/crm-messages';
import type { MessageParams } from '../messages/message';
import type { Classification } from './classification';
import type { FailureClass } from './failure-class';
import { NETWORK_CODES } from './network-codes';
import { lookUpWolkvoxMessage } from './wolkvox-error-table';

/** Where in the spreadsheet a request came from, when the caller knows (one row per request). */
export interface ErrorPlace {
  row?: number;
  column?: string;
  value?: string;
}

type Failure = Extract<Classification, { kind: 'failure' }>;

/** How much of the CRM's `data` the journal keeps, and of a non-JSON body the message shows. */
const MAX_DATA_CHARS = 2_000;
const MAX_SNIPPET_CHARS = 200;
const MAX_VALUE_CHARS = 80;

const wolkvoxBodySchema = z.looseObject({
  code: z.union([z.number(), z.string(), z.null()]).optional(),
  error: z.unknown().optional(),
  msg: z.unknown().optional(),
  data: z.unknown().optional(),
});

/**
 * What a wolkvox answer (CRM or Manager) means. The body's `code` decides when there is one (the
 * CRM writes `"200"`, the Manager `200`), else the HTTP status. The error text may be in `error`
 * or `msg`; both are matched against seed 001's messages. Anything not understood is a failure:
 * a 2xx without a code is `uncertain` (the record may exist), never a success.
 */
export function classifyWolkvoxResponse(status: number, bodyText: string, place?: ErrorPlace): Classification {
  const json = parseJson(bodyText);
  // Nearly every answer is a success: recognise it without building the schema's copy.
  const success = successData(json);
  if (success) return ok([], success.data);
  const parsed = wolkvoxBodySchema.safeParse(json);
  if (!parsed.success) return explainAt(unreadableAnswer(status, bodyText), place);
  const body = parsed.data;
  const bodyCode = readCode(body.code);
  const code = bodyCode ?? status;
  if (isSuccess(code)) {
    if (bodyCode === null) return explainAt(failure('uncertain', code, `HTTP ${status}`, 'crm.response.unconfirmed'), place);
    return ok([], body.data);
  }

  const texts = distinct([textOf(body.error), textOf(body.msg)]);
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

/**
 * A request that got no answer. Before the request was fully written nothing reached the CRM, so
 * it is safe to send again (`transient`); after, the CRM may have acted on it (`uncertain`). A
 * certificate that cannot be verified or a request that cannot be built will not get better by
 * retrying, so those stop the job.
 */
export function classifyNetworkError(code: string, message: string, sent: boolean, timedOut: boolean, place?: ErrorPlace): Classification {
  const result = ((): Failure => {
    if (isTlsFailure(code)) return failure('stop', code, message, 'crm.network.tls', { code });
    if (isInvalidRequest(code)) return failure('stop', code, message, 'crm.network.invalid-request', { code });
    if (code === NETWORK_CODES.responseTooLarge) return failure('uncertain', code, message, 'crm.network.response-too-large');
    if (code === NETWORK_CODES.cancelled) {
      return sent
        ? failure('uncertain', code, message, 'crm.network.cancelled-after-send')
        : failure('transient', code, message, 'crm.network.cancelled-before-send');
    }
    if (sent) {
      return timedOut
        ? failure('uncertain', code, message, 'crm.network.timeout-after-send')
        : failure('uncertain', code, message, 'crm.network.dropped-after-send', { code });
    }
    if (code === 'ECONNREFUSED') return failure('transient', code, message, 'crm.network.refused');
    if (/^(ENOTFOUND|EAI_)/.test(code)) return failure('transient', code, message, 'crm.network.dns');
    if (timedOut || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
      return failure('transient', code, message, 'crm.network.connect-timeout');
    }
    return failure('transient', code, message, 'crm.network.not-sent', { code });
  })();
  return explainAt(result, place);
}

const THALAMUS_ERRORS: Record<string, CrmExplanationCode> = {
  CodeRequired: 'crm.thalamus.code-required',
  InvalidCode: 'crm.thalamus.invalid-code',
  InvalidName: 'crm.thalamus.invalid-name',
  InitialStatusNotSelected: 'crm.thalamus.initial-status',
  CategorySystemNode: 'crm.thalamus.system-node',
};

const thalamusErrorsSchema = z.looseObject({
  errors: z.record(z.string(), z.union([z.string(), z.array(z.string()).nonempty()])),
});

/**
 * What a Thalamus "create case" answer means: 201 with the new case and its id; 400 with an
 * `errors` object of field → code (`{"errors":{"caseStatus":"InitialStatusNotSelected"}}`);
 * 401/403 when the session, token or touchpoint is not allowed.
 */
export function classifyThalamusResponse(status: number, bodyText: string, place?: ErrorPlace): Classification {
  const json = parseJson(bodyText);
  if (isSuccess(status)) {
    const id = thalamusCaseId(json);
    if (id !== null) return ok([id], json);
    if (status === 201) return ok([], json);
    return explainAt(failure('uncertain', status, `HTTP ${status}`, 'crm.response.unconfirmed'), place);
  }
  if (status === 401 || status === 403) {
    return explainAt(failure('stop', status, messageOf(json, bodyText, status), 'crm.thalamus.unauthorized'), place);
  }
  const errors = thalamusErrorsSchema.safeParse(json);
  if (status === 400 && errors.success && Object.keys(errors.data.errors).length > 0) {
    const entries = Object.entries(errors.data.errors).map(([field, value]): [string, string[]] => [
      field,
      typeof value === 'string' ? [value] : value,
    ]);
    const message = entries.map(([field, codes]) => `${field}: ${codes.join(', ')}`).join('; ');
    const field = entries[0]?.[0] ?? '';
    const error = entries[0]?.[1][0] ?? '';
    const known = Object.hasOwn(THALAMUS_ERRORS, error) ? THALAMUS_ERRORS[error] : undefined;
    const result = known
      ? failure('row', status, message, known, { field })
      : failure('row', status, message, 'crm.thalamus.unknown-error', { field, error });
    return explainAt(result, place);
  }
  if (json === undefined) return explainAt(unreadableAnswer(status, bodyText), place);
  const message = messageOf(json, bodyText, status);
  if (status === 408 || status >= 500) return explainAt(failure('transient', status, message, 'crm.response.temporary'), place);
  if (status === 429) return explainAt(failure('throttled', status, message, 'crm.response.too-many-requests'), place);
  return explainAt(failure('row', status, message, 'crm.thalamus.rejected', { message }), place);
}

/**
 * The same failure, its explanation naming the row (and the column and value when known):
 * "Row 12, column "Ciudad", value "Cali". …". For callers that learn the place after
 * classifying, such as the runner with a target's `readResponse`.
 */
export function explainAt(classification: Classification, place: ErrorPlace | undefined): Classification {
  if (classification.kind !== 'failure' || place?.row === undefined) return classification;
  const suffix = place.column === undefined ? PLACE_SUFFIXES.row : place.value === undefined ? PLACE_SUFFIXES.cell : PLACE_SUFFIXES.value;
  const code = `${classification.explanation.code}${suffix}`;
  if (!isMessageCode(code)) return classification;
  const params: MessageParams = { ...classification.explanation.params, row: place.row };
  if (place.column !== undefined) params.column = place.column;
  if (place.value !== undefined) params.value = shorten(place.value, MAX_VALUE_CHARS);
  return { ...classification, explanation: msg(code, params) };
}

function failure(failureClass: FailureClass, code: number | string, message: string, explanation: MessageCode, params?: MessageParams): Failure {
  const all: MessageParams = { code: String(code), ...params };
  return { kind: 'failure', failureClass, code: String(code), message, explanation: msg(explanation, all) };
}

function ok(ids: string[], data: unknown): Classification {
  const kept = journalData(data);
  return kept === undefined ? { kind: 'ok', ids } : { kind: 'ok', ids, data: kept };
}

/** A body that is not the API's JSON: an HTML error page, a proxy's text, an empty body. */
function unreadableAnswer(status: number, bodyText: string): Failure {
  const snippet = shorten(bodyText.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim(), MAX_SNIPPET_CHARS);
  const message = snippet ? `HTTP ${status}: ${snippet}` : `HTTP ${status}`;
  if (isSuccess(status)) return failure('uncertain', status, message, 'crm.response.unconfirmed');
  if (status === 408 || status >= 500) return failure('transient', status, message, 'crm.response.temporary');
  if (status === 429) return failure('throttled', status, message, 'crm.response.too-many-requests');
  return failure('stop', status, message, 'crm.response.not-api');
}

/** A wolkvox JSON failure whose message is not in the catalogue: decided by its code. */
function unknownWolkvoxFailure(code: number, message: string): Failure {
  if (code === 401 || code === 403) return failure('stop', code, message, 'crm.wolkvox.unknown-forbidden', { message });
  if (code === 408 || code >= 500) return failure('transient', code, message, 'crm.response.temporary');
  if (code === 429) return failure('throttled', code, message, 'crm.response.too-many-requests');
  if (code >= 400 && code < 500 && code !== 405) return failure('row', code, message, 'crm.wolkvox.unknown-rejected', { message });
  return failure('stop', code, message, 'crm.wolkvox.unknown-stop', { message });
}

/** A JSON object whose `code` is a 2xx (`200` or `"200"`): what `classifyWolkvoxResponse` reads as
 * success whatever the HTTP status, with its `data`. */
function successData(json: unknown): { data: unknown } | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const body = json as { code?: unknown; data?: unknown };
  const code = body.code;
  if (typeof code !== 'number' && typeof code !== 'string') return null;
  const value = readCode(code);
  return value !== null && isSuccess(value) ? { data: body.data } : null;
}

function isSuccess(code: number): boolean {
  return code >= 200 && code < 300;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `200`, `"200"` → 200; anything else (`"null"`, `""`, `null`) → no code. */
function readCode(code: number | string | null | undefined): number | null {
  if (typeof code === 'number') return Number.isInteger(code) ? code : null;
  if (typeof code === 'string' && /^\d{3}$/.test(code.trim())) return Number(code.trim());
  return null;
}

/** The CRM writes an absent error as the string `"null"`. */
function textOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' || text.toLowerCase() === 'null' ? null : text;
}

function distinct(values: (string | null)[]): string[] {
  const seen: string[] = [];
  for (const value of values) if (value !== null && !seen.includes(value)) seen.push(value);
  return seen;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function journalData(data: unknown): unknown {
  if (data === undefined) return undefined;
  const text = JSON.stringify(data);
  if (text === undefined) return undefined;
  return text.length <= MAX_DATA_CHARS ? data : shorten(text, MAX_DATA_CHARS);
}

function isTlsFailure(code: string): boolean {
  return /CERT|^ERR_TLS_|^ERR_SSL_|^EPROTO$/.test(code);
}

function isInvalidRequest(code: string): boolean {
  return code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN';
}

const idSchema = z.union([z.string().min(1), z.number()]);

/** Thalamus does not document where the new case's id sits beside the session context it returns;
 * the case's own object is looked at before any top-level id. */
function thalamusCaseId(json: unknown): string | null {
  const paths = [['case', 'id'], ['data', 'case', 'id'], ['caseId'], ['data', 'id'], ['result', 'id'], ['id']];
  for (const path of paths) {
    let node: unknown = json;
    for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    const id = idSchema.safeParse(node);
    if (id.success) return String(id.data);
  }
  return null;
}

function messageOf(json: unknown, bodyText: string, status: number): string {
  const fields = z.looseObject({ message: z.string().optional(), error: z.string().optional() }).safeParse(json);
  const text = fields.success ? (fields.data.message ?? fields.data.error) : undefined;
  return text ?? (shorten(bodyText.trim(), MAX_SNIPPET_CHARS) || `HTTP ${status}`);
}
