import * as z from 'zod';

import type { CrmExplanationCode } from '../messages/crm-messages';
import type { Classification } from './classification';
import {
  explainAt,
  failure,
  isSuccess,
  MAX_SNIPPET_CHARS,
  ok,
  parseJson,
  shorten,
  unreadableAnswer,
  type ErrorPlace,
} from './failure';

/** The codes of a 400's `errors` object (doc.thalamus.global), each with its explanation and fix. */
const THALAMUS_ERRORS: Record<string, CrmExplanationCode> = {
  CodeRequired: 'crm.thalamus.code-required',
  InvalidCode: 'crm.thalamus.invalid-code',
  InvalidName: 'crm.thalamus.invalid-name',
  InitialStatusNotSelected: 'crm.thalamus.initial-status',
  InitialResolutionTypeNotSelected: 'crm.thalamus.initial-resolution',
  CategorySystemNode: 'crm.thalamus.system-node',
  InvalidValue: 'crm.thalamus.invalid-value',
};

const CASE_DATA_PREFIX = 'caseData.';

const thalamusErrorsSchema = z.looseObject({
  errors: z.record(z.string(), z.union([z.string(), z.array(z.string()).nonempty()])),
});

/**
 * What a Thalamus "create case" answer means: 201 with the common envelope holding the new case
 * (`data.entity.id`); 400 with an `errors` object of field → code
 * (`{"errors":{"caseStatus":"InitialStatusNotSelected"}}`); 401 `{"errors":{"session":"NotLoggedIn"}}`
 * when the party could not log in (marked `partyRefused`, so the runner decides whether that
 * stops the job or only this party's rows); other 401/403 when the token or touchpoint is refused.
 */
export function classifyThalamusResponse(
  status: number,
  bodyText: string,
  place?: ErrorPlace,
): Classification {
  const json = parseJson(bodyText);
  if (isSuccess(status)) {
    const id = thalamusCaseId(json);
    if (id !== null) return ok([id], json);
    if (status === 201) return ok([], json);
    return explainAt(failure('uncertain', status, `HTTP ${status}`, 'crm.response.unconfirmed'), place);
  }
  const errors = thalamusErrorsSchema.safeParse(json);
  const entries = errors.success
    ? Object.entries(errors.data.errors).map(([field, value]): [string, string[]] => [
        field,
        typeof value === 'string' ? [value] : value,
      ])
    : [];
  const listed = entries.map(([field, codes]) => `${field}: ${codes.join(', ')}`).join('; ');
  if (status === 401 || status === 403) {
    const message = listed || messageOf(json, bodyText, status);
    if (entries.some(([field]) => field === 'session')) {
      return explainAt(
        { ...failure('stop', status, message, 'crm.thalamus.party-refused'), partyRefused: true },
        place,
      );
    }
    return explainAt(failure('stop', status, message, 'crm.thalamus.unauthorized'), place);
  }
  if (status === 400 && entries.length > 0) {
    const [field = '', codes = []] = entries[0] ?? [];
    const error = codes[0] ?? '';
    const known = Object.hasOwn(THALAMUS_ERRORS, error) ? THALAMUS_ERRORS[error] : undefined;
    const name = field.startsWith(CASE_DATA_PREFIX) ? field.slice(CASE_DATA_PREFIX.length) : field;
    const result = known
      ? failure('row', status, listed, known, { field: name })
      : failure('row', status, listed, 'crm.thalamus.unknown-error', { field, error });
    return explainAt(result, place);
  }
  if (json === undefined) return explainAt(unreadableAnswer(status, bodyText), place);
  const message = messageOf(json, bodyText, status);
  if (status === 408 || status >= 500)
    return explainAt(failure('transient', status, message, 'crm.response.temporary'), place);
  if (status === 429)
    return explainAt(failure('throttled', status, message, 'crm.response.too-many-requests'), place);
  return explainAt(failure('row', status, message, 'crm.thalamus.rejected', { message }), place);
}

const idSchema = z.union([z.string().min(1), z.number()]);

/** The common envelope holds the new case in `data.entity`; older answers are read too. */
function thalamusCaseId(json: unknown): string | null {
  const paths = [
    ['data', 'entity', 'id'],
    ['case', 'id'],
    ['data', 'case', 'id'],
    ['caseId'],
    ['data', 'id'],
    ['result', 'id'],
    ['id'],
  ];
  for (const path of paths) {
    let node: unknown = json;
    for (const key of path)
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    const id = idSchema.safeParse(node);
    if (id.success) return String(id.data);
  }
  return null;
}

function messageOf(json: unknown, bodyText: string, status: number): string {
  const fields = z
    .looseObject({ message: z.string().optional(), error: z.string().optional() })
    .safeParse(json);
  const text = fields.success ? (fields.data.message ?? fields.data.error) : undefined;
  return text ?? (shorten(bodyText.trim(), MAX_SNIPPET_CHARS) || `HTTP ${status}`);
}
