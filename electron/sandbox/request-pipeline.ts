/**
 * The path of every request through the sandbox:
 *
 *   route → method → token present → token known → ≤2 in flight → quota
 *     → (an injected failure is taken, writes only) → the endpoint reads and checks the body
 *     → latency and jitter → answers held by tests → the endpoint records → answer
 *
 * Refusals before the token checks pass are answered at once, without latency. The latency is
 * spent after the whole request has arrived, counted from its arrival (reading and checking the
 * body take part of it, as they do on a real server): a client that gives up then does not undo
 * it, as a real server goes on with a request it received (the case is created, the client is unsure).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { AcceptedRecords } from './accepted-records';
import { pause, pauseUntil, type AnswerGate, type LatencyModel } from './answer-pacing';
import type { EndpointName, Prepared, SandboxConfig } from './endpoint';
import type { FailureQueue } from './failure-injection';
import { route } from './routing';
import { resetSandboxState, SANDBOX_RESET_PATH } from './sandbox-reset';
import { thalamusAccess } from './thalamus-handlers';
import { thalamusErrors } from './thalamus-replies';
import type { TokenLedger } from './token-ledger';
import {
  customReply,
  failureReply,
  MAINTENANCE_PAGE,
  WOLKVOX_MESSAGES,
  type EndpointStyle,
  type Reply,
} from './wolkvox-replies';

export type SandboxEvent =
  /** A request got past the token checks and holds one of its token's 2 slots. */
  | { type: 'request-start'; endpoint: EndpointName; inFlight: number }
  /** A request is over: answered, reset on purpose, or abandoned (client gone, sandbox closed). */
  | {
      type: 'request-end';
      method: string;
      path: string;
      status: number | null;
      outcome: 'answered' | 'reset' | 'abandoned';
    };

export interface PipelineParts {
  config: SandboxConfig;
  ledger: TokenLedger;
  store: AcceptedRecords;
  failures: FailureQueue;
  latency: LatencyModel;
  gate: AnswerGate;
  slowMs: number;
  /** Aborts when the sandbox closes: every wait ends then. */
  lifetime: AbortSignal;
  emit(event: SandboxEvent): void;
}

/** One request and its response, ended exactly once. */
class Exchange {
  private releaseSlot: () => void = () => {};
  private over = false;
  private readonly clientLeft = new AbortController();

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly emit: (event: SandboxEvent) => void,
  ) {
    res.once('close', () => {
      if (!res.writableEnded) this.clientLeft.abort();
    });
  }

  /** Aborts when the client closes the connection before the answer. */
  get clientGone(): AbortSignal {
    return this.clientLeft.signal;
  }

  holdSlot(release: () => void): void {
    this.releaseSlot = release;
    this.res.once('close', release);
  }

  answer(reply: Reply): void {
    if (this.over) return;
    if (this.res.destroyed) return this.abandon();
    this.over = true;
    // The slot is free before the answer can reach the client, so a client that waits for an
    // answer before sending again is never taken for a third simultaneous request.
    this.releaseSlot();
    // An early refusal leaves the body unread: drop it so the connection can be reused.
    this.req.resume();
    const json = 'body' in reply ? reply.body : 'json' in reply ? reply.json : undefined;
    this.res.writeHead(reply.status, {
      'content-type': 'html' in reply ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    });
    this.res.end('html' in reply ? reply.html : JSON.stringify(json));
    this.end(reply.status, 'answered');
  }

  reset(): void {
    if (this.over) return;
    this.over = true;
    this.releaseSlot();
    this.req.socket.resetAndDestroy();
    this.end(null, 'reset');
  }

  abandon(): void {
    if (this.over) return;
    this.over = true;
    this.end(null, 'abandoned');
  }

  private end(status: number | null, outcome: 'answered' | 'reset' | 'abandoned'): void {
    const path = new URL(this.req.url ?? '/', 'http://127.0.0.1').pathname;
    this.emit({ type: 'request-end', method: this.req.method ?? '', path, status, outcome });
  }
}

function tokenOf(req: IncomingMessage): string | undefined {
  const value = req.headers['wolkvox-token'];
  const token = Array.isArray(value) ? value[0] : value;
  return token && token.trim() !== '' ? token.trim() : undefined;
}

/**
 * When the request had fully arrived, never earlier than it did, so the latency counted from it
 * is never shorter than configured. A body that came in the same socket reads as the headers
 * (nothing more was read from the socket until the body's end) had arrived when the headers were
 * seen; otherwise, or for a body never read, the moment it is known to be complete.
 */
function watchArrival(req: IncomingMessage): () => number {
  const headersAt = performance.now();
  const bytesAtHeaders = req.socket.bytesRead;
  let arrivedAt: number | undefined;
  const mark = (): void => {
    arrivedAt ??= req.socket.bytesRead === bytesAtHeaders ? headersAt : performance.now();
  };
  if (req.complete) mark();
  else req.once('end', mark);
  return () => arrivedAt ?? performance.now();
}

