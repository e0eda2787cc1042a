/** Requests to a running sandbox, as a client on the wire sends them (node's fetch, FormData). */
import { SANDBOX_TOKEN, type SandboxHandle } from '../../../electron/sandbox/sandbox';

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  /** The JSON body, or undefined when the body is not JSON. */
  body: unknown;
}

export async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, body };
}

/** A case every seeded sandbox accepts. */
export const VALID_CASE: Readonly<Record<string, string>> = {
  operation: 'demo',
  'case-type': 'Request',
  responsible: 'ana.gomez@demo',
  owner: 'carlos.ruiz@demo',
  contact: 'maria.lopez@example.com',
  description: 'El cliente reporta un cobro doble en su factura',
  status: 'open',
  priority: 'high',
};

export const CASES_PATH = '/server/API/v2/cases/insert.php';

export function caseForm(fields: Readonly<Record<string, string>>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

export function postCase(
  sandbox: SandboxHandle,
  fields: Readonly<Record<string, string>> = VALID_CASE,
  init: { token?: string | null; signal?: AbortSignal } = {},
): Promise<Answer> {
  const token = init.token === undefined ? SANDBOX_TOKEN : init.token;
  return send(`${sandbox.origin}${CASES_PATH}`, {
    method: 'POST',
    body: caseForm(fields),
    headers: token === null ? {} : { 'Wolkvox-Token': token },
    signal: init.signal,
  });
}

export function campaignUrl(sandbox: SandboxHandle, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    api: 'add_record',
    type_campaign: 'predictive',
    campaign_id: '1001',
    campaign_status: 'active',
    ...params,
  });
  return `${sandbox.origin}/api/v2/campaign.php?${query.toString()}`;
}

export function postRecords(
  sandbox: SandboxHandle,
  records: unknown,
  options: { params?: Record<string, string>; token?: string } = {},
): Promise<Answer> {
  return send(campaignUrl(sandbox, options.params), {
    method: 'POST',
    body: JSON.stringify(records),
    headers: { 'wolkvox-token': options.token ?? SANDBOX_TOKEN, 'content-type': 'application/json' },
  });
}

export function crmTokenInfo(
  sandbox: SandboxHandle,
  token: string = SANDBOX_TOKEN,
  operation = 'demo',
): Promise<Answer> {
  return send(
    `${sandbox.origin}/server/API/v2/token/tokenInformation.php?operation=${encodeURIComponent(operation)}`,
    {
      headers: { 'Wolkvox-Token': token },
    },
  );
}

export function managerTokenInfo(sandbox: SandboxHandle, token: string = SANDBOX_TOKEN): Promise<Answer> {
  return send(`${sandbox.origin}/api/v2/information.php?api=token_info`, {
    headers: { 'wolkvox-token': token },
  });
}

/** The CRM's failure body (code and error as strings). */
export function crmFailure(status: number, error: string, msg: string = error) {
  return { code: String(status), error, msg, data: null };
}

/** The Manager's failure body (code as a number). */
export function managerFailure(status: number, error: string) {
  return { code: status, error, msg: error, data: null };
}

/** A campaign record with a dialable phone. */
export function campaignRecord(n: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    customer_name: `Cliente ${n}`,
    customer_last_name: 'Prueba',
    tel1: `300${String(1_000_000 + n)}`,
    ...extra,
  };
}
