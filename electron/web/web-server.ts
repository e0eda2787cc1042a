/**
 * The web front door (`npm run web`): the built renderer and the contract over HTTP and
 * server-sent events, on 127.0.0.1 only. Any local process, and any web page through the
 * browser, can reach a loopback port, so every request must carry the per-launch secret and
 * name this server in its Host (DNS rebinding) and, when present, its Origin (CSRF).
 *
 * How each request carries the secret:
 * - the page load: `?s=` in the URL; the answer sets an HttpOnly SameSite=Strict cookie so the
 *   scripts, styles and fonts the page then loads (which cannot add headers) carry it too, and
 *   so does a reload after the bridge removed `?s=` from the address bar;
 * - API calls and uploads: the `X-Carga-Secret` header (never the cookie: a header cannot be
 *   added by another site's form or link);
 * - the event stream: `?s=`, since EventSource cannot send headers.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { EngineClient } from '../../shared/contract';
import { isMethodName, parseMethodInput } from '../../shared/contract-schemas';
import { isCargaError } from '../../shared/errors/carga-error';
import { formatMessage, msg } from '../../shared/messages/catalog';
import type { Message } from '../../shared/messages/message';
import { contentSecurityPolicy } from '../ipc/content-security-policy';
import { callMethod } from '../ipc/method-dispatch';
import { toWireError } from '../ipc/wire-error';
import { contentTypeFor } from './content-types';
import { openEventStream, type OpenStream } from './event-stream';
import { cookieValue, isAllowedHost, isAllowedOrigin, secretMatches } from './request-guard';
import { receiveUpload } from './upload-receiver';

export const SECRET_HEADER = 'x-carga-secret';
export const MAX_JSON_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export interface WebServerOptions {
  engine: EngineClient;
  /** The built renderer (`dist/renderer`). */
  staticDir: string;
  /** Where dropped files are streamed to; they stay there, since jobs read them again. */
  uploadsDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  maxUploadBytes?: number;
}

export interface WebServer {
  /** The full URL to open, with the secret. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const secret = randomBytes(32).toString('base64url');
  const staticDir = resolve(options.staticDir);
  const maxUploadBytes = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const csp = contentSecurityPolicy();
  const streams = new Set<OpenStream>();
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`carga web: ${req.method} ${new URL(req.url ?? '/', 'http://x').pathname} failed: ${describe(error)}`);
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
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const cookieName = `carga-secret-${port}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return forbidden(req, res);
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    return handleStatic(req, res, url);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (url.pathname === '/api/events') {
      if (!secretMatches(url.searchParams.get('s'), secret)) return forbidden(req, res);
      if (req.method !== 'GET') return sendMethodNotAllowed(req, res, 'GET');
      const stream = openEventStream(options.engine, req, res, () => streams.delete(stream));
      streams.add(stream);
      return;
    }
    if (!secretMatches(headerText(req.headers[SECRET_HEADER]), secret)) return forbidden(req, res);
    if (req.method !== 'POST') return sendMethodNotAllowed(req, res, 'POST');

    if (url.pathname === '/api/upload') {
      const result = await receiveUpload(req, options.uploadsDir, url.searchParams.get('name'), maxUploadBytes);
      if (result.kind === 'saved') return sendJson(res, 200, { path: result.path });
      if (result.kind === 'too-large') {
        res.setHeader('Connection', 'close');
        return sendError(res, 413, msg('front-door.upload-too-large', { name: result.name, limit: formatBytes(maxUploadBytes) }));
      }
      return sendError(res, 400, msg('front-door.upload-failed', { name: result.name }));
    }

    const method = url.pathname.slice('/api/'.length);
    if (!isMethodName(method)) return sendError(res, 404, msg('front-door.unknown-method', { method: method.slice(0, 100) }));
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
    const parsed = parseMethodInput(method, raw);
    if (!parsed.ok) return sendError(res, 400, msg('front-door.invalid-input', { path: parsed.path }));
    let result: unknown;
    try {
      result = await callMethod(options.engine, method, parsed.input);
    } catch (error) {
      if (isCargaError(error)) return sendError(res, 400, error.detail);
      console.error(`carga web: ${method} failed unexpectedly: ${describe(error)}`);
      return sendError(res, 500, toWireError(error).detail);
    }
    if (result === undefined) {
      res.writeHead(204).end();
      return;
    }
    return sendJson(res, 200, result);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const fromQuery = secretMatches(url.searchParams.get('s'), secret);
    if (!fromQuery && !secretMatches(cookieValue(req.headers.cookie, cookieName), secret)) return forbidden(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendMethodNotAllowed(req, res, 'GET, HEAD');
    const path = staticPath(staticDir, url.pathname);
    const info = path ? await stat(path).catch(() => null) : null;
    if (!path || !info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('Not found\n');
      return;
    }
    if (fromQuery) res.setHeader('Set-Cookie', `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`);
    res.writeHead(200, {
      'Content-Type': contentTypeFor(path),
      'Content-Length': info.size,
      'Cache-Control': path.endsWith('.html') ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // Headers are out: a read error or a client that went away can only cut the response short.
    await pipeline(createReadStream(path), res).catch(() => res.destroy());
  }

  function forbidden(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('Cache-Control', 'no-store');
    const detail = msg('front-door.forbidden');
    if ((req.url ?? '').startsWith('/api/')) return sendError(res, 403, detail);
    const text = `${formatMessage('es', detail)}\n${formatMessage('en', detail)}\n`;
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
  }

  return {
    url: `${origin}/?s=${secret}`,
    origin,
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

/** The file under `root` a URL path names, or null for anything outside it, hidden or odd.
 * `/` is the app's index.html. */
export function staticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  const full = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  return full.startsWith(root + sep) ? full : null;
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
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
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
  return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