/** The refusals that come before an endpoint reads the request, in each vendor's words. */
const REFUSALS = {
  wolkvox: (style: 'crm' | 'manager') => ({
    unknownApi: failureReply(style, 400, WOLKVOX_MESSAGES.apiDoesNotExist),
    onlyPost: failureReply(style, 405, WOLKVOX_MESSAGES.onlyPost),
    onlyGet: failureReply(style, 405, WOLKVOX_MESSAGES.onlyGet),
    throttled: failureReply(style, 403, WOLKVOX_MESSAGES.simultaneousRequests),
    overQuota: failureReply(style, 403, WOLKVOX_MESSAGES.tokenLimitExceeded),
  }),
  // Thalamus documents no quota nor rate limit; a client past them hears what a web server says.
  thalamus: () => ({
    unknownApi: thalamusErrors(404, { resource: 'NotFound' }),
    onlyPost: thalamusErrors(405, { method: 'MethodNotAllowed' }),
    onlyGet: thalamusErrors(405, { method: 'MethodNotAllowed' }),
    throttled: thalamusErrors(429, { request: 'TooManyRequests' }),
    overQuota: thalamusErrors(429, { request: 'TooManyRequests' }),
  }),
};

function refusals(style: EndpointStyle) {
  return style === 'thalamus' ? REFUSALS.thalamus() : REFUSALS.wolkvox(style);
}

async function handle(parts: PipelineParts, req: IncomingMessage, exchange: Exchange): Promise<void> {
  const arrivedAt = watchArrival(req);
  const { ledger } = parts;
  ledger.countRequest();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === SANDBOX_RESET_PATH && req.method === 'POST') {
    resetSandboxState(parts);
    return exchange.answer({ status: 200, json: { reset: true } });
  }
  const found = route(url);
  if (found.kind === 'unknown') return exchange.answer(refusals(found.style).unknownApi);
  const { endpoint } = found;
  const style = endpoint.style;
  const refuse = refusals(style);
  if (req.method !== endpoint.method)
    return exchange.answer(endpoint.method === 'POST' ? refuse.onlyPost : refuse.onlyGet);
  let token: string;
  let touchpoint: string | undefined;
  if (style === 'thalamus') {
    const access = thalamusAccess(req, url, parts.config, ledger);
    if (access.kind === 'refuse') return exchange.answer(access.reply);
    token = access.ledgerKey;
    touchpoint = access.touchpoint;
  } else {
    const sent = tokenOf(req);
    if (sent === undefined) return exchange.answer(failureReply(style, 401, WOLKVOX_MESSAGES.enterToken));
    if (!ledger.knows(sent)) return exchange.answer(failureReply(style, 403, WOLKVOX_MESSAGES.invalidToken));
    token = sent;
  }
  const admission = ledger.tryEnter(token);
  if (admission.kind === 'throttled') return exchange.answer(refuse.throttled);
  if (admission.kind === 'over-quota') return exchange.answer(refuse.overQuota);
  exchange.holdSlot(admission.release);
  // Drawn in admission order, so a seed gives the same delays however bodies arrive.
  const latencyMs = parts.latency.next();
  parts.emit({ type: 'request-start', endpoint: endpoint.name, inFlight: admission.inFlight });

  const failure = endpoint.takesInjections ? parts.failures.take() : undefined;
  if (failure === 'reset-before-processing') return exchange.reset();

  let prepared: Prepared;
  try {
    const context = { config: parts.config, store: parts.store, quota: () => ledger.quota(token) };
    prepared = await endpoint.prepare(
      req,
      url,
      touchpoint === undefined ? context : { ...context, touchpoint },
    );
  } catch (error) {
    if (!req.complete) return exchange.abandon();
    throw error;
  }

  if (
    !(await pauseUntil(arrivedAt() + latencyMs, parts.lifetime)) ||
    !(await parts.gate.pass(parts.lifetime))
  )
    return exchange.abandon();
  if (
    failure === 'slow' &&
    !(await pause(parts.slowMs, AbortSignal.any([parts.lifetime, exchange.clientGone])))
  ) {
    return exchange.abandon();
  }
  if (failure === 'http-503-html') return exchange.answer({ status: 503, html: MAINTENANCE_PAGE });
  if (typeof failure === 'object') {
    return exchange.answer(
      style === 'thalamus'
        ? thalamusErrors(failure.status, { request: failure.msg })
        : customReply(style, failure.status, failure.code, failure.msg),
    );
  }

  const reply = prepared.kind === 'accept' ? prepared.commit() : prepared.reply;
  if (failure === 'reset-after-processing') return exchange.reset();
  exchange.answer(reply);
}

export function createRequestListener(
  parts: PipelineParts,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const exchange = new Exchange(req, res, parts.emit);
    handle(parts, req, exchange).catch((error: unknown) => {
      if (parts.lifetime.aborted) return exchange.abandon();
      console.error('carga sandbox: unexpected error while answering a request', error);
      exchange.answer(failureReply('crm', 500, 'INTERNAL SANDBOX ERROR'));
    });
  };
}
