/**
 * Thalamus cases (T4) and wolkvox CRM module records (T2) through the web front door, in
 * Chromium, against the embedded sandbox over HTTP: a new Thalamus connection with the parties'
 * password, Test passing the token and touchpoint (the lists answer a logged-in party only), the
 * party from a column, the lists read as it, category/type/status chosen from those lists with
 * the file's names translated to the server's codes, a typed custom field,
 * Check naming the valid options, the run; then a contacts import with an address field.
 * Screenshots land in test-results/e2e/thalamus-*.png and records-*.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import {
  SANDBOX_TOKEN,
  THALAMUS_PASSWORD_TOUCHPOINT,
  THALAMUS_SANDBOX_PARTY_PASSWORD,
} from '../../electron/sandbox/sandbox';
import { launchApp, type E2eApp } from './harness';
import { AppPage } from './pages/app-page';
import { CheckPage } from './pages/check-page';
import { ConnectPage } from './pages/connect-page';
import { FilePage } from './pages/file-page';
import { chooseOption, statValue } from './pages/mantine-select';
import { MapPage } from './pages/map-page';
import { RunPage } from './pages/run-page';

let app: E2eApp | null = null;
const folders: string[] = [];

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await app?.screenshot(`failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => {});
  await app?.close();
  app = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function writeFile(name: string, lines: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'carga-e2e-th-'));
  folders.push(folder);
  const path = join(folder, name);
  writeFileSync(path, lines.join('\r\n') + '\r\n', 'utf8');
  return path;
}

describe('Thalamus and module records, end to end in Chromium', () => {
  it('Thalamus (es): party password in the vault, lists as choices, the party from a column, a typed field', async () => {
    // The category by the name operators use; the 4th row's pair does not exist in Thalamus.
    const path = writeFile('casos-thalamus.csv', [
      'Identidad;Categoría;Tipo;Estado;Monto;Comentario',
      '1$1020304050;Reclamos;FACT;Creado;1.234.567,89;Cobro doble',
      '1$52123456;Solicitudes;INFO;Abierto;250.000;Copia del contrato',
      'maria.lopez@example.com;Reclamos;SERV;Creado;0;El módem se reinicia',
      '1$79876543;Reclamos;INFO;Creado;10;Una pareja que no existe',
    ]);
    app = await launchApp({ lang: 'es' });
    const { page } = app;
    const sandboxOrigin = (await app.engine.getAppInfo()).sandboxOrigin ?? '';
    await new AppPage(page).waitUntilReady();

    // Connect: a new Thalamus connection on the touchpoint that asks the parties for a password.
    const connect = new ConnectPage(page);
    await connect.screen.waitFor({ state: 'visible' });
    await page.getByTestId('connection-new').click();
    await page.getByTestId('connection-name').fill('Thalamus web');
    await chooseOption(page, page.getByTestId('connection-target'), 'Thalamus: casos');
    await page.getByTestId('connection-server').fill(`${sandboxOrigin}/thalamus`);
    await page.getByTestId('connection-touchpoint').fill(THALAMUS_PASSWORD_TOUCHPOINT);
    await page.getByTestId('connection-token').fill(SANDBOX_TOKEN);
    await page.getByTestId('connection-party-password').fill(THALAMUS_SANDBOX_PARTY_PASSWORD);
    // Test: the token and touchpoint pass; Thalamus shows its lists to a logged-in party only, so
    // they are read in the Map step as the file's party.
    await connect.testButton.click();
    const needParty = page.getByTestId('connection-lists-need-party');
    await needParty.waitFor({ state: 'visible' });
    expect(await needParty.textContent()).toContain('Thalamus aceptó el token y el touchpoint');
    // After entry the password is only "saved": the page holds neither it nor the token.
    await page.getByTestId('connection-party-password-saved').waitFor({ state: 'visible' });
    const html = await page.content();
    expect(html).not.toContain(THALAMUS_SANDBOX_PARTY_PASSWORD);
    expect(html).not.toContain(SANDBOX_TOKEN);
    await app.screenshot('thalamus-connect');
    await connect.next.click();

    const file = new FilePage(page);
    await file.screen.waitFor({ state: 'visible' });
    await file.choose(path);
    await file.waitForPreview('casos-thalamus.csv');
    await file.next.click();

    // Map: the party from the "Identidad" column, chosen in the party card.
    const map = new MapPage(page);
    await map.screen.waitFor({ state: 'visible' });
    await page.getByTestId('map-lists-need-party').waitFor({ state: 'visible' });
    await chooseOption(page, page.getByTestId('map-party-column'), 'Identidad');
    expect(await map.field('Identidad').inputValue()).toBe('Parte (cliente u operador) *');
    // The lists are the server's: the file's category names are not codes until translated.
    const categories = page.getByTestId('map-list-values-categoryCode');
    await categories.waitFor({ state: 'visible' });
    expect(await categories.getByText('No está en la lista').count()).toBe(2);
    await page.getByTestId('map-list-match-categoryCode').click();
    expect(await page.getByTestId('map-list-value-categoryCode-Reclamos').inputValue()).toBe(
      'Reclamos (RECL)',
    );
    expect(await page.getByTestId('map-list-value-categoryCode-Solicitudes').inputValue()).toBe(
      'Solicitudes (SOLI)',
    );
    expect(await categories.getByText('No está en la lista').count()).toBe(0);
    // The status choices are only the initial statuses.
    await page.getByTestId('map-list-value-status-Creado').click();
    expect(await page.getByRole('option').allTextContents()).toEqual(['Creado', 'Abierto']);
    await page.keyboard.press('Escape');
    // Monto is a custom field of type decimal: sent as a JSON number.
    await map.mapToCustom('Monto', 'Campo personalizado…');
    await chooseOption(page, page.getByTestId('map-type-caseData.Monto'), 'Número con decimales');
    expect(await map.requiredMissing.count()).toBe(0);
    await expect.poll(() => map.sampleText(), { timeout: 10_000 }).toContain('"Monto": 1234567.89');
    const sample = await map.sampleText();
    expect(sample).toContain('/thalamus/api/v4/cases');
    expect(sample).toContain('"categoryCode": "RECL"');
    expect(sample).not.toContain(THALAMUS_SANDBOX_PARTY_PASSWORD);
    await app.screenshot('thalamus-map');
    await map.next.click();

    // Check: the pair that is not in Thalamus is found before anything is sent, with the options.
    const check = new CheckPage(page);
    await check.waitUntilDone();
    expect(await check.figure(check.valid)).toBe('3');
    expect(await check.figure(check.invalid)).toBe('1');
    expect(await check.exampleRows()).toEqual([[5, 'not-in-server-list']]);
    const example = (await check.examples.first().textContent()) ?? '';
    expect(example).toContain('la categoría «RECL» con el tipo «INFO» no es una pareja que Thalamus acepte');
    expect(example).toContain('RECL/FACT (Reclamos › Facturación)');
    await app.screenshot('thalamus-check');
    const casesBefore = app.sandboxRequests.filter((r) => r.path === '/thalamus/api/v4/cases').length;
    expect(casesBefore).toBe(0);
    await check.start.click();

    const run = new RunPage(page);
    await run.waitForStatus('finished');
    expect(await statValue(run.ok)).toBe(3);
    expect(await statValue(run.failed)).toBe(1);
    // The row outside Thalamus's lists failed as Check said, without a request.
    const created = app.sandboxRequests.filter((r) => r.path === '/thalamus/api/v4/cases');
    expect(created.map((r) => r.status)).toEqual([201, 201, 201]);
    await app.screenshot('thalamus-run');
  });

  it('module records (en): the module shown, an address field declared in the Map step', async () => {
    const path = writeFile('contactos.csv', [
      'Nombre;Correo;Celular;Dirección',
      'Ana Gómez;ana.gomez@correo.co;300 123 4567;Calle 145a #12-60',
      'Luis Pérez;luis.perez@correo.co;311 555 0101;Carrera 43A #1-50',
    ]);
    app = await launchApp({ lang: 'en' });
    const { page } = app;
    await new AppPage(page).waitUntilReady();
    const connect = new ConnectPage(page);
    await connect.screen.waitFor({ state: 'visible' });
    await chooseOption(page, connect.select, 'Sandbox · wolkvox CRM · contactos');
    await connect.next.click();

    const file = new FilePage(page);
    await file.screen.waitFor({ state: 'visible' });
    await file.choose(path);
    await file.waitForPreview('contactos.csv');
    await file.next.click();

    const map = new MapPage(page);
    await map.screen.waitFor({ state: 'visible' });
    expect(await page.getByTestId('map-module').textContent()).toBe(
      'CRM module: contacts (changed in the connection)',
    );
    await map.mapToCustom('Dirección', 'Custom field…');
    await chooseOption(page, page.getByTestId('map-type-field.Dirección'), 'Address');
    await expect
      .poll(() => map.sampleText(), { timeout: 10_000 })
      .toContain('"Dirección": {\n        "type": "address"');
    await app.screenshot('records-map');
    await map.next.click();

    const check = new CheckPage(page);
    await check.waitUntilDone();
    expect(await check.figure(check.valid)).toBe('2');
    await check.start.click();
    const run = new RunPage(page);
    await run.waitForStatus('finished');
    expect(await statValue(run.ok)).toBe(2);
    expect(
      app.sandboxRequests
        .filter((r) => r.path === '/server/API/v2/custom/insertMany.php')
        .map((r) => r.status),
    ).toEqual([200]);
    await app.screenshot('records-run');
  });
});
