/**
 * The web front door (`npm run web`): the built renderer and the contract over HTTP and
 * server-sent events, on 127.0.0.1 only. Any local process, and any web page through the
 * browser, can reach a loopback port, so every request must carry the session cookie and name
 * this server in its Host (DNS rebinding) and, when present, its Origin (CSRF).
 *
 * How a browser gets in (web-session.ts): a one-time ticket (`/open?t=`) is exchanged for an
 * HttpOnly, SameSite=Strict cookie, which every later request carries — the page, its assets,
 * the event stream, API calls and uploads. API calls and uploads also carry REQUEST_HEADER,
 * which no other site's form, link or image can add. The secret never appears in a URL, a
 * process's arguments or anything the page's scripts can read.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

import type { EngineClient } from '../../shared/contract';
import { isMethodName } from '../../shared/contract-schemas';
import { formatMessage, msg } from '../../shared/messages/catalog';
import type { Message } from '../../shared/messages/message';
import {
  API_PREFIX,
  EVENTS_PATH,
  OPEN_PATH,
  REPORT_DOWNLOAD_PATH,
  REQUEST_HEADER,
  REQUEST_HEADER_VALUE,
  TICKET_PARAM,
  UPLOAD_PATH,
} from '../../shared/wire';
import { contentSecurityPolicy } from '../front-door/content-security-policy';
import { invoke } from '../front-door/invoke';
import { invalidInputError } from '../front-door/wire-error';
import { createServer } from '../node-http';
import { openEventStream, type OpenStream } from './event-stream';
import { sendReportFile } from './report-download';
import { isAllowedHost, isAllowedOrigin } from './request-guard';
import { serveStatic } from './static-files';
import { receiveUpload } from './upload-receiver';
import { folderSize } from './upload-space';
import { WebSession } from './web-session';

export const MAX_JSON_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
export const MAX_UPLOADS_TOTAL_BYTES = 10 * 1024 ** 3;

export interface WebServerOptions {
  /** May still be starting: the address is printed first, calls wait for it. */
  engine: EngineClient | Promise<EngineClient>;
  /** The built renderer (`dist/renderer`). */
  staticDir: string;
  /** Where dropped files are streamed to; they stay while a job reads them (upload-space.ts). */
  uploadsDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** One file's limit. */
  maxUploadBytes?: number;
  /** All uploads together. */
  maxUploadsTotalBytes?: number;
}

