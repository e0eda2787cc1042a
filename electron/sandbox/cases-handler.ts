/**
 * T1: `POST /server/API/v2/cases/insert.php`, one case per multipart/form-data request.
 *
 * What the sandbox checks, in this order (the first problem found is answered):
 * 1. the body is multipart/form-data (JSON or urlencoded → 400 SOME PARAMETERS ARE REQUIRED);
 *    no field over 1 MB, no file over 10 MB (→ 404 REVIEW… naming the field);
 * 2. the eight required fields are present and not blank (→ 400 SOME PARAMETERS ARE REQUIRED);
 * 3. operation, case type, status, priority, responsible, owner and contact are known
 *    (→ 404 REVIEW… naming the field and the value). System values are exact English
 *    (`open`, not `Open` or `Abierto`); users and contacts compare without case, like the
 *    CRM's database lookups;
 * 4. `form`, when sent, is one JSON object whose keys are custom fields of the cases module
 *    spelled exactly (case, spaces, accents) and whose values are text, numbers, booleans or
 *    null (→ 404 REVIEW… naming the key).
 * Fields the CRM does not know are ignored but kept in the accepted record.
 */
import type { FormValue } from './accepted-records';
import type { Endpoint, SandboxConfig } from './endpoint';
import { MAX_FIELD_BYTES, MAX_FILE_BYTES, readMultipartForm, type FormReading } from './multipart-form';
import { CASE_PRIORITIES, CASE_STATUSES } from './seeded-data';
import { parametersRequiredReply, reviewReply, successReply, type Reply } from './wolkvox-replies';

const REQUIRED_FIELDS = [
  'operation',
  'case-type',
  'responsible',
  'owner',
  'contact',
  'description',
  'status',
  'priority',
] as const;
type RequiredField = (typeof REQUIRED_FIELDS)[number];

function unreadableFormReply(reading: Exclude<FormReading, { kind: 'form' }>): Reply {
  switch (reading.kind) {
    case 'field-too-large':
      return reviewReply(
        'crm',
        `THE FIELD (${reading.field}) EXCEEDS THE LIMIT OF ${MAX_FIELD_BYTES / 1024 / 1024} MB`,
      );
    case 'file-too-large':
      return reviewReply(
        'crm',
        `THE FILE (${reading.field}) EXCEEDS THE LIMIT OF ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      );
    default:
      return parametersRequiredReply('crm');
  }
}

function includesIgnoringCase(known: ReadonlySet<string>, value: string): boolean {
  const wanted = value.toLowerCase();
  for (const candidate of known) if (candidate.toLowerCase() === wanted) return true;
  return false;
}

/** The detail of the first unknown value among the required fields, if any. */
function unknownValueDetail(
  fields: Record<RequiredField, string>,
  config: SandboxConfig,
): string | undefined {
  if (fields.operation !== config.operation)
    return `THE OPERATION (${fields.operation}) DOES NOT EXIST OR DOES NOT BELONG TO THIS TOKEN`;
  if (!config.caseTypes.has(fields['case-type']))
    return `THE CASE TYPE (${fields['case-type']}) DOES NOT EXIST IN THE OPERATION`;
  if (!(CASE_STATUSES as readonly string[]).includes(fields.status))
    return `THE STATUS (${fields.status}) IS NOT VALID, USE ONE OF: ${CASE_STATUSES.join(', ')}`;
  if (!(CASE_PRIORITIES as readonly string[]).includes(fields.priority))
    return `THE PRIORITY (${fields.priority}) IS NOT VALID, USE ONE OF: ${CASE_PRIORITIES.join(', ')}`;
  if (!includesIgnoringCase(config.users, fields.responsible))
    return `THE RESPONSIBLE USER (${fields.responsible}) DOES NOT EXIST IN THE OPERATION`;
  if (!includesIgnoringCase(config.users, fields.owner))
    return `THE OWNER USER (${fields.owner}) DOES NOT EXIST IN THE OPERATION`;
  if (!includesIgnoringCase(config.contacts, fields.contact))
    return `THE CONTACT (${fields.contact}) DOES NOT EXIST IN THE OPERATION`;
  return undefined;
}

function isFormValue(value: unknown): value is FormValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The custom fields, or the detail of why `form` cannot be used. */
function parseCustomFields(
  text: string | undefined,
  customFields: ReadonlySet<string>,
): { ok: true; form: Record<string, FormValue> } | { ok: false; problem: string } {
  if (text === undefined || text.trim() === '') return { ok: true, form: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'THE FORM FIELD MUST BE A JSON OBJECT' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, problem: 'THE FORM FIELD MUST BE A JSON OBJECT' };
  const form: [string, FormValue][] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (!customFields.has(name))
      return { ok: false, problem: `THE CUSTOM FIELD (${name}) DOES NOT EXIST IN THE CASES MODULE` };
    if (!isFormValue(value))
      return { ok: false, problem: `THE CUSTOM FIELD (${name}) MUST HAVE A TEXT VALUE` };
    form.push([name, value]);
  }
  return { ok: true, form: Object.fromEntries(form) };
}

function requiredFields(fields: Record<string, string>): Record<RequiredField, string> | undefined {
  const found: Partial<Record<RequiredField, string>> = {};
  for (const name of REQUIRED_FIELDS) {
    const value = fields[name];
    if (value === undefined || value.trim() === '') return undefined;
    found[name] = value;
  }
  return found as Record<RequiredField, string>;
}

export const casesInsertEndpoint: Endpoint = {
  name: 'cases-insert',
  style: 'crm',
  method: 'POST',
  takesInjections: true,
  async prepare(req, _url, { config, store }) {
    const reading = await readMultipartForm(req);
    if (reading.kind !== 'form') return { kind: 'refuse', reply: unreadableFormReply(reading) };
    const { form: formText, ...fields } = reading.form.fields;

    const required = requiredFields(fields);
    if (!required) return { kind: 'refuse', reply: parametersRequiredReply('crm') };
    const unknownValue = unknownValueDetail(required, config);
    if (unknownValue) return { kind: 'refuse', reply: reviewReply('crm', unknownValue) };
    const custom = parseCustomFields(formText, config.customFields);
    if (!custom.ok) return { kind: 'refuse', reply: reviewReply('crm', custom.problem) };

    const attachments = reading.form.files.map(({ filename, mimeType, size }) => ({
      filename,
      mimeType,
      size,
    }));
    return {
      kind: 'accept',
      commit: () =>
        successReply('crm', { id_case: store.addCase({ fields, form: custom.form, attachments }) }),
    };
  },
};
