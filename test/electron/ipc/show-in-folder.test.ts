import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createPreloadApi } from '../../../electron/ipc/preload-api';
import type { InvokeEvent } from '../../../electron/ipc/register-ipc';
import { isTrustedSender } from '../../../electron/ipc/sender-check';
import { registerShowInFolder } from '../../../electron/ipc/show-in-folder';
import { createElectronBridge } from '../../../renderer/bridge/electron-bridge';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const APP_URL = 'file:///opt/Carga/resources/app.asar/.vite/renderer/main_window/index.html';

type Handler = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** "Show in folder" from the renderer's bridge through the preload to the main handler, as in
 * the app, with `frame` as the page that asks and the shell's reveal recorded. */
function wire(frameUrl = APP_URL) {
  const dataDir = tempDir();
  const report = join(dataDir, 'jobs', 'j1', 'casos - errores - j1.csv');
  mkdirSync(join(dataDir, 'jobs', 'j1'), { recursive: true });
  writeFileSync(report, 'x');
  const handlers = new Map<string, Handler>();
  const revealed: string[] = [];
  registerShowInFolder(
    {
      handle: (channel, listener) => void handlers.set(channel, listener),
      removeHandler: (c) => void handlers.delete(c),
    },
    (event) => isTrustedSender(event.senderFrame, APP_URL),
    dataDir,
    (path) => revealed.push(path),
  );
  const invoke = async (channel: string, ...args: unknown[]) =>
    structuredClone(
      await handlers.get(channel)!({ senderFrame: { url: frameUrl } }, ...structuredClone(args)),
    );
  const preload = createPreloadApi<File>(
    { invoke, on: () => undefined, removeListener: () => undefined },
    { getPathForFile: () => '' },
  );
  return { dataDir, report, revealed, preload, bridge: createElectronBridge(preload) };
}

describe('Show in folder', () => {
  it('reveals a report Carga wrote, through the typed bridge', async () => {
    const { bridge, report, revealed } = wire();
    await bridge.showInFolder?.(report);
    expect(revealed).toEqual([report]);
  });

  it('refuses a page that is not the app’s own', async () => {
    const { bridge, report, revealed } = wire('https://evil.example/');
    await expect(bridge.showInFolder?.(report)).rejects.toMatchObject({
      detail: { code: 'front-door.forbidden' },
    });
    expect(revealed).toEqual([]);
  });

  it('reveals nothing outside Carga’s data folder, nothing relative, nothing missing, nothing not a path', async () => {
    const { preload, dataDir, revealed } = wire();
    const outside = join(tempDir(), 'other.csv');
    writeFileSync(outside, 'x');
    expect(await preload.showInFolder(outside)).toMatchObject({
      ok: false,
      error: { detail: { code: 'front-door.forbidden' } },
    });
    expect(await preload.showInFolder(join(dataDir, '..', 'x.csv'))).toMatchObject({ ok: false });
    expect(await preload.showInFolder(dataDir)).toMatchObject({ ok: false });
    expect(await preload.showInFolder('jobs/j1/a.csv')).toMatchObject({
      ok: false,
      error: { detail: { code: 'front-door.invalid-input' } },
    });
    expect(await preload.showInFolder(join(dataDir, 'jobs', 'gone.csv'))).toMatchObject({
      ok: false,
      error: { detail: { code: 'report.not-found' } },
    });
    expect(await preload.showInFolder(42 as unknown as string)).toMatchObject({ ok: false });
    expect(revealed).toEqual([]);
  });
});
