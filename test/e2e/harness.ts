/**
 * End-to-end harness: the real engine (with its embedded sandbox CRM) behind the real web front
 * door, the built renderer, and Debian's Chromium driven by playwright-core. Nothing is
 * downloaded: Chromium comes from the system (`apt-get install chromium`), and a machine
 * without it fails these tests instead of skipping them.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { createEngine } from '../../electron/engine/engine';
import { createMemoryVault } from '../../electron/engine/secrets/memory-vault';
import type { SandboxEvent, SandboxOptions } from '../../electron/sandbox/sandbox';
import { startSandboxConnections } from '../../electron/sandbox/sandbox-connections';
import { ensureRendererBuilt } from '../../electron/web/renderer-build';
import { startWebServer, type WebServer } from '../../electron/web/web-server';
import type { EngineClient, Lang } from '../../shared/contract';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-results', 'e2e');
const RENDERER_DIR = join(PROJECT_ROOT, 'dist', 'renderer');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Debian's Chromium, or CHROMIUM_PATH; a clear failure when it is not installed. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. The end-to-end tests need Debian's Chromium: ` +
        'run `apt-get install -y chromium` (as .ci/run does), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return path;
}

export interface E2eOptions {
  /** The browser's locale follows it (es-CO or en-US), and so does the app's language. */
  lang?: Lang;
  /** Default 1366×900. */
  viewport?: { width: number; height: number };
  /** The embedded sandbox's settings (latency, quota…); its events are recorded by the harness. */
  sandbox?: Omit<SandboxOptions, 'onEvent'>;
}

/** A request the embedded sandbox CRM finished: what reached the CRM, seen from its side. */
export type SandboxRequest = Omit<Extract<SandboxEvent, { type: 'request-end' }>, 'type'>;

export interface E2eApp {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  engine: EngineClient;
  server: WebServer;
  /** The engine's data folder, removed on close. */
  dataDir: string;
  /** Errors the page raised, console errors (CSP violations among them) and failed loads, in order. */
  pageErrors: string[];
  /** Every request the embedded sandbox finished, in order. */
  sandboxRequests: SandboxRequest[];
  /** Saves a full-page screenshot as test-results/e2e/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts everything and opens the app's URL (secret included) in a fresh browser context. */
export async function launchApp(options: E2eOptions = {}): Promise<E2eApp> {
  const lang = options.lang ?? 'es';
  const executablePath = chromiumPath();
  await ensureRendererBuilt(PROJECT_ROOT, RENDERER_DIR);

  const dataDir = mkdtempSync(join(tmpdir(), 'carga-e2e-'));
  const opened: { close(): Promise<void> }[] = [];
  const closeAll = async () => {
    for (const part of opened.reverse()) await part.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const sandboxRequests: SandboxRequest[] = [];
    const engine = await createEngine({
      dataDir,
      vault: createMemoryVault(),
      lang,
      frontDoor: 'web',
      sandbox: await startSandboxConnections({
        ...options.sandbox,
        onEvent: (event) => {
          if (event.type === 'request-end')
            sandboxRequests.push({
              method: event.method,
              path: event.path,
              status: event.status,
              outcome: event.outcome,
            });
        },
      }),
    });
    opened.push(engine);
    const server = await startWebServer({
      engine,
      staticDir: RENDERER_DIR,
      uploadsDir: join(dataDir, 'uploads'),
    });
    opened.push(server);
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    opened.push(browser);
    const context = await browser.newContext({
      locale: lang === 'es' ? 'es-CO' : 'en-US',
      viewport: options.viewport ?? { width: 1366, height: 900 },
      colorScheme: 'light',
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // A failed load is recorded below, with its URL.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        pageErrors.push(message.text());
    });
    page.on('response', (response) => {
      // The browser asks for /favicon.ico by itself; the app never links it.
      if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') {
        pageErrors.push(`HTTP ${response.status()} ${response.url().replace(/([?&]t=)[^&]+/, '$1…')}`);
      }
    });
    await page.goto(server.oneTimeUrl());
    return {
      page,
      context,
      browser,
      engine,
      server,
      dataDir,
      pageErrors,
      sandboxRequests,
      async screenshot(name) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const path = join(SCREENSHOT_DIR, `${name}.png`);
        // From the top: scrolled, Chromium paints the fixed header midway down a full-page shot.
        await page.evaluate('window.scrollTo(0, 0)');
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
