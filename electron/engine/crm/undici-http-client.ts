import type { Dispatcher, Agent as UndiciAgent } from 'undici';
// The Agent alone (undici-agent.d.ts): the package's entry loads much the client never uses.
import Agent from 'undici/lib/dispatcher/agent.js';

import { isLoopbackHost } from '../../../shared/connection/loopback-host';
import { CargaError } from '../../../shared/errors/carga-error';
import { NETWORK_CODES } from '../../../shared/errors/network-codes';
import { msg } from '../../../shared/messages/catalog';
import type { HttpClient, SendResult } from './http-client';
import type { HttpRequest } from './target-adapter';

/** Longest answer read; a wolkvox answer is a few KB, so more is not an answer to us. */
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
/** wolkvox cuts a call at 60 s; undici's own limits are a backstop behind the caller's timeout. */
const BACKSTOP_TIMEOUT_MS = 65_000;
const CONNECT_TIMEOUT_MS = 15_000;
/** Under Apache's default 5 s keep-alive, so an idle socket is dropped by us before the server
 * closes it: a POST written to a socket the server just closed would count as uncertain. */
const KEEP_ALIVE_MS = 4_000;

/**
 * The HTTP client the runner sends through: one undici Agent with keep-alive pools per origin.
 * TLS certificates are always verified (Node's default, never turned off) and redirects are not
 * followed, so a token only goes where the connection points. Plain http:// is refused unless the
 * host is this machine.
 */
export function createHttpClient(options: { connections?: number } = {}): HttpClient {
  const agent = new Agent({
    connections: options.connections ?? 4,
    keepAliveTimeout: KEEP_ALIVE_MS,
    headersTimeout: BACKSTOP_TIMEOUT_MS,
    bodyTimeout: BACKSTOP_TIMEOUT_MS,
    connect: { timeout: CONNECT_TIMEOUT_MS },
    // HTTP/1.1: at 2 requests per token multiplexing gains nothing, and "was it written" is
    // simplest to know on a connection of one request at a time. The CLI and web bundles leave
    // undici's HTTP/2 client out on the strength of this (scripts/node-bundle.mjs).
    allowH2: false,
  });
  return {
    send: (request, sendOptions) => send(agent, request, sendOptions),
    close: () => agent.close(),
  };
}

async function send(
  agent: UndiciAgent,
  request: HttpRequest,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<SendResult> {
  const url = checkedUrl(request.url);
  return await new Promise<SendResult>((resolve) => {
    let controller: Dispatcher.DispatchController | null = null;
    let settled = false;
    let sent = false;
    let timedOut = false;
    let cancelled = false;
    let tooLarge = false;
    let status = 0;
    let charset: string | undefined;
    const chunks: Buffer[] = [];
    let size = 0;

    const finish = (result: SendResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const failed = (error: unknown): void => {
      const code = tooLarge
        ? NETWORK_CODES.responseTooLarge
        : timedOut
          ? NETWORK_CODES.timeout
          : cancelled
            ? NETWORK_CODES.cancelled
            : errorCode(error);
      const message = scrubbed(errorMessage(error), request.headers);
      finish({ kind: 'network-error', code, message, sent, timedOut: timedOut || isTimeoutCode(code) });
    };
    // Before undici hands the request to a socket there is nothing to abort: answer now, and
    // abort it when it starts (onRequestStart), before a byte is written.
    const stop = (reason: Error): void => {
      if (controller) controller.abort(reason);
      else failed(reason);
    };
    const onAbort = (): void => {
      cancelled = true;
      stop(new Error('The request was cancelled.'));
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop(new Error(`No answer within ${options.timeoutMs} ms.`));
    }, options.timeoutMs);

    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(start) {
        if (settled) {
          start.abort(new Error('The request was answered before it started.'));
          return;
        }
        controller = start;
      },
      onRequestSent() {
        sent = true;
      },
      onResponseStart(_controller, statusCode, headers) {
        // An answer means the server read the request, whatever happens to the body next.
        sent = true;
        status = statusCode;
        charset = charsetOf(headers['content-type']);
      },
      onResponseData(current, chunk) {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          tooLarge = true;
          current.abort(new Error(`The answer is longer than ${MAX_RESPONSE_BYTES} bytes.`));
          return;
        }
        chunks.push(chunk);
      },
      onResponseEnd() {
        finish({ kind: 'response', response: { status, bodyText: decode(Buffer.concat(chunks), charset) } });
      },
      onResponseError(_controller, error) {
        failed(error);
      },
    };

    agent.dispatch(
      {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
      },
      handler,
    );
  });
}

function checkedUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CargaError(msg('crm.http.unsupported-url', { url: text }));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CargaError(msg('crm.http.unsupported-url', { url: url.origin }));
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new CargaError(msg('crm.http.insecure-url', { origin: url.origin }));
  }
  return url;
}

function errorCode(error: unknown): string {
  const code = codeOf(error);
  if (code) return code;
  // Happy-eyeballs connects (localhost → ::1 and 127.0.0.1) fail with every attempt's error.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = codeOf(inner);
      if (innerCode) return innerCode;
    }
  }
  return 'ENETWORK';
}

function codeOf(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object' || !('code' in error)) return undefined;
  return typeof error.code === 'string' && error.code !== '' ? error.code : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isTimeoutCode(code: string): boolean {
  return (
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'ETIMEDOUT'
  );
}

/** An error text never carries a secret header's value (the token), whatever a lower layer put in it. */
function scrubbed(message: string, headers: Record<string, string>): string {
  let result = message;
  for (const [name, value] of Object.entries(headers)) {
    if (/token|authorization|cookie/i.test(name) && value !== '') result = result.split(value).join('****');
  }
  return result;
}

function charsetOf(contentType: string | string[] | undefined): string | undefined {
  const value = Array.isArray(contentType) ? contentType[0] : contentType;
  return value ? /charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1] : undefined;
}

/** UTF-8 unless the server names another charset Node knows (PHP servers sometimes send Latin-1). */
function decode(bytes: Buffer, charset: string | undefined): string {
  if (charset) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: fall back to UTF-8.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}
