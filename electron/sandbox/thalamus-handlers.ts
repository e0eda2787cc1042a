/**
 * T4, the sandbox's Thalamus, served under a path (`/thalamus/api/v4/...`):
 *
 *   POST {prefix}/api/v4/cases                 create a case for the logged-in party
 *   GET  {prefix}/api/v4/cases/typecategory    the valid category/type pairs
 *   GET  {prefix}/api/v4/cases/status          the statuses (only `initial` ones may be sent)
 *
 * Every call carries `Thalamus-Touchpoint` and `Thalamus-Token` (or `?touchpoint=&token=`): a
 * missing or unknown one → 401 {"errors":{"token"|"touchpoint": …}}. Every call also needs the
 * party's session, the lists too ("same headers and party"): `Authorization: Basic
 * base64(principal:password)` with a known principal and, on the web touchpoint, its password
 * (the call-centre touchpoint takes an empty one) → else 401 {"errors":{"session":"NotLoggedIn"}}.
 *
 * A case is checked in this order, the first problem answered with 400 and its code:
 * body a JSON object (`body: InvalidJson`); `category`/`type: CodeRequired`; the system category
 * (`category: CategorySystemNode`); the pair (`categoryOrType: InvalidCode`); the status known
 * (`caseStatus: InvalidName`) and initial (`caseStatus: InitialStatusNotSelected`); the resolution
 * (`caseResolutionType: InitialResolutionTypeNotSelected`); comments as [{description}]
 * (`comments: InvalidValue`); each `caseData` key declared (`caseData.X: InvalidName`) and of its
 * type — boolean a JSON boolean, number an integer, decimal a JSON number, date `YYYY-MM-DD` or a
 * Unix-timestamp string, text a string (`caseData.X: InvalidValue`). Then 201 with the new case in
 * `data.entity`.
 */
import type { IncomingMessage } from 'node:http';

import type { Endpoint, SandboxConfig } from './endpoint';
import { readJsonBody } from './json-body';
import type { CaseDataType } from './thalamus-data';
import { thalamusData, thalamusErrors } from './thalamus-replies';
import type { TokenLedger } from './token-ledger';
import type { Reply } from './wolkvox-replies';

const MAX_BODY_BYTES = 1024 * 1024;

const THALAMUS_LEDGER_PREFIX = 'thalamus:';

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.trim() !== '' ? text.trim() : undefined;
}

export type ThalamusAccess =
  { kind: 'ok'; ledgerKey: string; touchpoint: string } | { kind: 'refuse'; reply: Reply };

/** The touchpoint and its token, from the headers or the query. The sandbox's tokens open its
 * Thalamus too; there they have no daily quota, and their use is counted apart from wolkvox's
 * under another key of the ledger. */
export function thalamusAccess(
  req: IncomingMessage,
  url: URL,
  config: SandboxConfig,
  ledger: TokenLedger,
): ThalamusAccess {
  const touchpoint = header(req, 'thalamus-touchpoint') ?? url.searchParams.get('touchpoint')?.trim();
  const token = header(req, 'thalamus-token') ?? url.searchParams.get('token')?.trim();
  if (!token) return { kind: 'refuse', reply: thalamusErrors(401, { token: 'TokenRequired' }) };
  if (!touchpoint)
    return { kind: 'refuse', reply: thalamusErrors(401, { touchpoint: 'TouchpointRequired' }) };
  if (!config.thalamus.touchpoints.has(touchpoint))
    return { kind: 'refuse', reply: thalamusErrors(401, { touchpoint: 'InvalidCredentials' }) };
  if (!ledger.knows(token))
    return { kind: 'refuse', reply: thalamusErrors(401, { token: 'InvalidCredentials' }) };
  const ledgerKey = `${THALAMUS_LEDGER_PREFIX}${token}`;
  if (!ledger.knows(ledgerKey)) ledger.setQuota(ledgerKey, Number.MAX_SAFE_INTEGER);
  return { kind: 'ok', ledgerKey, touchpoint };
}

const NOT_LOGGED_IN: Reply = thalamusErrors(401, { session: 'NotLoggedIn' });

/** The principal of a party that logged in, or null. */
function loggedInParty(req: IncomingMessage, touchpoint: string, config: SandboxConfig): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header(req, 'authorization') ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const principal = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (!config.thalamus.parties.has(principal)) return null;
  const passwordless = config.thalamus.touchpoints.get(touchpoint) === 'passwordless';
  return (passwordless ? password === '' : password === config.thalamus.partyPassword) ? principal : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function fitsType(type: CaseDataType, value: unknown): boolean {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isInteger(value);
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && (isIsoDate(value) || /^\d{1,12}$/.test(value));
    case 'text':
      return typeof value === 'string';
  }
}

