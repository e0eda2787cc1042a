/**
 * T2: `POST /server/API/v2/custom/insertMany.php` with `{"operation", "module", "fields": [record, …]}`
 * and `POST /server/API/v2/custom/insert.php` with `{"operation", "module", "fields": {record}}`.
 *
 * What the sandbox checks, in this order (the first problem is answered and nothing of the
 * request is saved, as the whole batch is one insert):
 * 1. the body is a JSON object with `operation`, `module` and `fields` → 400 SOME PARAMETERS ARE REQUIRED;
 * 2. the operation is the token's → 404 REVIEW…; the module exists → 404 REVIEW…;
 * 3. insertMany: `fields` a non-empty array of at most 10,000 records → 400 / 412 RECORDS LIMIT;
 *    insert: `fields` one record object → 400;
 * 4. every key of every record is a field of the module, spelled exactly (→ 404 REVIEW… naming
 *    the field); text fields hold text; address, search, relationship and table fields hold
 *    `{"type": <their type>, "value": …}` — a plain string is refused (→ 404 REVIEW…); a table's
 *    value is an array of objects; a search field's value is an existing user;
 * 5. an `idcontact` already in the module → 404 THIS CODE ALREADY EXISTS.
 * The detail never says which record of a batch was refused, as the CRM does not: finding it is
 * the client's job. Contacts saved in the contacts module become contacts T1 cases may name.
 */
import type { Endpoint, SandboxConfig } from './endpoint';
import { readJsonBody } from './json-body';
import { OBJECT_FIELD_TYPES, type ModuleFields } from './module-data';
import {
  failureReply,
  parametersRequiredReply,
  reviewReply,
  successReply,
  WOLKVOX_MESSAGES,
  type Reply,
} from './wolkvox-replies';

export const MAX_MODULE_RECORDS = 10_000;
const MAX_BODY_BYTES = 64 * 1024 * 1024;

type ModuleRecord = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function includesIgnoringCase(known: ReadonlySet<string>, value: string): boolean {
  const wanted = value.toLowerCase();
  for (const candidate of known) if (candidate.toLowerCase() === wanted) return true;
  return false;
}

/** Why a record cannot be saved in the module, as the CRM's detail, or undefined. */
function recordProblem(
  record: unknown,
  module: string,
  fields: ModuleFields,
  config: SandboxConfig,
): string | undefined {
  if (!isObject(record)) return `THE RECORDS OF THE MODULE (${module}) MUST BE JSON OBJECTS`;
  for (const [name, value] of Object.entries(record)) {
    const type = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (type === undefined) return `THE FIELD (${name}) DOES NOT EXIST IN THE MODULE (${module})`;
    if (!OBJECT_FIELD_TYPES.has(type)) {
      if (typeof value !== 'string' && typeof value !== 'number')
        return `THE FIELD (${name}) MUST HAVE A TEXT VALUE`;
      continue;
    }
    if (!isObject(value) || value.type !== type || !('value' in value)) {
      return `THE FIELD (${name}) IS OF TYPE ${type.toUpperCase()}: SEND {"type":"${type}","value":...}`;
    }
    const inner = value.value;
    if (type === 'table') {
      if (!Array.isArray(inner) || !inner.every(isObject))
        return `THE FIELD (${name}) OF TYPE TABLE MUST HAVE AN ARRAY OF ROWS AS VALUE`;
    } else if (typeof inner !== 'string' || inner.trim() === '') {
      return `THE FIELD (${name}) MUST HAVE A VALUE`;
    } else if (type === 'search' && !includesIgnoringCase(config.users, inner)) {
      return `THE USER (${inner}) OF THE FIELD (${name}) DOES NOT EXIST IN THE OPERATION`;
    }
  }
  return undefined;
}

interface Checked {
  module: string;
  records: ModuleRecord[];
}

function check(
  body: unknown,
  many: boolean,
  config: SandboxConfig,
): { ok: true; checked: Checked } | { ok: false; reply: Reply } {
  if (!isObject(body)) return { ok: false, reply: parametersRequiredReply('crm') };
  const { operation, module, fields } = body;
  if (
    typeof operation !== 'string' ||
    operation.trim() === '' ||
    typeof module !== 'string' ||
    module.trim() === '' ||
    fields === undefined
  ) {
    return { ok: false, reply: parametersRequiredReply('crm') };
  }
  if (operation !== config.operation)
    return {
      ok: false,
      reply: reviewReply(
        'crm',
        `THE OPERATION (${operation}) DOES NOT EXIST OR DOES NOT BELONG TO THIS TOKEN`,
      ),
    };
  const moduleFields = config.modules.get(module);
  if (!moduleFields)
    return { ok: false, reply: reviewReply('crm', `THE MODULE (${module}) DOES NOT EXIST IN THE OPERATION`) };
  let records: unknown[];
  if (many) {
    if (!Array.isArray(fields) || fields.length === 0)
      return { ok: false, reply: parametersRequiredReply('crm') };
    if (fields.length > MAX_MODULE_RECORDS)
      return { ok: false, reply: failureReply('crm', 412, WOLKVOX_MESSAGES.recordsLimit) };
    records = fields;
  } else {
    if (!isObject(fields)) return { ok: false, reply: parametersRequiredReply('crm') };
    records = [fields];
  }
  const ids = new Set<string>();
  for (const record of records) {
    const problem = recordProblem(record, module, moduleFields, config);
    if (problem) return { ok: false, reply: reviewReply('crm', problem) };
    const id = (record as ModuleRecord).idcontact;
    if (module === 'contacts' && typeof id === 'string' && id !== '') {
      if (config.contactIds.has(id) || ids.has(id))
        return { ok: false, reply: failureReply('crm', 404, 'THIS CODE ALREADY EXISTS') };
      ids.add(id);
    }
  }
  return { ok: true, checked: { module, records: records as ModuleRecord[] } };
}

function moduleEndpoint(many: boolean): Endpoint {
  return {
    name: many ? 'module-insert-many' : 'module-insert',
    style: 'crm',
    method: 'POST',
    takesInjections: true,
    async prepare(req, _url, { config, store }) {
      const body = await readJsonBody(req, MAX_BODY_BYTES);
      if (body.kind === 'too-large')
        return { kind: 'refuse', reply: failureReply('crm', 412, WOLKVOX_MESSAGES.recordsLimit) };
      if (body.kind === 'malformed') return { kind: 'refuse', reply: parametersRequiredReply('crm') };
      const result = check(body.value, many, config);
      if (!result.ok) return { kind: 'refuse', reply: result.reply };
      const { module, records } = result.checked;
      return {
        kind: 'accept',
        commit: () => {
          const ids = store.addModuleRecords(module, records);
          if (module === 'contacts') {
            for (const record of records) {
              if (typeof record.emailcontact === 'string' && record.emailcontact !== '')
                config.contacts.add(record.emailcontact);
              if (typeof record.idcontact === 'string' && record.idcontact !== '') {
                config.contacts.add(record.idcontact);
                config.contactIds.add(record.idcontact);
              }
            }
          }
          return successReply('crm', many ? { records_added: records.length, ids } : { id: ids[0] });
        },
      };
    },
  };
}

export const moduleInsertManyEndpoint = moduleEndpoint(true);
export const moduleInsertEndpoint = moduleEndpoint(false);
