import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';

import { launchApp, type E2eApp } from './harness';
import { AppPage } from './pages/app-page';
import { FilePage } from './pages/file-page';

let app: E2eApp | null = null;
const folders: string[] = [];

afterEach(async () => {
  await app?.close();
  app = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the app through the web front door', () => {
  it('loads in Spanish with its data and the stepper, with no script error or CSP violation', async () => {
    app = await launchApp({ lang: 'es' });
    const shell = new AppPage(app.page);
    await shell.waitUntilReady();
    await shell.stepper.waitFor({ state: 'visible' });
    await shell.step('connect').waitFor({ state: 'visible' });
    expect(await shell.htmlLang()).toBe('es');
    // The one-time ticket is not left in the address bar.
    expect(new URL(app.page.url()).search).toBe('');
    expect(statSync(await app.screenshot('smoke-es')).size).toBeGreaterThan(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('loads in English for an English-speaking browser', async () => {
    app = await launchApp({ lang: 'en' });
    const shell = new AppPage(app.page);
    await shell.waitUntilReady();
    await shell.stepper.waitFor({ state: 'visible' });
    expect(await shell.htmlLang()).toBe('en');
    await app.screenshot('smoke-en');
    expect(app.pageErrors).toEqual([]);
  });

  it('still works after a reload, without the secret in the URL', async () => {
    app = await launchApp({ lang: 'es' });
    const shell = new AppPage(app.page);
    await shell.waitUntilReady();
    await app.page.reload();
    await shell.waitUntilReady();
    await shell.stepper.waitFor({ state: 'visible' });
    expect(app.pageErrors).toEqual([]);
  });

  it('uploads a chosen spreadsheet to the engine and shows its first rows', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'carga-e2e-file-'));
    folders.push(folder);
    const csv = join(folder, 'casos marzo.csv');
    writeFileSync(
      csv,
      iconv.encode(
        'Reporte de casos\r\nDescripción;Ciudad;Estado\r\nFalla en facturación;Bogotá;Abierto\r\n',
        'win1252',
      ),
    );

    app = await launchApp({ lang: 'es' });
    const shell = new AppPage(app.page);
    await shell.waitUntilReady();
    await shell.step('file').click();
    const file = new FilePage(app.page);
    await file.screen.waitFor({ state: 'visible' });
    await file.choose(csv);
    await file.preview.waitFor({ state: 'visible' });
    expect(await file.preview.textContent()).toContain('Bogotá');
    expect(await file.preview.textContent()).toContain('Falla en facturación');
    await app.screenshot('smoke-file-preview');
    expect(app.pageErrors).toEqual([]);
  });
});
