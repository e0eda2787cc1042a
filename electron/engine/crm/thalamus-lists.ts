import * as z from 'zod';

import type { ServerLists } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { classifyThalamusResponse } from '../../../shared/errors/classify';
import { msg, type MessageCode } from '../../../shared/messages/catalog';
import type { TokenLane } from '../quota/token-lanes';
import type { HttpClient } from './http-client';
import type { HttpRequest, ResolvedConnection } from './target-adapter';

/** `GET cases/typecategory`: the valid category/type pairs, in the common envelope. */
const typeCategorySchema = z.looseObject({
  data: z.looseObject({
    caseTypeCategories: z.array(
      z.looseObject({
        caseCategoryCode: z.string().min(1),
        caseCategoryName: z.string().default(''),
        caseTypeCode: z.string().min(1),
        caseTypeName: z.string().default(''),
      }),
    ),
  }),
});

/** `GET cases/status`: every status, only the `initial` ones allowed on a new case. */
const statusSchema = z.looseObject({
  data: z.looseObject({
    caseStatuses: z.array(
      z.looseObject({ statusName: z.string().min(1), initial: z.boolean().default(false) }),
    ),
  }),
});

/** A list request: the touchpoint's headers and, as for a case, the party's session (Basic auth
 * with the connection's party password, empty on passwordless touchpoints). */
function listRequest(conn: ResolvedConnection, path: string, party: string | undefined): HttpRequest {
  const headers: Record<string, string> = {
    'Thalamus-Touchpoint': conn.connection.touchpoint ?? '',
    'Thalamus-Token': conn.token,
    Accept: 'application/json',
  };
  if (party !== undefined)
    headers.Authorization = `Basic ${Buffer.from(`${party}:${conn.partyPassword ?? ''}`, 'utf8').toString('base64')}`;
  return { method: 'GET', url: `${conn.origin}/api/v4/${path}`, headers };
}

interface ListsInput {
  conn: ResolvedConnection;
  lane: TokenLane;
  http: HttpClient;
  timeoutMs: number;
  /** The principal the lists are read as (`partyForLists`); none while the mapping names none. */
  party: string | undefined;
}

/**
 * Reads a Thalamus server's category/type pairs and statuses (two GETs through the token's lane,
 * like every request with that token), logged in as `party`. A refusal is explained as Thalamus's
 * own answer would be for a case (wrong token, touchpoint or party); a session refused while no
 * party was given says the lists need one; an answer that is not the lists says so.
 */
export async function readThalamusLists(input: ListsInput): Promise<ServerLists> {
  const { conn, lane, http, timeoutMs, party } = input;
  if (!conn.connection.touchpoint) throw new CargaError(msg('crm.request.missing-touchpoint'));
  const read = async <T>(path: string, schema: z.ZodType<T>, unreadable: MessageCode): Promise<T> => {
    const result = await lane.limit(() => http.send(listRequest(conn, path, party), { timeoutMs }));
    if (result.kind === 'network-error')
      throw new CargaError(msg('job.connection-failed', { detail: result.message }));
    const { status, bodyText } = result.response;
    if (status < 200 || status > 299) {
      const verdict = classifyThalamusResponse(status, bodyText);
      if (verdict.kind === 'failure')
        throw new CargaError(
          verdict.partyRefused && party === undefined ? msg('lists.party-needed') : verdict.explanation,
        );
    }
    let json: unknown;
    try {
      json = JSON.parse(bodyText);
    } catch {
      json = undefined;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new CargaError(msg(unreadable, { code: status }));
    return parsed.data;
  };
  const [pairs, statuses] = await Promise.all([
    read('cases/typecategory', typeCategorySchema, 'lists.unreadable-case-types'),
    read('cases/status', statusSchema, 'lists.unreadable-statuses'),
  ]);
  return {
    caseTypes: pairs.data.caseTypeCategories.map((pair) => ({
      categoryCode: pair.caseCategoryCode,
      categoryName: pair.caseCategoryName,
      typeCode: pair.caseTypeCode,
      typeName: pair.caseTypeName,
    })),
    statuses: statuses.data.caseStatuses.map((status) => ({
      name: status.statusName,
      initial: status.initial,
    })),
  };
}

/** The lists a run holds its rows to: Thalamus's, or none (another target, or a server that could
 * not be asked; it still refuses what it does not know, row by row). */
export async function listsForRun(input: ListsInput): Promise<ServerLists | null> {
  if (input.conn.connection.target !== 'thalamus-cases') return null;
  try {
    return await readThalamusLists(input);
  } catch {
    return null;
  }
}
