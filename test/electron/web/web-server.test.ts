import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../../../shared/contract';
import { startWebServer, type WebServer } from '../../../electron/web/web-server';
import { useTempDirs } from '../../support/temp-dir';
import { FakeEngine } from './fake-engine';

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
let secret: string;

beforeEach(async () => {
  const root = newTempDir();
  const staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Carga</title>');
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log("carga");');
  writeFileSync(join(staticDir, 'assets', 'app-1234.css'), 'body{}');
  writeFileSync(join(staticDir, '.env'), 'SECRET=1');
  writeFileSync(join(root, 'outside.txt'), 'outside the static folder');
  uploadsDir = join(root, 'uploads');
  engine = new FakeEngine();
  server = await startWebServer({ engine, staticDir, uploadsDir, maxUploadBytes: 64 * 1024 * 1024 });
  port = Number(new URL(server.origin).port);
  secret = new URL(server.url).searchParams.get('s') ?? '';
});

afterEach(async () => {
  await server.close();
});

function send(options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function callApi(method: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'X-Carga-Secret': secret, 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('the URL it prints', () => {
  it('is on 127.0.0.1 and carries a secret of at least 128 bits', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?s=[A-Za-z0-9_-]+$/);
    expect(Buffer.from(secret, 'base64url').length).toBe(32);
  });

  it('carries a different secret at each launch', async () => {
    const other = await startWebServer({ engine, staticDir: newTempDir(), uploadsDir });
    try {
      expect(new URL(other.url).searchParams.get('s')).not.toBe(secret);
    } finally {
      await other.close();
    }
  });
});

describe('the page and its assets', () => {
  it('refuses the page without the secret or with a wrong one', async () => {
    expect((await send({ path: '/' })).status).toBe(403);
    expect((await send({ path: '/?s=wrong' })).status).toBe(403);
    expect((await send({ path: `/?s=${secret}x` })).status).toBe(403);
  });

  it('serves the page with the secret, with the security headers and a same-site cookie for its assets', async () => {
    const page = await send({ path: `/?s=${secret}` });
    expect(page.status).toBe(200);
    expect(page.text).toBe('<!doctype html><title>Carga</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['set-cookie']).toEqual([`carga-secret-${port}=${secret}; HttpOnly; SameSite=Strict; Path=/`]);
  });

  it('serves assets with their content types to a request carrying the cookie, and refuses them without it', async () => {
    const cookie = `carga-secret-${port}=${secret}`;
    const script = await send({ path: '/assets/app-1234.js', headers: { Cookie: cookie } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.text).toBe('console.log("carga");');
    const style = await send({ path: '/assets/app-1234.css', headers: { Cookie: `other=1; ${cookie}` } });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send({ path: '/assets/app-1234.js' })).status).toBe(403);
    expect((await send({ path: '/assets/app-1234.js', headers: { Cookie: `carga-secret-${port}=wrong` } })).status).toBe(403);
  });

  it('serves nothing outside the built renderer, and no hidden file', async () => {
    const cookie = { Cookie: `carga-secret-${port}=${secret}` };
    expect((await send({ path: '/../outside.txt', headers: cookie })).status).toBe(404);
    expect((await send({ path: '/%2e%2e/outside.txt', headers: cookie })).status).toBe(404);
    expect((await send({ path: '/assets/..%2f..%2foutside.txt', headers: cookie })).status).toBe(404);
    expect((await send({ path: '/.env', headers: cookie })).status).toBe(404);
    expect((await send({ path: '/missing.js', headers: cookie })).status).toBe(404);
    expect((await send({ path: '/assets', headers: cookie })).status).toBe(404);
  });
});

