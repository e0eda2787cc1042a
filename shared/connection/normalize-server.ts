import { CargaError } from '../errors/carga-error';
import { msg, type MessageCode } from '../messages/catalog';
import type { MessageParams } from '../messages/message';
import type { TargetId } from '../targets/target-ids';
import { isLoopbackHost, parseIPv4, parseIPv6 } from './loopback-host';

const EXAMPLES: Record<TargetId, string> = {
  'wolkvox-crm-cases': 'crm0000.wolkvox.com',
  'wolkvox-crm-records': 'crm0000.wolkvox.com',
  'wolkvox-campaign': '0032',
  'thalamus-cases': 'api.example.com',
};

const SCHEME_PREFIX = /^([a-z][a-z0-9+.-]*):\/\//i;
/** `https//host`, `https:/host`, `https:host`: a pasted scheme that lost a character. */
const BROKEN_SCHEME = /^https?(?:\/\/|:(?!\/\/))/i;
/** What starts a second scheme after the first was stripped. */
const ANOTHER_SCHEME = /^(?:[a-z][a-z0-9+.-]*:\/\/|https?:?\/\/)/i;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Hosts of the old CRM domain, disabled since 30 Nov 2024 in favour of `crm000N.wolkvox.com`. */
const OLD_CRM_HOST = /^sv(\d+)\.crmvox\.com$/;

/**
 * Turns what the operator typed as "server" into the origin requests go to:
 * `https://crm0000.wolkvox.com`, `https://wv0032.wolkvox.com`, `http://127.0.0.1:8080`.
 *
 * - A host, optionally with a port and a trailing slash; a pasted `https://` is stripped.
 * - For wolkvox Manager also the server number as shown in its URLs (`0032` or `wv0032`),
 *   kept digit for digit: `32` and `0032` are different servers.
 * - `http://` only for this machine (localhost, 127.0.0.0/8, ::1); anything else is https.
 *   A host typed without a scheme is always https.
 * - Refused with a message saying what to type instead: spaces, a repeated scheme, a path or
 *   query, user or password, a port out of range, an incomplete host, and the old
 *   `svNNNN.crmvox.com` hosts (the message gives the new `crmNNNN.wolkvox.com` host rather than
 *   mapping it silently, so the connection shows the address that is really used).
 *
 * - Thalamus takes a base URL: a path after the host is kept (`https://host/thalamus`).
 *
 * The special value `sandbox` is resolved by the engine before this is called.
 */
