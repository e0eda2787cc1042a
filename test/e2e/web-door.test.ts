import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { chromium, type Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';

import { writeRedirectFile } from '../../electron/web/browser-redirect-file';
import { ensureRendererBuilt } from '../../electron/web/renderer-build';
import { startWebServer, type WebServer } from '../../electron/web/web-server';
import { langFromLocale } from '../../shared/lang';
import { formatMessage, msg } from '../../shared/messages/catalog';
import { FakeEngine } from '../support/fake-engine';
import { chromiumPath, PROJECT_ROOT } from './harness';

// How a real browser gets into the web front door: started on the 0600 file `npm run web`
// writes, it follows the file's one-time address, gets the session cookie and lands on the app.

const RENDERER_DIR = join(PROJECT_ROOT, 'dist', 'renderer');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser | null = null;
const servers: WebServer[] = [];
const folders: string[] = [];

afterEach(async () => {
  await browser?.close();
  browser = null;
  for (const server of servers.splice(0)) await server.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the web front door in Chromium', () => {
  it('opens the app from the private file, keeps the secret in an HttpOnly SameSite=Strict cookie, and says to open the new address after a restart', async () => {
    await ensureRendererBuilt(PROJECT_ROOT, RENDERER_DIR);
    const folder = mkdtempSync(join(tmpdir(), 'carga-e2e-door-'));
    folders.push(folder);
    const engine = new FakeEngine();
    const server = await startWebServer({
      engine,
      staticDir: RENDERER_DIR,
      uploadsDir: join(folder, 'uploads'),
    });
    servers.push(server);
    const file = await writeRedirectFile(join(folder, 'run'), 'web', server.oneTimeUrl());

    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.waitForURL(`${server.origin}/`);
    await page.getByTestId('step-connect').waitFor({ state: 'visible' });
    expect(engine.calls.map((call) => call.method)).toContain('getAppInfo');

    const cookies = await page.context().cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({
      name: `carga-session-${new URL(server.origin).port}`,
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
    // Not even the page's own scripts can read it.
    expect(await page.evaluate('document.cookie')).toBe('');

    // A reload is still in.
    await page.reload();
    await page.getByTestId('step-connect').waitFor({ state: 'visible' });

    // The server restarts on the same port: the page is told to open the new address.
    const port = Number(new URL(server.origin).port);
    await servers.pop()!.close();
    const restarted = await startWebServer({
      engine,
      staticDir: RENDERER_DIR,
      uploadsDir: join(folder, 'uploads'),
      port,
    });
    servers.push(restarted);
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/getAppInfo', {
        method: 'POST',
        headers: { 'X-Carga-Request': '1', 'Content-Type': 'application/json' },
      });
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(answer).toEqual({ status: 403, body: { error: { code: 'front-door.session-ended' } } });
    expect(port).toBe(Number(new URL(restarted.origin).port));
    // The page says so by itself, in its language (not "reload"): its event stream was refused.
    const lang = langFromLocale(await page.locator('html').getAttribute('lang'));
    const sessionEnded = formatMessage(lang, msg('front-door.session-ended'));
    const notice = page.getByTestId('connection-notice');
    await notice.filter({ hasText: sessionEnded }).waitFor({ state: 'visible' });
    expect(await notice.getAttribute('role')).toBe('alert');
    // And again at the operator's next step.
    await page.getByTestId('nav-history').click();
    await page.getByTestId('history-screen').getByRole('alert').filter({ hasText: sessionEnded }).waitFor();
  });
});
