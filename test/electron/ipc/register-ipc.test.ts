import { describe, expect, it } from 'vitest';

import { EVENT_CHANNEL } from '../../../electron/ipc/channels';
import { forwardEvents, type EventTarget } from '../../../electron/ipc/event-forwarding';
import { createPreloadApi, type IpcRendererLike } from '../../../electron/ipc/preload-api';
import { registerIpc, type InvokeEvent, type IpcMainLike } from '../../../electron/ipc/register-ipc';
import { isTrustedSender } from '../../../electron/ipc/sender-check';
import { createElectronBridge } from '../../../renderer/bridge/electron-bridge';
import { METHOD_NAMES, type EngineEvent } from '../../../shared/contract';
import { isCargaError } from '../../../shared/errors/carga-error';
import type { WireOutcome } from '../../../shared/preload-api';
import { FakeEngine } from '../../support/fake-engine';

const APP_URL = 'file:///opt/Carga/resources/app.asar/.vite/renderer/main_window/index.html';
const trusted: InvokeEvent = { senderFrame: { url: APP_URL } };
const foreign: InvokeEvent = { senderFrame: { url: 'https://evil.example/' } };

type Handler = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** Records handlers as Electron's ipcMain would hold them. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls a handler the way a renderer's invoke reaches it; answers are structured-cloned, as IPC does. */
  async invoke(event: InvokeEvent, channel: string, ...args: unknown[]): Promise<WireOutcome<unknown>> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return structuredClone((await handler(event, ...structuredClone(args))) as WireOutcome<unknown>);
  }
}

function setUp() {
  const engine = new FakeEngine();
  const ipcMain = new FakeIpcMain();
  const unregister = registerIpc(ipcMain, engine, (event) => isTrustedSender(event.senderFrame, APP_URL));
  return { engine, ipcMain, unregister };
}

describe('registerIpc', () => {
  it('registers one channel per contract method, named carga:<method>, and removes them all', () => {
    const { ipcMain, unregister } = setUp();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      METHOD_NAMES.map((method) => `carga:${method}`).sort(),
    );
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers a trusted sender with the engine result', async () => {
    const { ipcMain, engine } = setUp();
    expect(await ipcMain.invoke(trusted, 'carga:getAppInfo')).toEqual({
      ok: true,
      value: { version: '0.0.0-test', lang: 'en', frontDoor: 'web', sandboxOrigin: 'http://127.0.0.1:1' },
    });
    const connection = {
      id: 'crm-3',
      name: 'Medellín',
      target: 'wolkvox-crm-cases',
      server: 'crm0003.wolkvox.com',
    };
    const saved = await ipcMain.invoke(trusted, 'carga:saveConnection', { connection, token: 'tok-xyz' });
    expect(saved).toEqual({ ok: true, value: { ...connection, hasToken: true, isSandbox: false } });
    expect(JSON.stringify(saved)).not.toContain('tok-xyz');
    expect(engine.calls.map((call) => call.method)).toEqual(['getAppInfo', 'saveConnection']);
  });

  it('refuses a sender from another page or a destroyed frame without calling the engine', async () => {
    const { ipcMain, engine } = setUp();
    const refused = {
      ok: false,
      error: { message: 'front-door.forbidden', detail: { code: 'front-door.forbidden' } },
    };
    expect(await ipcMain.invoke(foreign, 'carga:listConnections')).toEqual(refused);
    expect(
      await ipcMain.invoke({ senderFrame: null }, 'carga:deleteConnection', { id: 'sandbox-cases' }),
    ).toEqual(refused);
    expect(
      await ipcMain.invoke({ senderFrame: { url: 'http://localhost:5173/' } }, 'carga:getAppInfo'),
    ).toEqual(refused);
    expect(engine.calls).toEqual([]);
  });

  it('refuses invalid input, saying where, without calling the engine', async () => {
    const { ipcMain, engine } = setUp();
    expect(
      await ipcMain.invoke(trusted, 'carga:listResults', { jobId: 'j1', offset: 0, limit: 100_000 }),
    ).toEqual({
      ok: false,
      error: {
        message: 'front-door.invalid-input',
        detail: { code: 'front-door.invalid-input', params: { path: 'limit' } },
      },
    });
    expect(
      await ipcMain.invoke(trusted, 'carga:openFile', { path: '/tmp/a.csv', options: { delimiter: ':' } }),
    ).toMatchObject({
      ok: false,
      error: { detail: { params: { path: 'options.delimiter' } } },
    });
    expect(await ipcMain.invoke(trusted, 'carga:listJobs', { sneaky: true })).toMatchObject({
      ok: false,
      error: { message: 'front-door.invalid-input' },
    });
    expect(await ipcMain.invoke(trusted, 'carga:getJob', { jobId: 'j1' }, 'second argument')).toMatchObject({
      ok: false,
      error: { message: 'front-door.invalid-input' },
    });
    expect(await ipcMain.invoke(trusted, 'carga:deleteTemplate')).toMatchObject({
      ok: false,
      error: { message: 'front-door.invalid-input' },
    });
    expect(engine.calls).toEqual([]);
  });

  it("carries an engine's expected failure as its Message and anything else as a generic one", async () => {
    const { ipcMain, engine } = setUp();
    expect(await ipcMain.invoke(trusted, 'carga:getJob', { jobId: 'job-4' })).toEqual({
      ok: false,
      error: { message: 'job.not-found', detail: { code: 'job.not-found', params: { jobId: 'job-4' } } },
    });
    engine.failNext('pauseJob');
    const unexpected = await ipcMain.invoke(trusted, 'carga:pauseJob', { jobId: 'job-4' });
    expect(unexpected).toEqual({
      ok: false,
      error: { message: 'front-door.unexpected-error', detail: { code: 'front-door.unexpected-error' } },
    });
    expect(JSON.stringify(unexpected)).not.toContain('/srv/private/path');
  });
});

