import type { Connection, QuotaInfo } from '../../../shared/contract';
import type { Classification } from '../../../shared/errors/classification';
import type { MappedRecord } from '../../../shared/mapping/mapped-record';

/** A request ready to go on the wire. `body` is bytes so what was built is what is sent. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array | string;
}

export interface HttpResponse {
  status: number;
  bodyText: string;
}

/** Where the connection points after normalisation, and the secret to send with it. */
export interface ResolvedConnection {
  connection: Connection;
  /** `https://crm0000.wolkvox.com`, `http://127.0.0.1:PORT` (loopback only), or a Thalamus base URL
   * with its path (`https://host/thalamus`): request paths are appended to it. */
  origin: string;
  token: string;
  /** Thalamus: the password the rows' parties log in with ('' for passwordless touchpoints). */
  partyPassword?: string;
}

/** The only part that differs between targets: building requests and reading responses. */
export interface TargetAdapter {
  id: Connection['target'];
  /** Records per request: 1 for one-per-row targets, 10,000 for batch targets. */
  maxBatch: number;
  buildRequest(conn: ResolvedConnection, records: readonly MappedRecord[]): HttpRequest;
  readResponse(response: HttpResponse, recordCount: number): Classification;
  /** Reading the token's quota (each read costs one request), when the target has a way. */
  quotaRequest?(conn: ResolvedConnection): HttpRequest;
  readQuota?(response: HttpResponse): Omit<QuotaInfo, 'countedToday'> | Classification;
  /** The provider asks for at most one quota read this often: meanwhile the last figures,
   * counted forward by the token's ledger, stand in for a read. */
  quotaReadEveryMs?: number;
}
