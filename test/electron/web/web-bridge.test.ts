import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

import { Agent, EventSource, type Dispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startWebServer, type WebServer } from '../../../electron/web/web-server';
import type { Bridge } from '../../../renderer/bridge/bridge';
import {
  createWebBridge,
  type EventSourceLike,
  type PlainResponse,
  type WebBridgeEnvironment,
} from '../../../renderer/bridge/web-bridge';
import type { EngineEvent } from '../../../shared/contract';
import { isCargaError } from '../../../shared/errors/carga-error';
import { FakeEngine } from '../../support/fake-engine';
import { useTempDirs } from '../../support/temp-dir';

// The renderer's web bridge against the real web front door over real HTTP, with Node's fetch
// and undici's EventSource standing in for the browser's.

const newTempDir = useTempDirs();
let engine: FakeEngine;
let server: WebServer;
let uploadsDir: string;
let sources: { url: string; opened: Promise<void>; closed: boolean }[];

/** What the browser does by itself: send the session cookie with every request to the page's
 * origin (none when `cookie` is null). */
function environment(cookie: string | null): WebBridgeEnvironment {
  const withCookie = (headers: Record<string, string>) => (cookie ? { ...headers, Cookie: cookie } : headers);
  return {
    baseUrl: server.origin,
    fetch: (url, init) => fetch(url, { ...init, headers: withCookie(init.headers) }),
    openEventSource(url): EventSourceLike {
      const source = new EventSource(url, { dispatcher: cookieDispatcher(cookie) });
      const record = {
        url,
        opened: new Promise<void>((resolve) => source.addEventListener('open', () => resolve())),
        closed: false,
      };
      sources.push(record);
      return {
        addEventListener: (type: 'message' | 'error' | 'open', listener: (event: { data: string }) => void) =>
          source.addEventListener(type, (event) =>
            listener({ data: 'data' in event ? String(event.data) : '' }),
          ),
        close: () => {
          record.closed = true;
          source.close();
        },
      };
    },
    uploadWithProgress: (url, body, headers, onProgress) =>
      uploadWithNodeHttp(url, body, withCookie(headers), onProgress),
    // Reports are downloaded against the real engine in report-download.test.ts.
    saveDownload: () => undefined,
  };
}

function cookieDispatcher(cookie: string | null): Dispatcher {
  const agent = new Agent();
  if (!cookie) return agent;
  return agent.compose(
    (dispatch) => (options, handler) =>
      dispatch({ ...options, headers: { ...(options.headers as Record<string, string>), cookie } }, handler),
  );
}

/** Uses a one-time address as the browser does; returns the cookie it set. */
async function openSession(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** What XMLHttpRequest does in the browser: send the body, reporting bytes sent. */
async function uploadWithNodeHttp(
  url: string,
  body: Blob,
  headers: Record<string, string>,
  onProgress: (sentBytes: number) => void,
): Promise<PlainResponse> {
  const bytes = Buffer.from(await body.arrayBuffer());
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { ...headers, 'Content-Length': String(bytes.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(bytes, () => onProgress(bytes.length));
  });
}

let bridge: Bridge;

beforeEach(async () => {
  const root = newTempDir();
  mkdirSync(join(root, 'static'));
  writeFileSync(join(root, 'static', 'index.html'), '<!doctype html>');
  uploadsDir = join(root, 'uploads');
  engine = new FakeEngine();
  sources = [];
  server = await startWebServer({ engine, staticDir: join(root, 'static'), uploadsDir });
  bridge = createWebBridge(environment(await openSession(server.oneTimeUrl())));
});

afterEach(async () => {
  await server.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('the web bridge', () => {
  it('calls a method without input and one with input', async () => {
    expect(await bridge.getAppInfo()).toEqual({
      version: '0.0.0-test',
      lang: 'en',
      frontDoor: 'web',
      sandboxOrigin: 'http://127.0.0.1:1',
    });
    const connection = {
      id: 'crm-2',
      name: 'Cali',
      target: 'wolkvox-crm-cases' as const,
      server: 'crm0002.wolkvox.com',
    };
    expect(await bridge.saveConnection({ connection, token: 'tok-abc' })).toEqual({
      ...connection,
      hasToken: true,
      isSandbox: false,
    });
    expect(engine.calls.map((call) => call.method)).toEqual(['getAppInfo', 'saveConnection']);
  });

  it('resolves to undefined for a method that returns nothing', async () => {
    expect(await bridge.deleteConnection({ id: 'sandbox-cases' })).toBeUndefined();
  });

  it("rejects with a CargaError carrying the engine's message", async () => {
    const error = await rejection(bridge.getJob({ jobId: 'job-9' }));
    expect(isCargaError(error)).toBe(true);
    expect(error).toMatchObject({
      message: 'job.not-found',
      detail: { code: 'job.not-found', params: { jobId: 'job-9' } },
    });
  });

  it('rejects invalid input with the front door message', async () => {
    const error = await rejection(bridge.listResults({ jobId: 'job-1', offset: -1, limit: 10 }));
    expect(error).toMatchObject({ detail: { code: 'front-door.invalid-input', params: { path: 'offset' } } });
  });

  it('is refused without the session cookie', async () => {
    const port = new URL(server.origin).port;
    const stranger = createWebBridge(environment(`carga-session-${port}=not-the-secret`));
    expect(await rejection(stranger.getAppInfo())).toMatchObject({
      detail: { code: 'front-door.session-ended' },
    });
    const none = createWebBridge(environment(null));
    expect(await rejection(none.listJobs())).toMatchObject({ detail: { code: 'front-door.forbidden' } });
    expect(engine.calls).toEqual([]);
  });

  it('says the connection was lost when the server is gone', async () => {
    await server.close();
    expect(await rejection(bridge.getAppInfo())).toMatchObject({
      detail: { code: 'front-door.connection-lost' },
    });
  });

  it('fans events out to every listener over one stream, and closes it when the last one leaves', async () => {
    const first: EngineEvent[] = [];
    const second: EngineEvent[] = [];
    const stopFirst = bridge.onEvent((event) => first.push(event));
    const stopSecond = bridge.onEvent((event) => second.push(event));
    expect(sources).toHaveLength(1);
    await sources[0]!.opened;

    const delivered = new Promise<void>((resolve) => {
      const stop = bridge.onEvent((event) => {
        if (event.type === 'templates-changed') {
          stop();
          resolve();
        }
      });
    });
    engine.emit({ type: 'connections-changed' });
    engine.emit({ type: 'templates-changed' });
    await delivered;
    expect(first).toEqual([{ type: 'connections-changed' }, { type: 'templates-changed' }]);
    expect(second).toEqual(first);

    stopFirst();
    expect(sources[0]!.closed).toBe(false);
    stopSecond();
    expect(sources[0]!.closed).toBe(true);
    expect(sources).toHaveLength(1);
  });

  it('uploads a dropped file and returns where the engine can open it', async () => {
    const file = new File(['Nombre;Teléfono\nAna;3001234567\n'], 'clientes.csv');
    const path = await bridge.pathForFile(file);
    expect(path.startsWith(uploadsDir)).toBe(true);
    expect(path.endsWith('/clientes.csv')).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('Nombre;Teléfono\nAna;3001234567\n');
  });

  it('reports upload progress when asked to', async () => {
    const progress: number[] = [];
    const file = new File(['x'.repeat(1000)], 'x.csv');
    const path = await bridge.pathForFile(file, (sent) => progress.push(sent));
    expect(readFileSync(path, 'utf8')).toHaveLength(1000);
    expect(progress).toEqual([1000]);
  });
});
