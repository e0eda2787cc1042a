import { isMessageCode, msg, type MessageCode } from '../messages/catalog';
import { PLACE_SUFFIXES } from '../messages/crm-messages';
import type { MessageParams } from '../messages/message';
import type { Classification } from './classification';
import type { FailureClass } from './failure-class';

/** Where in the spreadsheet a request came from, when the caller knows (one row per request). */
export interface ErrorPlace {
  row?: number;
  column?: string;
  value?: string;
}

export type Failure = Extract<Classification, { kind: 'failure' }>;

/** How much of the CRM's `data` the journal keeps, and of a non-JSON body the message shows. */
const MAX_DATA_CHARS = 2_000;
export const MAX_SNIPPET_CHARS = 200;
const MAX_VALUE_CHARS = 80;

/**
 * The same failure, its explanation naming the row (and the column and value when known):
 * "Row 12, column "Ciudad", value "Cali". …". For callers that learn the place after
 * classifying, such as the runner with a target's `readResponse`.
 */
export function explainAt(classification: Classification, place: ErrorPlace | undefined): Classification {
  if (classification.kind !== 'failure' || place?.row === undefined) return classification;
  const suffix =
    place.column === undefined
      ? PLACE_SUFFIXES.row
      : place.value === undefined
        ? PLACE_SUFFIXES.cell
        : PLACE_SUFFIXES.value;
  const code = `${classification.explanation.code}${suffix}`;
  if (!isMessageCode(code)) return classification;
  const params: MessageParams = { ...classification.explanation.params, row: place.row };
  if (place.column !== undefined) params.column = place.column;
  if (place.value !== undefined) params.value = shorten(place.value, MAX_VALUE_CHARS);
  return { ...classification, explanation: msg(code, params) };
}

export function failure(
  failureClass: FailureClass,
  code: number | string,
  message: string,
  explanation: MessageCode,
  params?: MessageParams,
): Failure {
  const all: MessageParams = { code: String(code), ...params };
  return { kind: 'failure', failureClass, code: String(code), message, explanation: msg(explanation, all) };
}

export function ok(ids: string[], data: unknown): Classification {
  const kept = journalData(data);
  return kept === undefined ? { kind: 'ok', ids } : { kind: 'ok', ids, data: kept };
}

/** A body that is not the API's JSON: an HTML error page, a proxy's text, an empty body. */
export function unreadableAnswer(status: number, bodyText: string): Failure {
  const snippet = shorten(
    bodyText
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
    MAX_SNIPPET_CHARS,
  );
  const message = snippet ? `HTTP ${status}: ${snippet}` : `HTTP ${status}`;
  if (isSuccess(status)) return failure('uncertain', status, message, 'crm.response.unconfirmed');
  if (status === 408 || status >= 500) return failure('transient', status, message, 'crm.response.temporary');
  if (status === 429) return failure('throttled', status, message, 'crm.response.too-many-requests');
  return failure('stop', status, message, 'crm.response.not-api');
}

export function isSuccess(code: number): boolean {
  return code >= 200 && code < 300;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function journalData(data: unknown): unknown {
  if (data === undefined) return undefined;
  const text = JSON.stringify(data);
  if (text === undefined) return undefined;
  return text.length <= MAX_DATA_CHARS ? data : shorten(text, MAX_DATA_CHARS);
}
