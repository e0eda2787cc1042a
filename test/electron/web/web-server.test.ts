import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { startWebServer, type WebServer } from '../../../electron/web/web-server';
import type { EngineEvent } from '../../../shared/contract';
import { FakeEngine } from '../../support/fake-engine';
import { useTempDirs } from '../../support/temp-dir';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const newTempDir = useTempDirs();
let engine: FakeEngine;
let server: WebServer;
let uploadsDir: string;
let port: number;
/** `Cookie` header value of a session opened with a ticket. */
let cookie: string;

beforeEach(async () => {
  const root = newTempDir();
  const staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Carga</title>');
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log("carga");');
  writeFileSync(join(staticDir, 'assets', 'app-1234.css'), 'body{}');
  writeFileSync(join(staticDir, 'assets', 'Step-AbCd12_-.js'), 'plain');
  writeFileSync(join(staticDir, 'assets', 'Step-AbCd12_-.js.br'), 'brotli bytes');
  writeFileSync(join(staticDir, 'assets', 'Step-AbCd12_-.js.gz'), 'gzip bytes');
  writeFileSync(join(staticDir, '.env'), 'SECRET=1');
  writeFileSync(join(root, 'outside.txt'), 'outside the static folder');
  uploadsDir = join(root, 'uploads');
  engine = new FakeEngine();
  server = await startWebServer({ engine, staticDir, uploadsDir, maxUploadBytes: 64 * 1024 * 1024 });
  port = Number(new URL(server.origin).port);
  cookie = await openSession(server.oneTimeUrl());
});

/** Uses a one-time address as a browser would; returns the cookie it set. */
async function openSession(url: string): Promise<string> {
  const opened = await send({ path: new URL(url).pathname + new URL(url).search });
  expect(opened.status).toBe(200);
  const setCookie = opened.headers['set-cookie']?.[0] ?? '';
  return setCookie.split(';')[0]!;
}

afterEach(async () => {
  await server.close();
});