export function resolveOrigin(target: TargetId, server: string): string {
  const typed = server.trim();
  const example = EXAMPLES[target];
  if (typed === '') throw refuse('crm.server.empty', { example });
  if (/\s/.test(typed)) throw refuse('crm.server.spaces', { server: typed, example });

  if (target === 'wolkvox-campaign') {
    const number = /^(?:wv)?(\d+)$/i.exec(typed);
    if (number) return `https://wv${number[1]}.wolkvox.com`;
  }

  let scheme: 'https' | 'http' = 'https';
  let rest = typed;
  const prefix = SCHEME_PREFIX.exec(typed);
  if (prefix) {
    const name = (prefix[1] ?? '').toLowerCase();
    if (name !== 'https' && name !== 'http')
      throw refuse('crm.server.scheme', { server: typed, scheme: name, example });
    scheme = name;
    rest = typed.slice(prefix[0].length);
    if (ANOTHER_SCHEME.test(rest)) {
      throw refuse('crm.server.double-scheme', {
        server: typed,
        suggestion: withoutSchemes(rest) || example,
      });
    }
  } else if (BROKEN_SCHEME.test(typed)) {
    throw refuse('crm.server.malformed-scheme', {
      server: typed,
      suggestion: withoutSchemes(typed) || example,
    });
  }

  const authority = authorityOf(rest);
  const tail = rest.slice(authority.length);
  if (authority.includes('@')) {
    const after = authority.slice(authority.lastIndexOf('@') + 1);
    // The password is not repeated back: the message may end up in a log.
    const masked = typed.replace(authority, `***@${after}`);
    throw refuse('crm.server.credentials', { server: masked, suggestion: after || example });
  }
  const { host, port } = splitHostPort(typed, authority, example);
  checkHost(target, typed, host, example);

  const shown = port === null || port === defaultPort(scheme) ? host : `${host}:${port}`;
  if (scheme === 'http' && !isLoopbackHost(host)) {
    throw refuse('crm.server.insecure-http', { server: typed, suggestion: shown });
  }
  // Thalamus is often installed under a path (`https://host/thalamus`): its base URL keeps it.
  if (target === 'thalamus-cases' && /^\/[^?#]*$/.test(tail))
    return `${scheme}://${shown}${tail.replace(/\/+$/, '')}`;
  if (tail !== '' && tail !== '/') {
    const suggestion = scheme === 'http' ? `http://${shown}` : shown;
    throw refuse('crm.server.path', { server: typed, path: tail, suggestion });
  }
  return `${scheme}://${shown}`;
}

function refuse(code: MessageCode, params: MessageParams): CargaError {
  return new CargaError(msg(code, params));
}

function withoutSchemes(text: string): string {
  let rest = text;
  for (;;) {
    if (ANOTHER_SCHEME.test(rest)) rest = rest.replace(ANOTHER_SCHEME, '');
    else if (BROKEN_SCHEME.test(rest)) rest = rest.replace(/^https?:?\/*/i, '');
    else break;
  }
  return authorityOf(rest);
}

/** Everything before the first `/`, `?` or `#`. */
function authorityOf(text: string): string {
  const end = text.search(/[/?#]/);
  return end === -1 ? text : text.slice(0, end);
}

function defaultPort(scheme: 'https' | 'http'): number {
  return scheme === 'https' ? 443 : 80;
}

function splitHostPort(
  typed: string,
  authority: string,
  example: string,
): { host: string; port: number | null } {
  let host: string;
  let portText: string | null = null;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close === -1) throw refuse('crm.server.invalid-host', { server: typed, example });
    host = authority.slice(0, close + 1).toLowerCase();
    const after = authority.slice(close + 1);
    if (after !== '') {
      if (!after.startsWith(':')) throw refuse('crm.server.invalid-host', { server: typed, example });
      portText = after.slice(1);
    }
    if (!parseIPv6(host.slice(1, -1))) throw refuse('crm.server.invalid-host', { server: typed, example });
  } else {
    const colons = authority.split(':').length - 1;
    if (colons > 1) throw refuse('crm.server.invalid-host', { server: typed, example });
    const colon = authority.indexOf(':');
    host = (colon === -1 ? authority : authority.slice(0, colon)).toLowerCase();
    if (colon !== -1) portText = authority.slice(colon + 1);
  }
  if (portText === null) return { host, port: null };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535))
    throw refuse('crm.server.invalid-port', { server: typed, port: portText });
  return { host, port };
}

function checkHost(target: TargetId, typed: string, host: string, example: string): void {
  if (host.startsWith('[') || parseIPv4(host)) return;
  if (host === 'localhost') return;
  const moved = OLD_CRM_HOST.exec(host);
  if (moved) throw refuse('crm.server.moved', { server: host, suggestion: `crm${moved[1]}.wolkvox.com` });
  if (/^\d+$/.test(host)) {
    // A Manager number is taken bare (handled above); with a scheme or port it names no host.
    if (target === 'wolkvox-campaign')
      throw refuse('crm.server.incomplete-host', { server: typed, suggestion: `wv${host}.wolkvox.com` });
    if (target !== 'thalamus-cases')
      throw refuse('crm.server.number-not-host', { server: host, suggestion: `crm${host}.wolkvox.com` });
  }
  const labels = host.split('.');
  const valid =
    host.length <= 253 &&
    labels.every((label) => HOST_LABEL.test(label)) &&
    !/^\d+$/.test(labels.at(-1) ?? '');
  if (!valid) throw refuse('crm.server.invalid-host', { server: typed, example });
  if (labels.length === 1) {
    const suggestion = /^crm\d+$/.test(host) ? `${host}.wolkvox.com` : example;
    throw refuse('crm.server.incomplete-host', { server: host, suggestion });
  }
}