export interface WebServer {
  origin: string;
  /** A fresh address that opens the app once (a one-time ticket); `onUsed` runs when it does. */
  oneTimeUrl(onUsed?: () => void): string;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const staticDir = resolve(options.staticDir);
  const maxUploadBytes = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const maxUploadsTotalBytes = options.maxUploadsTotalBytes ?? MAX_UPLOADS_TOTAL_BYTES;
  const engine = Promise.resolve(options.engine);
  // A failed start is reported by whoever started the engine; calls answer 500 meanwhile.
  engine.catch(() => {});
  const csp = contentSecurityPolicy();
  const streams = new Set<OpenStream>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(
        `carga web: ${req.method} ${new URL(req.url ?? '/', 'http://x').pathname} failed: ${describe(error)}`,
      );
      try {
        sendError(res, 500, msg('front-door.unexpected-error'));
      } catch {
        // Headers already went out: all that is left is to cut the response short.
        res.destroy();
      }
    });
  });
  // Uploads of large files over a slow disk can take longer than Node's default 5 minutes.
  server.requestTimeout = 0;
  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const session = new WebSession(port);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return refuse(req, res, msg('front-door.forbidden'));
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === OPEN_PATH) return handleOpen(req, res, url);
    const cookie = session.check(req.headers.cookie);
    if (cookie !== 'valid')
      return refuse(req, res, msg(cookie === 'stale' ? 'front-door.session-ended' : 'front-door.forbidden'));
    if (url.pathname.startsWith(API_PREFIX)) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendMethodNotAllowed(req, res, 'GET, HEAD');
    return serveStatic(req, res, staticDir, url.pathname);
  }

  /** A ticket's one use: the cookie, then a page that loads the app. Loading it from a page of
   * this origin (not by a redirect) matters: a SameSite=Strict cookie is not sent along a
   * redirect chain that started elsewhere (the terminal, the browser-opening file). */
  function handleOpen(req: IncomingMessage, res: ServerResponse, url: URL): void {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'GET') return sendMethodNotAllowed(req, res, 'GET');
    const fresh = session.redeem(url.searchParams.get(TICKET_PARAM));
    if (!fresh && session.check(req.headers.cookie) !== 'valid')
      return refuse(req, res, msg('front-door.ticket-used'));
    if (fresh) res.setHeader('Set-Cookie', session.cookie());
    const opening = `${formatMessage('es', msg('front-door.web-opening'))} / ${formatMessage('en', msg('front-door.web-opening'))}`;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/"><title>Carga</title></head><body><p><a href="/">${opening}</a></p></body></html>\n`,
    );
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (url.pathname === EVENTS_PATH) {
      if (req.method !== 'GET') return sendMethodNotAllowed(req, res, 'GET');
      const stream = openEventStream(await engine, req, res, () => streams.delete(stream));
      streams.add(stream);
      return;
    }
    if (headerText(req.headers[REQUEST_HEADER.toLowerCase()]) !== REQUEST_HEADER_VALUE)
      return refuse(req, res, msg('front-door.forbidden'));
    if (req.method !== 'POST') return sendMethodNotAllowed(req, res, 'POST');
    if (url.pathname === UPLOAD_PATH) return handleUpload(req, res, url);

    const method =
      url.pathname === REPORT_DOWNLOAD_PATH ? 'exportReport' : url.pathname.slice(API_PREFIX.length);
    if (!isMethodName(method))
      return sendError(res, 404, msg('front-door.unknown-method', { method: method.slice(0, 100) }));
    if (!isJson(req.headers['content-type'])) return sendError(res, 415, msg('front-door.bad-json'));

    const body = await readBody(req, MAX_JSON_BYTES);
    if (body === null) {
      res.setHeader('Connection', 'close');
      return sendError(res, 413, msg('front-door.body-too-large', { limit: formatBytes(MAX_JSON_BYTES) }));
    }
    let raw: unknown;
    try {
      // No body: a method without input.
      raw = body.length === 0 ? undefined : JSON.parse(body);
    } catch {
      return sendError(res, 400, msg('front-door.bad-json'));
    }
    if (url.pathname === REPORT_DOWNLOAD_PATH) return handleReportDownload(res, raw);
    const outcome = await invoke(await engine, method, raw);
    if (!outcome.ok) return sendError(res, outcome.cause === 'unexpected' ? 500 : 400, outcome.error.detail);
    if (outcome.value === undefined) {
      res.writeHead(204).end();
      return;
    }
    return sendJson(res, 200, outcome.value);
  }

  /** A report goes to the browser's downloads: the page names what to write, never where. */
  async function handleReportDownload(res: ServerResponse, raw: unknown): Promise<void> {
    if (typeof raw === 'object' && raw !== null && 'path' in raw)
      return sendError(res, 400, invalidInputError('path').detail);
    const outcome = await invoke(await engine, 'exportReport', raw);
    if (!outcome.ok) return sendError(res, outcome.cause === 'unexpected' ? 500 : 400, outcome.error.detail);
    await sendReportFile(res, outcome.value.path);
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    // Uploads no job reads are removed while the engine starts: none is taken before that.
    await engine;
    const room = Math.max(0, maxUploadsTotalBytes - (await folderSize(options.uploadsDir)));
    const result = await receiveUpload(
      req,
      options.uploadsDir,
      url.searchParams.get('name'),
      Math.min(maxUploadBytes, room),
    );
    if (result.kind === 'saved') return sendJson(res, 200, { path: result.path });
    if (result.kind === 'too-large') {
      res.setHeader('Connection', 'close');
      const detail =
        room < maxUploadBytes
          ? msg('front-door.uploads-full', {
              name: result.name,
              used: formatBytes(maxUploadsTotalBytes - room),
              limit: formatBytes(maxUploadsTotalBytes),
            })
          : msg('front-door.upload-too-large', { name: result.name, limit: formatBytes(maxUploadBytes) });
      return sendError(res, 413, detail);
    }
    return sendError(res, 400, msg('front-door.upload-failed', { name: result.name }));
  }

  function refuse(req: IncomingMessage, res: ServerResponse, detail: Message): void {
    res.setHeader('Cache-Control', 'no-store');
    if ((req.url ?? '').startsWith(API_PREFIX)) return sendError(res, 403, detail);
    const text = `${formatMessage('es', detail)}\n${formatMessage('en', detail)}\n`;
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
  }

  return {
    origin,
    oneTimeUrl: (onUsed) => `${origin}${OPEN_PATH}?${TICKET_PARAM}=${session.issueTicket(onUsed)}`,
    close: async () => {
      for (const stream of streams) stream.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
}

/** The body as text, or null when it is larger than `max` (the rest is discarded unread). */
function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.resume();
      done(null);
    };
    req.on('data', onData);
    req.once('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.once('error', fail);
  });
}

function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, error: Message): void {
  sendJson(res, status, { error });
}

function sendMethodNotAllowed(req: IncomingMessage, res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendError(res, 405, msg('front-door.unknown-method', { method: String(req.method).slice(0, 20) }));
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${Math.round((bytes / 1024 ** 3) * 10) / 10} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
