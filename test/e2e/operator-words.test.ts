/**
 * Issue 11's operator points, asserted in Chromium through the web front door against the
 * embedded sandbox: forms that mark a field only once it is left, Cancel on the new-connection
 * form, dialog buttons that say what they do, the sandbox reset; a workbook opened on the sheet
 * that holds the data (and why), its dates as the operator reads dates, Excel's row numbers in
 * the preview, the BOM behind "Technical details"; a case contact with a typo caught by Check
 * before any quota is spent. Every step is photographed at 1024×700 and 1366×768 into
 * test-results/e2e/words-<size>-<step>.png, and no label is cut at either size.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';

import { SANDBOX_DAILY_LIMIT, SANDBOX_TARGET_TOKENS } from '../../electron/sandbox/sandbox';
import { launchApp, PROJECT_ROOT, type E2eApp } from './harness';
import { AppPage } from './pages/app-page';
import { CheckPage } from './pages/check-page';
import { ConnectPage } from './pages/connect-page';
import { FilePage } from './pages/file-page';
import { chooseOption } from './pages/mantine-select';
import { ResultsPage } from './pages/results-page';
import { RunPage } from './pages/run-page';

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
] as const;
const CASES_INSERT = '/server/API/v2/cases/insert.php';

let app: E2eApp | null = null;
let folder: string | null = null;

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app?.screenshot('words-failed').catch(() => {});
  await app?.close();
  app = null;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

/** Labels, buttons, column headers and step names whose text does not fit their box. (A value in
 * the results grid may be cut: the row's panel shows it whole.) */
