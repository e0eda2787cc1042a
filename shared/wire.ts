import type { MethodName } from './contract';

/**
 * What the web front door (electron/web/web-server.ts) and the browser's bridge
 * (renderer/bridge/web-bridge.ts) agree on over HTTP: one place, so the two sides cannot drift.
 */

/** `POST /api/<method>` with the method's input as JSON. */
export const API_PREFIX = '/api/';
/** `GET`: the engine's events as server-sent events. */
export const EVENTS_PATH = '/api/events';
/** `POST ?name=<file name>`: a dropped file's bytes; answers `{path}`. */
export const UPLOAD_PATH = '/api/upload';
/** `POST` with exportReport's input (no path): the report written and sent back as a download
 * (`Content-Disposition: attachment`), so a browser saves it where the operator keeps downloads. */
export const REPORT_DOWNLOAD_PATH = '/api/report-download';
/** `GET ?t=<ticket>`: a one-time ticket exchanged for the session cookie. */
export const OPEN_PATH = '/open';
export const TICKET_PARAM = 't';

/**
 * Every API call and upload carries this header besides the session cookie: another site's
 * form, link or image cannot add a header, and a script of another origin that tries needs a
 * CORS preflight this server never grants.
 */
export const REQUEST_HEADER = 'X-Carga-Request';
export const REQUEST_HEADER_VALUE = '1';

export function methodPath(method: MethodName): string {
  return `${API_PREFIX}${method}`;
}