describe('Host and Origin', () => {
  it('refuses a Host other than 127.0.0.1 or localhost on its own port, even with the secret (DNS rebinding)', async () => {
    expect((await send({ path: `/?s=${secret}`, headers: { Host: `evil.example:${port}` } })).status).toBe(403);
    expect((await send({ path: `/?s=${secret}`, headers: { Host: `127.0.0.1:${port + 1}` } })).status).toBe(403);
    expect((await send({ path: `/?s=${secret}`, headers: { Host: '127.0.0.1' } })).status).toBe(403);
    expect((await callApi('getAppInfo', undefined, { Host: `attacker.test:${port}` })).status).toBe(403);
    expect((await send({ path: `/?s=${secret}`, headers: { Host: `localhost:${port}` } })).status).toBe(200);
    expect(engine.calls).toEqual([]);
  });

  it('refuses a foreign Origin and accepts its own', async () => {
    expect((await callApi('getAppInfo', undefined, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await callApi('getAppInfo', undefined, { Origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
    expect((await callApi('getAppInfo', undefined, { Origin: 'null' })).status).toBe(403);
    expect(engine.calls).toEqual([]);
    expect((await callApi('getAppInfo', undefined, { Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await callApi('getAppInfo', undefined, { Origin: `http://localhost:${port}` })).status).toBe(200);
  });
});

describe('the API', () => {
  it('refuses a call without the secret header, with a wrong one, or with the secret only in the URL', async () => {
    const noHeader = await send({ method: 'POST', path: '/api/getAppInfo', headers: { 'Content-Type': 'application/json' } });
    expect(noHeader.status).toBe(403);
    expect(JSON.parse(noHeader.text)).toEqual({ error: { code: 'front-door.forbidden' } });
    expect((await callApi('getAppInfo', undefined, { 'X-Carga-Secret': 'guess' })).status).toBe(403);
    expect((await send({ method: 'POST', path: `/api/getAppInfo?s=${secret}`, headers: { 'Content-Type': 'application/json' } })).status).toBe(403);
    expect((await send({ method: 'POST', path: '/api/getAppInfo', headers: { 'Content-Type': 'application/json', Cookie: `carga-secret-${port}=${secret}` } })).status).toBe(403);
    expect(engine.calls).toEqual([]);
  });

  it('answers a method without input', async () => {
    const response = await callApi('getAppInfo');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(response.text)).toEqual({ version: '0.0.0-test', lang: 'es', frontDoor: 'web', sandboxOrigin: null });
  });

  it('passes the parsed input to the engine and returns its result; the token goes in and never comes back', async () => {
    const connection = { id: 'crm-1', name: 'Producción', target: 'wolkvox-crm-cases', server: 'crm0007.wolkvox.com', operation: 'ventas' };
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
    const response = await callApi('saveConnection', { connection: { id: 'x', name: 'n', target: 'wolkvox-crm-cases', server: 42 } });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ error: { code: 'front-door.invalid-input', params: { path: 'connection.server' } } });
    const extra = await callApi('deleteConnection', { id: 'a', extra: true });
    expect(extra.status).toBe(400);
    const traversal = await callApi('getJob', { jobId: '../../etc' });
    expect(JSON.parse(traversal.text)).toEqual({ error: { code: 'front-door.invalid-input', params: { path: 'jobId' } } });
    const hugeToken = await callApi('saveConnection', {
      connection: { id: 'x', name: 'n', target: 'wolkvox-crm-cases', server: 'sandbox' },
      token: 'x'.repeat(4097),
    });
    expect(JSON.parse(hugeToken.text)).toEqual({ error: { code: 'front-door.invalid-input', params: { path: 'token' } } });
    expect((await callApi('listJobs', { unexpected: 1 })).status).toBe(400);
    expect(engine.calls).toEqual([]);
  });

  it('rejects a body that is not JSON, or not declared as JSON', async () => {
    const broken = await send({ method: 'POST', path: '/api/getJob', headers: { 'X-Carga-Secret': secret, 'Content-Type': 'application/json' }, body: '{"jobId":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.text)).toEqual({ error: { code: 'front-door.bad-json' } });
    const form = await send({ method: 'POST', path: '/api/getJob', headers: { 'X-Carga-Secret': secret, 'Content-Type': 'text/plain' }, body: '{"jobId":"a"}' });
    expect(form.status).toBe(415);
    expect(engine.calls).toEqual([]);
  });

  it('rejects a body over 1 MB with 413', async () => {
    const response = await callApi('matchTemplates', { columns: ['x'.repeat(1024 * 1024)] });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toEqual({ error: { code: 'front-door.body-too-large', params: { limit: '1 MB' } } });
    expect(engine.calls).toEqual([]);
  });

  it("returns the engine's own message for an expected failure", async () => {
    const response = await callApi('getJob', { jobId: 'job-7' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({ error: { code: 'job.not-found', params: { jobId: 'job-7' } } });
  });

  it('returns a generic message for an unexpected failure, never its text or stack', async () => {
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
    const response = await send({ path: '/api/getAppInfo', headers: { 'X-Carga-Secret': secret } });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });
});

describe('events', () => {
  it('refuses the stream without the secret', async () => {
    expect((await send({ path: '/api/events' })).status).toBe(403);
    expect((await send({ path: '/api/events?s=nope' })).status).toBe(403);
    expect(engine.listenerCount).toBe(0);
  });

  it("pushes the engine's events as server-sent events, and ends the stream when the server closes", async () => {
    const response = await fetch(`${server.origin}/api/events?s=${secret}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = await readUntil(reader, '', (text) => text.includes(': connected\n\n'));
    expect(engine.listenerCount).toBe(1);

    const event: EngineEvent = { type: 'job-status', jobId: 'job-1', status: 'paused', reason: { code: 'job.quota-reached', params: { resetsAt: '2026-01-01T00:00:00Z' } } };
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
      const response = await fetch(`${server.origin}/api/events?s=${secret}`);
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
async function readUntil(reader: ReadableStreamDefaultReader<string>, sofar: string, done: (text: string) => boolean): Promise<string> {
  let text = sofar;
  while (!done(text)) {
    const chunk = await reader.read();
    if (chunk.done) return text;
    text += chunk.value;
  }
  return text;
}

describe('uploads', () => {
  function upload(name: string, body: Readable | Buffer, headers: Record<string, string> = {}): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/upload?name=${encodeURIComponent(name)}`,
          headers: { 'X-Carga-Secret': secret, 'Content-Type': 'application/octet-stream', ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
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
          headers: { 'X-Carga-Secret': secret, 'Content-Length': String(64 * 1024 * 1024 + 1) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.write('a,b\n');
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toEqual({ error: { code: 'front-door.upload-too-large', params: { name: 'big.csv', limit: '64 MB' } } });
    expect(existsSync(uploadsDir)).toBe(false);
  });

  it('refuses an upload without the secret header', async () => {
    const response = await send({ method: 'POST', path: `/api/upload?name=a.csv&s=${secret}`, body: 'a' });
    expect(response.status).toBe(403);
  });
});