/** The first problem of a case body, as Thalamus's `errors` object, or null. */
function caseProblem(body: unknown, config: SandboxConfig): Record<string, string> | null {
  const t = config.thalamus;
  if (!isObject(body)) return { body: 'InvalidJson' };
  const category = typeof body.categoryCode === 'string' ? body.categoryCode.trim() : '';
  const type = typeof body.typeCode === 'string' ? body.typeCode.trim() : '';
  if (category === '') return { category: 'CodeRequired' };
  if (type === '') return { type: 'CodeRequired' };
  if (category === t.systemCategory) return { category: 'CategorySystemNode' };
  if (!t.typeCategories.some((pair) => pair.caseCategoryCode === category && pair.caseTypeCode === type))
    return { categoryOrType: 'InvalidCode' };
  if (body.status !== undefined) {
    const status = t.statuses.find((s) => s.statusName === body.status);
    if (!status) return { caseStatus: 'InvalidName' };
    if (!status.initial) return { caseStatus: 'InitialStatusNotSelected' };
  }
  if (
    body.resolution !== undefined &&
    !(typeof body.resolution === 'string' && t.initialResolutions.includes(body.resolution))
  ) {
    return { caseResolutionType: 'InitialResolutionTypeNotSelected' };
  }
  if (body.comments !== undefined) {
    const comments = body.comments;
    if (!Array.isArray(comments) || !comments.every((c) => isObject(c) && typeof c.description === 'string'))
      return { comments: 'InvalidValue' };
  }
  if (body.caseData !== undefined) {
    if (!isObject(body.caseData)) return { caseData: 'InvalidValue' };
    for (const [name, value] of Object.entries(body.caseData)) {
      const declared = Object.hasOwn(t.caseData, name) ? t.caseData[name] : undefined;
      if (declared === undefined) return { [`caseData.${name}`]: 'InvalidName' };
      if (!fitsType(declared, value)) return { [`caseData.${name}`]: 'InvalidValue' };
    }
  }
  return null;
}

export const thalamusCreateCaseEndpoint: Endpoint = {
  name: 'thalamus-create-case',
  style: 'thalamus',
  method: 'POST',
  takesInjections: true,
  async prepare(req, _url, { config, store, touchpoint }) {
    const reading = await readJsonBody(req, MAX_BODY_BYTES);
    const party = loggedInParty(req, touchpoint ?? '', config);
    if (party === null) return { kind: 'refuse', reply: NOT_LOGGED_IN };
    if (reading.kind !== 'json')
      return { kind: 'refuse', reply: thalamusErrors(400, { body: 'InvalidJson' }) };
    const problem = caseProblem(reading.value, config);
    if (problem) return { kind: 'refuse', reply: thalamusErrors(400, problem) };
    const body = reading.value as Record<string, unknown>;
    const status =
      typeof body.status === 'string'
        ? body.status
        : (config.thalamus.statuses.find((s) => s.initial)?.statusName ?? '');
    return {
      kind: 'accept',
      commit: () => {
        const id = store.addThalamusCase({ party, touchpoint: touchpoint ?? '', body });
        return thalamusData(201, {
          entity: { id, categoryCode: body.categoryCode, typeCode: body.typeCode, status, party },
        });
      },
    };
  },
};

export const thalamusTypeCategoryEndpoint: Endpoint = {
  name: 'thalamus-type-category',
  style: 'thalamus',
  method: 'GET',
  takesInjections: false,
  async prepare(req, _url, { config, touchpoint }) {
    if (loggedInParty(req, touchpoint ?? '', config) === null)
      return { kind: 'refuse', reply: NOT_LOGGED_IN };
    return {
      kind: 'accept',
      commit: () => thalamusData(200, { caseTypeCategories: config.thalamus.typeCategories }),
    };
  },
};

export const thalamusStatusEndpoint: Endpoint = {
  name: 'thalamus-status',
  style: 'thalamus',
  method: 'GET',
  takesInjections: false,
  async prepare(req, _url, { config, touchpoint }) {
    if (loggedInParty(req, touchpoint ?? '', config) === null)
      return { kind: 'refuse', reply: NOT_LOGGED_IN };
    return { kind: 'accept', commit: () => thalamusData(200, { caseStatuses: config.thalamus.statuses }) };
  },
};
