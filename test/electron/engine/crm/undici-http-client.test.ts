import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import type { HttpClient, SendResult } from '../../../../electron/engine/crm/http-client';
import { createHttpClient } from '../../../../electron/engine/crm/undici-http-client';
import { CargaError } from '../../../../shared/errors/carga-error';
import { classifyNetworkError, classifyWolkvoxResponse } from '../../../../shared/errors/classify';

interface TestServer {
  origin: string;
  sockets: Set<Socket>;
  /** Each request's body, as the server read it. */
  bodies: Buffer[];
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function startServer(
  handle: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void,
): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const bodies: Buffer[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      bodies.push(body);
      handle(req, res, body);
    });
  });
  server.on('connection', (socket) => sockets.add(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets, bodies };
}

function client(): HttpClient {
  const created = createHttpClient();
  cleanups.push(() => created.close());
  return created;
}

function networkError(result: SendResult): Extract<SendResult, { kind: 'network-error' }> {
  if (result.kind !== 'network-error')
    throw new Error(`expected a network error, got ${JSON.stringify(result)}`);
  return result;
}

describe('createHttpClient', () => {
  it('sends the request as built and reads the whole answer', async () => {
    const server = await startServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          token: req.headers['wolkvox-token'],
          type: req.headers['content-type'],
        }),
      );
    });
    const body = new TextEncoder().encode('{"nombre":"Muñoz"}');
    const result = await client().send(
      {
        method: 'POST',
        url: `${server.origin}/server/API/v2/cases/insert.php?x=1`,
        headers: { 'Wolkvox-Token': 'tok-123456', 'Content-Type': 'application/json' },
        body,
      },
      { timeoutMs: 10_000 },
    );
    expect(result).toEqual({
      kind: 'response',
      response: {
        status: 200,
        bodyText: JSON.stringify({
          method: 'POST',
          url: '/server/API/v2/cases/insert.php?x=1',
          token: 'tok-123456',
          type: 'application/json',
        }),
      },
    });
    expect(server.bodies[0]?.toString('utf8')).toBe('{"nombre":"Muñoz"}');
  });

  it('returns an HTML error page as a response, which the catalogue reads as transient', async () => {
    const html = '<html><body><h1>503 Service Unavailable</h1></body></html>';
    const server = await startServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end(html);
    });
    const result = await client().send(
      { method: 'GET', url: `${server.origin}/api/v2/information.php?api=token_info`, headers: {} },
      { timeoutMs: 10_000 },
    );
    expect(result).toEqual({ kind: 'response', response: { status: 503, bodyText: html } });
    if (result.kind !== 'response') return;
    expect(classifyWolkvoxResponse(result.response.status, result.response.bodyText)).toMatchObject({
      kind: 'failure',
      failureClass: 'transient',
    });
  });

  it('decodes an answer in the charset the server names', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=ISO-8859-1' });
      res.end(Buffer.from('{"ciudad":"Bogotá"}', 'latin1'));
    });
    const result = await client().send(
      { method: 'GET', url: `${server.origin}/`, headers: {} },
      { timeoutMs: 10_000 },
    );
    expect(result).toEqual({ kind: 'response', response: { status: 200, bodyText: '{"ciudad":"Bogotá"}' } });
  });

  it('reuses one connection for requests in sequence (keep-alive)', async () => {
    const server = await startServer((_req, res) => res.end('{}'));
    const http = client();
    for (let i = 0; i < 3; i += 1) {
      const result = await http.send(
        { method: 'POST', url: `${server.origin}/`, headers: {}, body: `{"i":${i}}` },
        { timeoutMs: 10_000 },
      );
      expect(result.kind).toBe('response');
      // The runner writes the journal between requests; undici checks an idle socket in the next
      // turn of the event loop before reusing it, and a request sent earlier gets a second one.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect(server.bodies.map((body) => body.toString())).toEqual(['{"i":0}', '{"i":1}', '{"i":2}']);
    expect(server.sockets.size).toBe(1);
  });

  it('a refused connection was not sent: transient', async () => {
    const closed = await startServer(() => undefined);
    await cleanups.pop()?.();
    const result = networkError(
      await client().send(
        { method: 'POST', url: `${closed.origin}/`, headers: {}, body: '{}' },
        { timeoutMs: 10_000 },
      ),
    );
    expect(result).toMatchObject({ code: 'ECONNREFUSED', sent: false, timedOut: false });
    expect(classifyNetworkError(result.code, result.message, result.sent, result.timedOut)).toMatchObject({
      failureClass: 'transient',
    });
  });

  it('a connection dropped after the server read the request was sent: uncertain', async () => {
    const server = await startServer((req) => req.socket.destroy());
    const result = networkError(
      await client().send(
        { method: 'POST', url: `${server.origin}/`, headers: {}, body: '{"a":1}' },
        { timeoutMs: 10_000 },
      ),
    );
    expect(server.bodies.map((body) => body.toString())).toEqual(['{"a":1}']);
    expect(result).toMatchObject({ sent: true, timedOut: false });
    expect(classifyNetworkError(result.code, result.message, result.sent, result.timedOut)).toMatchObject({
      failureClass: 'uncertain',
    });
  });

  it('no answer within the time limit after sending: timed out and sent', async () => {
    let received!: () => void;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    const server = await startServer(() => received());
    const result = networkError(
      await client().send(
        { method: 'POST', url: `${server.origin}/`, headers: {}, body: '{}' },
        { timeoutMs: 500 },
      ),
    );
    await arrived;
    expect(result).toMatchObject({ code: 'ETIMEDOUT', sent: true, timedOut: true });
    expect(classifyNetworkError(result.code, result.message, result.sent, result.timedOut)).toMatchObject({
      failureClass: 'uncertain',
      explanation: { code: 'crm.network.timeout-after-send' },
    });
  });

  it('cancelling after the request was sent reports it as sent', async () => {
    const cancel = new AbortController();
    const server = await startServer(() => cancel.abort());
    const result = networkError(
      await client().send(
        { method: 'POST', url: `${server.origin}/`, headers: {}, body: '{}' },
        { timeoutMs: 10_000, signal: cancel.signal },
      ),
    );
    expect(result).toMatchObject({ code: 'ABORT_ERR', sent: true, timedOut: false });
  });

  it('a signal aborted beforehand sends nothing', async () => {
    const server = await startServer((_req, res) => res.end('{}'));
    const result = networkError(
      await client().send(
        { method: 'POST', url: `${server.origin}/`, headers: {}, body: '{}' },
        { timeoutMs: 10_000, signal: AbortSignal.abort() },
      ),
    );
    expect(result).toMatchObject({ code: 'ABORT_ERR', sent: false });
    expect(server.sockets.size).toBe(0);
  });

  it('an answer over 10 MB is not read', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.alloc(11 * 1024 * 1024, 0x20));
    });
    const result = networkError(
      await client().send({ method: 'GET', url: `${server.origin}/`, headers: {} }, { timeoutMs: 30_000 }),
    );
    expect(result).toMatchObject({ code: 'ERESPONSETOOLARGE', sent: true });
  });

  it('refuses plain http to a host other than this machine, without any network traffic', async () => {
    const created: unknown[] = [];
    const listener = (message: unknown): void => {
      created.push(message);
    };
    subscribe('undici:request:create', listener);
    try {
      const http = client();
      const attempt = http.send(
        {
          method: 'POST',
          url: 'http://crm0000.wolkvox.com/server/API/v2/cases/insert.php',
          headers: {},
          body: '{}',
        },
        { timeoutMs: 10_000 },
      );
      await expect(attempt).rejects.toBeInstanceOf(CargaError);
      await expect(attempt).rejects.toMatchObject({
        detail: { code: 'crm.http.insecure-url', params: { origin: 'http://crm0000.wolkvox.com' } },
      });
      await expect(
        http.send({ method: 'GET', url: 'ftp://crm0000.wolkvox.com/', headers: {} }, { timeoutMs: 10_000 }),
      ).rejects.toMatchObject({
        detail: { code: 'crm.http.unsupported-url' },
      });
      await expect(
        http.send({ method: 'GET', url: 'not a url', headers: {} }, { timeoutMs: 10_000 }),
      ).rejects.toMatchObject({
        detail: { code: 'crm.http.unsupported-url' },
      });
    } finally {
      unsubscribe('undici:request:create', listener);
    }
    expect(created).toEqual([]);
  });

  it('a header value that cannot be sent stops rather than retries', async () => {
    const server = await startServer((_req, res) => res.end('{}'));
    const result = networkError(
      await client().send(
        { method: 'GET', url: `${server.origin}/`, headers: { 'Wolkvox-Token': 'abc\r\ndef-secret' } },
        { timeoutMs: 10_000 },
      ),
    );
    expect(result.sent).toBe(false);
    expect(result.message).not.toContain('def-secret');
    expect(classifyNetworkError(result.code, result.message, result.sent, result.timedOut)).toMatchObject({
      failureClass: 'stop',
    });
  });
});