/** The renderer side of IPC: invoke reaches the recorded handlers from the app's own frame;
 * `send` from main reaches the `on` listeners with an IPC event first, as Electron does. */
class FakeIpcRenderer implements IpcRendererLike {
  private readonly listeners = new Map<string, Set<(ipcEvent: unknown, ...args: unknown[]) => void>>();
  constructor(private readonly ipcMain: FakeIpcMain) {}
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return this.ipcMain.invoke(trusted, channel, ...args);
  }
  on(channel: string, listener: (ipcEvent: unknown, ...args: unknown[]) => void): this {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }
  removeListener(channel: string, listener: (ipcEvent: unknown, ...args: unknown[]) => void): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
  /** What webContents.send does on the other side. */
  readonly webContents: EventTarget = {
    isDestroyed: () => false,
    send: (channel, event) => {
      for (const listener of this.listeners.get(channel) ?? [])
        listener({ sender: 'ipc-event' }, structuredClone(event));
    },
  };
}

describe('the whole IPC path: preload, main handlers and the electron bridge', () => {
  function wire(paths: Record<string, string> = {}) {
    const { engine, ipcMain } = setUp();
    const ipcRenderer = new FakeIpcRenderer(ipcMain);
    const preload = createPreloadApi<File>(ipcRenderer, { getPathForFile: (file) => paths[file.name] ?? '' });
    const stopForwarding = forwardEvents(engine, () => ipcRenderer.webContents);
    return { engine, ipcRenderer, bridge: createElectronBridge(preload), stopForwarding };
  }

  it('calls the engine and returns its results', async () => {
    const { bridge } = wire();
    expect((await bridge.getAppInfo()).version).toBe('0.0.0-test');
    expect(await bridge.listConnections()).toEqual([
      {
        id: 'sandbox-cases',
        name: 'Sandbox · wolkvox CRM',
        target: 'wolkvox-crm-cases',
        server: 'sandbox',
        operation: 'demo',
        hasToken: false,
        isSandbox: true,
      },
    ]);
    expect(await bridge.deleteConnection({ id: 'sandbox-cases' })).toBeUndefined();
  });

  it("rejects with a CargaError whose detail is the engine's message", async () => {
    const { bridge } = wire();
    const error = await bridge.getJob({ jobId: 'job-5' }).catch((reason: unknown) => reason);
    expect(isCargaError(error)).toBe(true);
    expect(error).toMatchObject({
      message: 'job.not-found',
      detail: { code: 'job.not-found', params: { jobId: 'job-5' } },
    });
  });

  it('delivers engine events without the IPC event, until unsubscribed', async () => {
    const { engine, ipcRenderer, bridge } = wire();
    const received: EngineEvent[] = [];
    const stop = bridge.onEvent((event) => received.push(event));
    engine.emit({ type: 'check-progress', checkId: 'c1', rows: 5000 });
    stop();
    engine.emit({ type: 'templates-changed' });
    expect(received).toEqual([{ type: 'check-progress', checkId: 'c1', rows: 5000 }]);
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('skips a closed or destroyed window and stops forwarding when asked', () => {
    const { engine } = setUp();
    const sent: string[] = [];
    let target: EventTarget | null = null;
    const stop = forwardEvents(engine, () => target);
    engine.emit({ type: 'templates-changed' });
    target = { isDestroyed: () => true, send: () => sent.push('destroyed') };
    engine.emit({ type: 'templates-changed' });
    target = { isDestroyed: () => false, send: (channel, event) => sent.push(`${channel} ${event.type}`) };
    engine.emit({ type: 'connections-changed' });
    stop();
    engine.emit({ type: 'templates-changed' });
    expect(sent).toEqual(['carga:event connections-changed']);
  });

  it("gives a dropped file's real path, and refuses a file that has none", async () => {
    const { bridge } = wire({ 'casos.csv': '/home/ana/casos.csv' });
    const progress: number[] = [];
    expect(await bridge.pathForFile(new File(['abc'], 'casos.csv'), (sent) => progress.push(sent))).toBe(
      '/home/ana/casos.csv',
    );
    expect(progress).toEqual([3]);
    const error = await bridge
      .pathForFile(new File(['abc'], 'pegado.csv'))
      .catch((reason: unknown) => reason);
    expect(error).toMatchObject({
      detail: { code: 'front-door.file-without-path', params: { name: 'pegado.csv' } },
    });
  });
});