function truncatedLabels(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const selector = 'label, button, th, .mantine-Stepper-stepLabel, .mantine-Stepper-stepDescription, .mantine-Badge-label';
    return [...document.querySelectorAll(selector)]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1 && !el.closest('[role="gridcell"]'))
      .filter((el) => getComputedStyle(el).textOverflow === 'ellipsis' || getComputedStyle(el).overflow === 'hidden')
      .map((el) => el.textContent.trim());
  })()`);
}

/** Rows of the results list wholly in view (inside the list's box, below its head and the app's
 * header, above the window's bottom) once the page is scrolled to the list. */
async function rowsInView(page: Page): Promise<number> {
  return page.evaluate(`(() => {
    const grid = document.querySelector('[data-testid="results-table"]');
    const appHeader = document.querySelector('.mantine-AppShell-header');
    const top0 = appHeader ? appHeader.getBoundingClientRect().bottom : 0;
    window.scrollBy(0, grid.getBoundingClientRect().top - top0);
    const box = grid.getBoundingClientRect();
    const head = grid.querySelector('.carga-grid-head').getBoundingClientRect();
    const top = Math.max(head.bottom, top0);
    const bottom = Math.min(box.top + grid.clientHeight, window.innerHeight);
    return [...grid.querySelectorAll('[data-testid="results-row"]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= top - 1 && r.bottom <= bottom + 1;
    }).length;
  })()`);
}

/** A screenshot of the step at both sizes, after checking that no label is cut at either. */
async function photograph(step: string): Promise<void> {
  const { page } = app!;
  for (const size of SIZES) {
    await page.setViewportSize(size);
    expect(await truncatedLabels(page), `${step} at ${size.width}×${size.height}`).toEqual([]);
    await app!.screenshot(`words-${size.width}x${size.height}-${step}`);
  }
  await page.setViewportSize(SIZES[0]);
}

async function writeCampaignWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const readMe = workbook.addWorksheet('Léeme');
  for (let i = 1; i <= 12; i++) readMe.addRow([`Paso ${i}: llene la hoja Llamadas sin cambiar los títulos.`]);
  const calls = workbook.addWorksheet('Llamadas');
  calls.addRow(['Campaña de noviembre']);
  calls.addRow(['Nombre', 'Celular', 'Llamar el']);
  for (const [i, name] of ['Ana', 'Luis', 'María'].entries()) {
    const row = calls.addRow([name, `300123456${i}`, new Date(Date.UTC(2026, 10, 1 + i, 14, 30))]);
    row.getCell(3).numFmt = 'dd/mm/yyyy hh:mm';
  }
  await workbook.xlsx.writeFile(path);
}

describe('the operator’s words and screens (issue 11), in Chromium at 1024×700 and 1366×768', () => {
  it('in Spanish: forms, dialogs and the sandbox reset; the workbook and the CSV as Excel shows them; Check catches a contact typo', async () => {
    folder = mkdtempSync(join(tmpdir(), 'carga-e2e-words-'));
    // Answers slow enough that the run is still going when its cancel dialog is opened.
    // Today's quota of the sandbox's cases token is used up; its other targets have their own.
    const tokens = Object.values(SANDBOX_TARGET_TOKENS).map((token) => ({
      token,
      dailyLimit: SANDBOX_DAILY_LIMIT,
      usedToday: token === SANDBOX_TARGET_TOKENS['wolkvox-crm-cases'] ? SANDBOX_DAILY_LIMIT : 0,
    }));
    app = await launchApp({ lang: 'es', viewport: SIZES[0], sandbox: { latencyMs: 4000, tokens } });
    const { page } = app;
    await new AppPage(page).waitUntilReady();
    await page.getByTestId('connection-sandbox-badge').waitFor({ state: 'visible' });
    await photograph('connect');

    // Each sandbox target has its own quota: cases used up do not block a campaign rehearsal.
    const connect = new ConnectPage(page);
    const remaining = async () => Number((await connect.quotaRemaining.textContent())?.replace(/\D/g, ''));
    await connect.testButton.click();
    await connect.error.waitFor({ state: 'visible' });
    expect(await connect.error.textContent()).toBe(
      'La cuota de hoy de este destino del sandbox se agotó (cada destino tiene la suya). Para seguir ensayando, pulse «Reiniciar el sandbox»: la cuota vuelve a estar completa.',
    );
    // The refusal is the one failed request the page made.
    expect(app.pageErrors.splice(0)).toEqual([expect.stringMatching(/^HTTP 400 .*\/api\/testConnection$/)]);
    await chooseOption(page, connect.select, 'Sandbox · wolkvox Manager');
    await connect.test();
    // (Reading the quota costs a request of it.)
    expect(await remaining()).toBe(SANDBOX_DAILY_LIMIT - 1);
    await chooseOption(page, connect.select, 'Sandbox · wolkvox CRM');

    // A new campaign connection: six required fields, none marked before the operator leaves one.
    await page.getByTestId('connection-new').click();
    await chooseOption(page, page.getByTestId('connection-target'), 'wolkvox Manager: campaña');
    await page.getByTestId('connection-name').fill('Campaña noviembre');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    await photograph('connect-new-campaign');
    await page.getByTestId('connection-server').focus();
    await page.keyboard.press('Tab');
    expect(await page.getByTestId('connection-server').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
    // Next marks every missing field and takes the operator to the first one.
    await page.getByTestId('wizard-next').click();
    await expect
      .poll(() => page.evaluate('document.activeElement?.dataset?.testid'))
      .toBe('connection-server');
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThanOrEqual(4);
    await photograph('connect-new-marked');
    // Cancel leaves the new connection for the sandbox chosen before.
    await page.getByTestId('connection-cancel').click();
    await page.getByTestId('connection-sandbox-badge').waitFor({ state: 'visible' });

    // The sandbox is reset after a question whose buttons each say what they do.
    await page.getByTestId('sandbox-reset').click();
    const dialog = page.getByRole('dialog', { name: '¿Reiniciar el sandbox?' });
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getByRole('button').allTextContents()).toEqual(
      expect.arrayContaining(['No, dejarlo como está', 'Sí, reiniciar el sandbox']),
    );
    expect(await dialog.getByRole('button', { name: 'Cancelar' }).count()).toBe(0);
    await photograph('sandbox-reset-dialog');
    await dialog.getByRole('button', { name: 'Sí, reiniciar el sandbox' }).click();
    expect(await page.getByTestId('sandbox-reset-done').textContent()).toBe(
      'Sandbox reiniciado: la cuota de hoy de cada destino está completa otra vez.',
    );
    await page.getByTestId('wizard-next').click();

    // A workbook whose first sheet is a "Read me": it opens on the data, says why, and shows
    // its dates as the operator reads them, with the row numbers Excel shows.
    const file = new FilePage(page);
    const workbook = join(folder, 'campana.xlsx');
    await writeCampaignWorkbook(workbook);
    await file.choose(workbook);
    await file.waitForPreview('campana.xlsx');
    expect(await page.getByTestId('file-sheet').inputValue()).toBe('Llamadas');
    expect(await page.getByTestId('file-sheet-reason').textContent()).toBe(
      'Se abrió la hoja «Llamadas» porque es la que tiene los datos: 3 filas bajo una fila de encabezados (las otras hojas, Léeme, tienen menos). Si los datos están en otra hoja, elíjala aquí.',
    );
    const sheetRows = await file.previewRows();
    expect(sheetRows.map((row) => row[0])).toEqual(['3', '4', '5']);
    // In the operator’s language (day first in Spanish), never as ISO text.
    expect(sheetRows.map((row) => row[3])).toEqual(['01', '02', '03'].map((day) => `${day}/11/2026 14:30`));
    expect(await file.preview.textContent()).not.toContain('T14:30');
    await photograph('file-workbook');

    // A CSV with a BOM and a quoted line break: one row per record, as Excel numbers them; the
    // BOM is a technical detail, not on the operator's path.
    const source = readFileSync(join(PROJECT_ROOT, 'examples', 'casos-ejemplo.csv'), 'utf8').split('\n');
    const header = source[0]!;
    const withBreak = source[1]!
      .replace('Solicita duplicado', '"Solicita\nduplicado')
      .replace(';Abierto', '";Abierto');
    const typo = source[2]!.replace('juan.rodriguez@example.com', 'sofia@@example.com');
    const csv = join(folder, 'casos.csv');
    writeFileSync(csv, '\uFEFF' + [header, withBreak, typo, source[3]].join('\n') + '\n');
    await file.choose(csv);
    await file.waitForPreview('casos.csv');
    expect((await file.previewRows()).map((row) => row[0])).toEqual(['2', '3', '4']);
    expect(await file.detection.textContent()).not.toContain('BOM');
    await page.getByTestId('file-details-toggle').click();
    expect(await page.getByTestId('file-details').textContent()).toContain('(BOM)');
    await photograph('file-csv');
    await file.next.click();

    // Map as suggested, then Check: the contact typo is caught with its explanation, and the
    // sandbox has received nothing.
    await page.getByTestId('map-screen').waitFor({ state: 'visible' });
    await photograph('map');
    await page.getByTestId('wizard-next').click();
    const check = new CheckPage(page);
    await check.waitUntilDone();
    const example = page.locator('[data-testid="check-example"][data-kind="invalid-email"]');
    expect(await example.getAttribute('data-row')).toBe('3');
    expect(await example.textContent()).toContain(
      '«sofia@@example.com» no parece un correo electrónico (nombre@dominio.com). Corríjalo en el archivo.',
    );
    expect(app.sandboxRequests.filter((request) => request.path === CASES_INSERT)).toEqual([]);
    await photograph('check');

    // The cancel dialog of a run: "keep importing" beside "cancel the import", never two "Cancel"s.
    await check.start.click();
    await page.getByTestId('run-cancel').click();
    const cancel = page.getByTestId('run-cancel-modal');
    await cancel.getByTestId('run-cancel-modal-cancel').waitFor({ state: 'visible' });
    expect(await cancel.getByTestId('run-cancel-modal-cancel').textContent()).toBe('No, seguir importando');
    expect(await cancel.getByTestId('run-cancel-modal-confirm').textContent()).toBe(
      'Sí, cancelar la importación',
    );
    await photograph('run-cancel-dialog');
    await cancel.getByTestId('run-cancel-modal-cancel').click();
    expect(app.pageErrors).toEqual([]);
  });

  it('in Spanish: the Map step of every sandbox target, its labels whole and its requests behind "Technical details"', async () => {
    app = await launchApp({ lang: 'es', viewport: SIZES[0] });
    const { page } = app;
    await new AppPage(page).waitUntilReady();
    const connect = new ConnectPage(page);
    const targets = [
      ['Sandbox · wolkvox CRM', 'casos-ejemplo.csv'],
      ['Sandbox · wolkvox CRM · contactos', 'contactos-ejemplo.csv'],
      ['Sandbox · wolkvox Manager', 'campana-ejemplo.csv'],
      ['Sandbox · Thalamus', 'casos-thalamus.csv'],
    ] as const;
    for (const [i, [connection, example]] of targets.entries()) {
      await new AppPage(page).step('connect').click();
      await chooseOption(page, connect.select, connection);
      await connect.next.click();
      const file = new FilePage(page);
      await file.choose(join(PROJECT_ROOT, 'examples', example));
      await file.waitForPreview(example);
      await file.next.click();
      await page.getByTestId('map-screen').waitFor({ state: 'visible' });
      // What is sent (addresses, bodies) is a technical detail, closed until asked for.
      await page.getByTestId('map-sample-request').first().waitFor({ state: 'visible' });
      expect(await page.getByTestId('map-sample-details-0-toggle').getAttribute('aria-expanded')).toBe(
        'false',
      );
      expect(await page.getByTestId('map-sample').textContent()).not.toMatch(/https?:\/\/|\.php|"form"/);
      await photograph(`map-target-${i + 1}`);
    }
    expect(app.pageErrors).toEqual([]);
  });

  it('in English: a record with a line break keeps Excel’s row numbers from the preview to the reports; Results at 1024×700 shows 8 rows, keeps the panel and the focus through an edit', async () => {
    folder = mkdtempSync(join(tmpdir(), 'carga-e2e-rows-'));
    const source = readFileSync(join(PROJECT_ROOT, 'examples', 'casos-ejemplo.csv'), 'utf8').split('\n');
    const [header, valid] = [source[0]!, source[1]!];
    // Row 2 holds a line break inside quotes: one record, one row in Excel. Rows 3–14 have no
    // description (Check refuses them) and a policy number that starts like a formula.
    const withBreak = valid
      .replace('Solicita duplicado', '"Solicita\nduplicado')
      .replace(';Abierto', '";Abierto');
    const policy = (row: number) => `+57300123${String(row).padStart(4, '0')}`;
    const failing = Array.from({ length: 12 }, (_, i) =>
      valid
        .replace('Solicita duplicado de la factura de febrero', '')
        .replace(/;000123$/, `;${policy(i + 3)}`),
    );
    const csv = join(folder, 'casos largos.csv');
    // Row 15's status is the operator's own word, which no value map translates yet.
    const ownStatus = source[2]!.replace(';Abierto;', ';En espera;');
    writeFileSync(csv, [header, withBreak, ...failing, ownStatus].join('\r\n') + '\r\n');
    const failedRows = Array.from({ length: 12 }, (_, i) => i + 3);

    app = await launchApp({ lang: 'en', viewport: SIZES[0] });
    const { page } = app;
    await new AppPage(page).waitUntilReady();
    await page.getByTestId('connection-sandbox-badge').waitFor({ state: 'visible' });
    await page.getByTestId('wizard-next').click();
    const file = new FilePage(page);
    await file.choose(csv);
    await file.waitForPreview('casos largos.csv');
    expect((await file.previewRows()).map((row) => Number(row[0]))).toEqual([2, ...failedRows, 15]);
    await file.next.click();
    await page.getByTestId('map-screen').waitFor({ state: 'visible' });
    await page.getByTestId('wizard-next').click();

    const check = new CheckPage(page);
    await check.waitUntilDone();
    const examples = (await check.exampleRows()).filter(([, kind]) => kind === 'required-missing');
    expect(examples.length).toBeGreaterThan(0);
    expect(examples).toEqual(failedRows.slice(0, examples.length).map((row) => [row, 'required-missing']));
    // The advice for a status the CRM does not know points at the operator's own value map.
    const statusExample = page.locator('[data-testid="check-example"][data-kind="unknown-system-value"]');
    expect(await statusExample.getAttribute('data-row')).toBe('15');
    expect(await statusExample.textContent()).toContain(
      'or say what «En espera» becomes under "Values to translate" in the Map step',
    );
    await check.start.click();
    const run = new RunPage(page);
    await run.waitForStatus('finished');
    await photograph('en-run');
    await run.results.click();

    const results = new ResultsPage(page);
    await results.waitForStatus('finished');
    await results.waitForTotal(13);
    expect((await results.shownRows()).map(([row]) => row)).toEqual([...failedRows, 15]);
    // Every row in view at once, at the smallest size, once the list is scrolled to.
    expect(await rowsInView(page)).toBeGreaterThanOrEqual(8);
    await photograph('en-results');
    // A value's button says the value it shows.
    const cell = results.cell(3, 'Número de póliza');
    expect(await cell.getAttribute('aria-label')).toContain(policy(3));

    // The row open beside the list stays open while one of its cells is edited from the list, and
    // the keyboard is back on the edited cell once the fix is saved.
    const panel = await results.openRow(3);
    await results.cell(3, 'Descripción').click();
    const input = page.getByTestId('results-cell-input');
    await input.fill('Solicita copia del contrato');
    await input.press('Enter');
    await results.row(3).getByText('Fixed', { exact: true }).waitFor({ state: 'visible' });
    await expect
      .poll(() =>
        page.evaluate(
          `document.activeElement?.querySelector('[data-testid="results-cell"]')?.dataset.column ?? document.activeElement?.tagName`,
        ),
      )
      .toBe('Descripción');
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.getAttribute('data-row')).toBe('3');

    // The reports number rows as Excel does, in readable words, the fix beside the old value;
    // English CSV splits on commas; XLSX cells are text without the apostrophe CSV needs.
    const errorsText = readFileSync(await results.export('errors', 'csv'), 'utf8').replace(/^\uFEFF/, '');
    const errors = Papa.parse<string[]>(errorsText, {
      delimiter: ',',
      newline: '\r\n',
      skipEmptyLines: true,
    }).data;
    expect(errors.slice(1).map((cells) => Number(cells[0]))).toEqual([...failedRows, 15]);
    const fixedRow = errors.find((cells) => cells[0] === '3') ?? [];
    expect(fixedRow.at(-1)).toContain('Solicita copia del contrato');
    expect(fixedRow[errors[0]!.indexOf('Descripción')]).toBe('');
    for (const cells of errors)
      for (const text of cells) expect(text).not.toMatch(/required-missing|^validation$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await results.export('errors', 'xlsx'));
    const sheet = workbook.worksheets[0]!;
    const policyColumn = (sheet.getRow(1).values as unknown[]).indexOf('Número de póliza');
    expect(failedRows.map((_, i) => sheet.getRow(i + 2).getCell(policyColumn).value)).toEqual(
      failedRows.map(policy),
    );

    // "Change the mapping" says the changes go to the retry; a new import does not.
    await page.getByTestId('results-change-mapping').click();
    await page.getByTestId('map-retry-note').waitFor({ state: 'visible' });
    await page.getByTestId('map-back-to-results').click();
    await page.getByTestId('results-new-import').click();
    await file.choose(csv);
    await file.waitForPreview('casos largos.csv');
    await file.next.click();
    await page.getByTestId('map-screen').waitFor({ state: 'visible' });
    expect(await page.getByTestId('map-retry-note').count()).toBe(0);

    await new AppPage(page).historyNav.click();
    await page.locator('[data-testid="history-row"][data-status="finished"]').waitFor({ state: 'visible' });
    await photograph('en-history');
    expect(app.pageErrors).toEqual([]);
  });
});