function send(options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent: false,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers ?? {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function callApi(method: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send({
    method: 'POST',
    path: `/api/${method}`,
    headers: { Cookie: cookie, 'X-Carga-Request': '1', 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('one-time addresses and the session', () => {
  it('are on 127.0.0.1 and carry a ticket of 256 bits, a different one each time', () => {
    const first = server.oneTimeUrl();
    const second = server.oneTimeUrl();
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open\?t=[A-Za-z0-9_-]+$/);
    expect(Buffer.from(new URL(first).searchParams.get('t')!, 'base64url').length).toBe(32);
    expect(second).not.toBe(first);
  });

  it('exchange a ticket once for an HttpOnly, SameSite=Strict cookie, then load the app from this origin', async () => {
    const url = new URL(server.oneTimeUrl());
    const opened = await send({ path: url.pathname + url.search });
    expect(opened.status).toBe(200);
    expect(opened.headers['cache-control']).toBe('no-store');
    const [setCookie] = opened.headers['set-cookie'] ?? [];
    expect(setCookie).toMatch(
      new RegExp(`^carga-session-${port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    // The secret is not the ticket: a ticket seen later is worth nothing.
    expect(setCookie).not.toContain(url.searchParams.get('t'));
    expect(opened.text).toContain('<meta http-equiv="refresh" content="0;url=/">');
  });

  it('refuses a ticket used before, even by the browser that used it, and an unknown one', async () => {
    const url = new URL(server.oneTimeUrl());
    const path = url.pathname + url.search;
    expect((await send({ path })).status).toBe(200);
    const again = await send({ path });
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.text).toContain('Este enlace ya se usó');
    expect(again.text).toContain('This link was already used');
    expect((await send({ path: '/open?t=guess' })).status).toBe(403);
    expect((await send({ path: '/open' })).status).toBe(403);
  });

  it('tells whoever used a ticket, once', async () => {
    const used: string[] = [];
    const url = new URL(server.oneTimeUrl(() => used.push('first')));
    await send({ path: url.pathname + url.search });
    await send({ path: url.pathname + url.search });
    expect(used).toEqual(['first']);
  });

  it('lets a browser holding the cookie follow a used link back into the app', async () => {
    const url = new URL(server.oneTimeUrl());
    await send({ path: url.pathname + url.search });
    const again = await send({ path: url.pathname + url.search, headers: { Cookie: cookie } });
    expect(again.status).toBe(200);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('gives each launch its own session: a cookie of an earlier launch on the same port is told to open the new address', async () => {
    await server.close();
    server = await startWebServer({ engine, staticDir: join(newTempDir(), 'static'), uploadsDir, port });
    const page = await send({ path: '/', headers: { Cookie: cookie } });
    expect(page.status).toBe(403);
    expect(page.text).toContain('Carga se reinició');
    expect(page.text).toContain('Open the new address the terminal printed');
    const call = await callApi('getAppInfo');
    expect(call.status).toBe(403);
    expect(JSON.parse(call.text)).toEqual({ error: { code: 'front-door.session-ended' } });
    expect(engine.calls).toEqual([]);
  });
});

describe('the page and its assets', () => {
  it('refuses the page without the cookie, with a wrong one, or with a ticket as if it were the secret', async () => {
    const ticket = new URL(server.oneTimeUrl()).searchParams.get('t');
    expect((await send({ path: '/' })).status).toBe(403);
    expect((await send({ path: '/', headers: { Cookie: `carga-session-${port}=wrong` } })).status).toBe(403);
    expect((await send({ path: '/', headers: { Cookie: `carga-session-${port}=${ticket}` } })).status).toBe(
      403,
    );
    expect((await send({ path: `/?t=${ticket}` })).status).toBe(403);
  });

  it('serves the page with the cookie, with the security headers', async () => {
    const page = await send({ path: '/', headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.text).toBe('<!doctype html><title>Carga</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('serves assets with their content types to a request carrying the cookie, and refuses them without it', async () => {
    const script = await send({ path: '/assets/app-1234.js', headers: { Cookie: cookie } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.text).toBe('console.log("carga");');
    const style = await send({ path: '/assets/app-1234.css', headers: { Cookie: `other=1; ${cookie}` } });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send({ path: '/assets/app-1234.js' })).status).toBe(403);
  });

  it('serves the precompressed copy the browser accepts, and lets it keep hashed assets for a year', async () => {
    const path = '/assets/Step-AbCd12_-.js';
    const brotli = await send({
      path,
      headers: { Cookie: cookie, 'Accept-Encoding': 'gzip, deflate, br, zstd' },
    });
    expect(brotli).toMatchObject({ status: 200, text: 'brotli bytes' });
    expect(brotli.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': 'text/javascript; charset=utf-8',
      vary: 'Accept-Encoding',
    });
    expect(brotli.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const gzip = await send({ path, headers: { Cookie: cookie, 'Accept-Encoding': 'gzip, br;q=0' } });
    expect(gzip).toMatchObject({ text: 'gzip bytes', headers: { 'content-encoding': 'gzip' } });
    const plain = await send({ path, headers: { Cookie: cookie } });
    expect(plain.text).toBe('plain');
    expect(plain.headers['content-encoding']).toBeUndefined();
    // Not hashed: the browser asks again each time.
    expect(
      (await send({ path: '/assets/app-1234.js', headers: { Cookie: cookie, 'Accept-Encoding': 'br' } }))
        .headers['cache-control'],
    ).toBe('no-cache');
  });

  it('serves nothing outside the built renderer, and no hidden file', async () => {
    const headers = { Cookie: cookie };
    expect((await send({ path: '/../outside.txt', headers })).status).toBe(404);
    expect((await send({ path: '/%2e%2e/outside.txt', headers })).status).toBe(404);
    expect((await send({ path: '/assets/..%2f..%2foutside.txt', headers })).status).toBe(404);
    expect((await send({ path: '/.env', headers })).status).toBe(404);
    expect((await send({ path: '/missing.js', headers })).status).toBe(404);
    expect((await send({ path: '/assets', headers })).status).toBe(404);
  });
});

describe('Host and Origin', () => {
  it('refuses a Host other than 127.0.0.1 or localhost on its own port, even with the cookie or a ticket (DNS rebinding)', async () => {
    const url = new URL(server.oneTimeUrl());
    const ticketPath = url.pathname + url.search;
    expect((await send({ path: ticketPath, headers: { Host: `evil.example:${port}` } })).status).toBe(403);
    expect(
      (await send({ path: '/', headers: { Cookie: cookie, Host: `evil.example:${port}` } })).status,
    ).toBe(403);
    expect(
      (await send({ path: '/', headers: { Cookie: cookie, Host: `127.0.0.1:${port + 1}` } })).status,
    ).toBe(403);
    expect((await send({ path: '/', headers: { Cookie: cookie, Host: '127.0.0.1' } })).status).toBe(403);
    expect((await callApi('getAppInfo', undefined, { Host: `attacker.test:${port}` })).status).toBe(403);
    // The refused attempt did not use the ticket up.
    expect((await send({ path: ticketPath, headers: { Host: `localhost:${port}` } })).status).toBe(200);
    expect((await send({ path: '/', headers: { Cookie: cookie, Host: `localhost:${port}` } })).status).toBe(
      200,
    );
    expect(engine.calls).toEqual([]);
  });

  it('refuses a foreign Origin and accepts its own', async () => {
    expect((await callApi('getAppInfo', undefined, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await callApi('getAppInfo', undefined, { Origin: `http://127.0.0.1:${port + 1}` })).status).toBe(
      403,
    );
    expect((await callApi('getAppInfo', undefined, { Origin: 'null' })).status).toBe(403);
    expect(engine.calls).toEqual([]);
    expect((await callApi('getAppInfo', undefined, { Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await callApi('getAppInfo', undefined, { Origin: `http://localhost:${port}` })).status).toBe(200);
  });
});

describe('the API', () => {
  it('refuses a call without the cookie, or with the cookie but without the request header (what a form of another site could send)', async () => {
    const noCookie = await send({
      method: 'POST',
      path: '/api/getAppInfo',
      headers: { 'X-Carga-Request': '1', 'Content-Type': 'application/json' },
    });
    expect(noCookie.status).toBe(403);
    expect(JSON.parse(noCookie.text)).toEqual({ error: { code: 'front-door.forbidden' } });
    expect(
      (
        await send({
          method: 'POST',
          path: '/api/getAppInfo',
          headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(403);
    expect((await callApi('getAppInfo', undefined, { 'X-Carga-Request': '0' })).status).toBe(403);
    expect(engine.calls).toEqual([]);
  });

  it('answers a method without input', async () => {
    const response = await callApi('getAppInfo');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(response.text)).toEqual({
      version: '0.0.0-test',
      lang: 'en',
      frontDoor: 'web',
      sandboxOrigin: 'http://127.0.0.1:1',
    });
  });

  it('passes the parsed input to the engine and returns its result; the token goes in and never comes back', async () => {
    const connection = {
      id: 'crm-1',
      name: 'Producción',
      target: 'wolkvox-crm-cases',
      server: 'crm0007.wolkvox.com',
      operation: 'ventas',
    };
    const response = await callApi('saveConnection', { connection, token: 'tok-123456' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ ...connection, hasToken: true, isSandbox: false });
    expect(response.text).not.toContain('tok-123456');
    expect(engine.calls).toEqual([{ method: 'saveConnection', input: { connection, token: 'tok-123456' } }]);
    expect(engine.tokens.get('crm-1')).toBe('tok-123456');
  });

  it('answers 204 for a method that returns nothing', async () => {
    const response = await callApi('deleteConnection', { id: 'sandbox-cases' });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
  });

  it('rejects invalid input with 400 and a message naming where, without calling the engine', async () => {
    const response = await callApi('saveConnection', {
      connection: { id: 'x', name: 'n', target: 'wolkvox-crm-cases', server: 42 },
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({
      error: { code: 'front-door.invalid-input', params: { path: 'connection.server' } },
    });
    const extra = await callApi('deleteConnection', { id: 'a', extra: true });
    expect(extra.status).toBe(400);
    const traversal = await callApi('getJob', { jobId: '../../etc' });
    expect(JSON.parse(traversal.text)).toEqual({
      error: { code: 'front-door.invalid-input', params: { path: 'jobId' } },
    });
    const hugeToken = await callApi('saveConnection', {
      connection: { id: 'x', name: 'n', target: 'wolkvox-crm-cases', server: 'sandbox' },
      token: 'x'.repeat(4097),
    });
    expect(JSON.parse(hugeToken.text)).toEqual({
      error: { code: 'front-door.invalid-input', params: { path: 'token' } },
    });
    expect((await callApi('listJobs', { unexpected: 1 })).status).toBe(400);
    expect(engine.calls).toEqual([]);
  });

  it('rejects a body that is not JSON, or not declared as JSON', async () => {
    const broken = await send({
      method: 'POST',
      path: '/api/getJob',
      headers: { Cookie: cookie, 'X-Carga-Request': '1', 'Content-Type': 'application/json' },
      body: '{"jobId":',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.text)).toEqual({ error: { code: 'front-door.bad-json' } });
    const form = await send({
      method: 'POST',
      path: '/api/getJob',
      headers: { Cookie: cookie, 'X-Carga-Request': '1', 'Content-Type': 'text/plain' },
      body: '{"jobId":"a"}',
    });
    expect(form.status).toBe(415);
    expect(engine.calls).toEqual([]);
  });

  it('rejects a body over 1 MB with 413', async () => {
    const response = await callApi('matchTemplates', { columns: ['x'.repeat(1024 * 1024)] });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toEqual({
      error: { code: 'front-door.body-too-large', params: { limit: '1 MB' } },
    });
    expect(engine.calls).toEqual([]);
  });

  it("returns the engine's own message for an expected failure", async () => {
    const response = await callApi('getJob', { jobId: 'job-7' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({
      error: { code: 'job.not-found', params: { jobId: 'job-7' } },
    });
  });

  it('returns a generic message for an unexpected failure, never its text or stack', async () => {
    engine.failNext('cancelJob');
    const response = await callApi('cancelJob', { jobId: 'job-7' });
    expect(response.status).toBe(500);
    expect(JSON.parse(response.text)).toEqual({ error: { code: 'front-door.unexpected-error' } });
    expect(response.text).not.toContain('/srv/private/path');
    expect(response.text).not.toContain('fake engine');
  });

  it('answers 404 for an unknown method, including names of Object.prototype', async () => {
    for (const name of ['launchMissiles', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const response = await callApi(name);
      expect(response.status, name).toBe(404);
      expect(JSON.parse(response.text).error.code).toBe('front-door.unknown-method');
    }
    expect(engine.calls).toEqual([]);
  });

  it('answers 405 to a GET of a method', async () => {
    const response = await send({
      path: '/api/getAppInfo',
      headers: { Cookie: cookie, 'X-Carga-Request': '1' },
    });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });
});

describe('events', () => {
  it('refuses the stream without the cookie', async () => {
    expect((await send({ path: '/api/events' })).status).toBe(403);
    expect(
      (await send({ path: '/api/events', headers: { Cookie: `carga-session-${port}=nope` } })).status,
    ).toBe(403);
    expect(engine.listenerCount).toBe(0);
  });

  it("pushes the engine's events as server-sent events, and ends the stream when the server closes", async () => {
    const response = await fetch(`${server.origin}/api/events`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = await readUntil(reader, '', (text) => text.includes(': connected\n\n'));
    expect(engine.listenerCount).toBe(1);

    const event: EngineEvent = {
      type: 'job-status',
      jobId: 'job-1',
      status: 'paused',
      reason: { code: 'job.quota-reached', params: { resetsAt: '2026-01-01T00:00:00Z' } },
    };
    engine.emit(event);
    engine.emit({ type: 'templates-changed' });
    received = await readUntil(reader, received, (text) => text.includes('templates-changed'));
    const data = received
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice('data: '.length)));
    expect(data).toEqual([event, { type: 'templates-changed' }]);

    await server.close();
    expect(await readUntil(reader, received, () => false)).toBe(received);
    expect(engine.listenerCount).toBe(0);
  });

  it('keeps the stream alive with a comment every 15 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const response = await fetch(`${server.origin}/api/events`, { headers: { Cookie: cookie } });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let received = await readUntil(reader, '', (text) => text.includes(': connected\n\n'));
      vi.advanceTimersByTime(14_999);
      engine.emit({ type: 'templates-changed' });
      received = await readUntil(reader, received, (text) => text.includes('templates-changed'));
      expect(received).not.toContain(': heartbeat');
      vi.advanceTimersByTime(1);
      received = await readUntil(reader, received, (text) => text.includes(': heartbeat\n\n'));
      expect(received.endsWith('data: {"type":"templates-changed"}\n\n: heartbeat\n\n')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** Reads until `done(text)` holds, or the stream ends; returns everything read so far. */
async function readUntil(
  reader: ReadableStreamDefaultReader<string>,
  sofar: string,
  done: (text: string) => boolean,
): Promise<string> {
  let text = sofar;
  while (!done(text)) {
    const chunk = await reader.read();
    if (chunk.done) return text;
    text += chunk.value;
  }
  return text;
}

describe('uploads', () => {
  function upload(
    name: string,
    body: Readable | Buffer,
    headers: Record<string, string> = {},
  ): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/upload?name=${encodeURIComponent(name)}`,
          headers: {
            Cookie: cookie,
            'X-Carga-Request': '1',
            'Content-Type': 'application/octet-stream',
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', reject);
      if (Buffer.isBuffer(body)) req.end(body);
      else pipeline(body, req).catch(reject);
    });
  }

  it('streams a 20 MB body to a new file byte for byte, without holding it in memory', async () => {
    setFlagsFromString('--expose-gc');
    // Free dead buffers during gc() itself, so the figure read right after it is exact.
    setFlagsFromString('--no-concurrent-array-buffer-sweeping');
    const gc = runInNewContext('gc') as () => void;
    const size = 20 * 1024 * 1024;
    const chunkSize = 64 * 1024;
    const sent = createHash('sha256');
    let growthWhileStreaming = -1;
    gc();
    const baseline = process.memoryUsage().arrayBuffers;

    async function* body() {
      for (let offset = 0; offset < size; offset += chunkSize) {
        // Varied bytes, so a truncated or reordered copy cannot match by accident.
        const chunk = Buffer.alloc(chunkSize, (offset / chunkSize) % 251);
        chunk.writeUInt32BE(offset, 0);
        sent.update(chunk);
        if (offset === 16 * 1024 * 1024) {
          // 16 MB have gone through: a server holding the body would hold them now.
          gc();
          growthWhileStreaming = process.memoryUsage().arrayBuffers - baseline;
        }
        yield chunk;
      }
    }

    const response = await upload('Clientes Bogotá.csv', Readable.from(body()));
    expect(response.status).toBe(200);
    const { path } = JSON.parse(response.text) as { path: string };
    expect(path.startsWith(uploadsDir)).toBe(true);
    expect(path.endsWith('/Clientes Bogotá.csv')).toBe(true);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(sent.digest('hex'));
    expect(growthWhileStreaming).toBeGreaterThanOrEqual(0);
    expect(growthWhileStreaming).toBeLessThan(4 * 1024 * 1024);
  });

  it('keeps only the base name of what the browser sent, in a folder of its own', async () => {
    const first = JSON.parse((await upload('../../etc/passwd', Buffer.from('a'))).text) as { path: string };
    const second = JSON.parse((await upload('..\\..\\passwd', Buffer.from('b'))).text) as { path: string };
    expect(first.path.startsWith(uploadsDir + '/')).toBe(true);
    expect(first.path.endsWith('/passwd')).toBe(true);
    expect(second.path.endsWith('/passwd')).toBe(true);
    expect(first.path).not.toBe(second.path);
    expect(readFileSync(first.path, 'utf8')).toBe('a');
    expect(readdirSync(uploadsDir)).toHaveLength(2);
  });

  it('refuses a body declared over the limit before writing anything', async () => {
    const response = await new Promise<RawResponse>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/upload?name=big.csv',
          headers: { Cookie: cookie, 'X-Carga-Request': '1', 'Content-Length': String(64 * 1024 * 1024 + 1) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', reject);
      req.write('a,b\n');
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toEqual({
      error: { code: 'front-door.upload-too-large', params: { name: 'big.csv', limit: '64 MB' } },
    });
    expect(existsSync(uploadsDir)).toBe(false);
  });

  it('refuses an upload that would take all uploads past their total, saying how much they take', async () => {
    await server.close();
    server = await startWebServer({
      engine,
      staticDir: newTempDir(),
      uploadsDir,
      maxUploadBytes: 4096,
      maxUploadsTotalBytes: 6000,
    });
    port = Number(new URL(server.origin).port);
    cookie = await openSession(server.oneTimeUrl());
    expect((await upload('first.csv', Buffer.alloc(4000, 'a'))).status).toBe(200);
    const refused = await upload('second.csv', Buffer.alloc(3000, 'b'));
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.text)).toEqual({
      error: { code: 'front-door.uploads-full', params: { name: 'second.csv', used: '4 KB', limit: '6 KB' } },
    });
    // Streamed without a declared length, the limit holds too.
    const streamed = await upload('third.csv', Readable.from([Buffer.alloc(1500), Buffer.alloc(1500)]));
    expect(streamed.status).toBe(413);
    expect(readdirSync(uploadsDir)).toHaveLength(1);
    expect((await upload('small.csv', Buffer.alloc(1000, 'c'))).status).toBe(200);
  });

  it('refuses an upload without the cookie or without the request header', async () => {
    expect(
      (
        await send({
          method: 'POST',
          path: '/api/upload?name=a.csv',
          headers: { 'X-Carga-Request': '1' },
          body: 'a',
        })
      ).status,
    ).toBe(403);
    expect(
      (await send({ method: 'POST', path: '/api/upload?name=a.csv', headers: { Cookie: cookie }, body: 'a' }))
        .status,
    ).toBe(403);
    expect(existsSync(uploadsDir)).toBe(false);
  });
});
