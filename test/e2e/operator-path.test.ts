/**
 * The operator's whole path through the web front door against the embedded sandbox CRM, with
 * the spreadsheet operators really get: connect → drop the file → map → check → run → read the
 * explanations → fix a cell → retry the failed rows → export the reports. Once in Spanish, once
 * in English; a screenshot of every step lands in test-results/e2e/<lang>-<step>.png.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { en } from '../../renderer/i18n/en';
import { es } from '../../renderer/i18n/es';
import type { Lang } from '../../shared/contract';
import { formatMessage } from '../../shared/messages/catalog';
import { launchApp, PROJECT_ROOT, SCREENSHOT_DIR, type E2eApp } from './harness';
import {
  cellsAt,
  DATA_ROWS,
  HEADER,
  KNOWN_RESPONSIBLE,
  MESSY_FILE_NAME,
  OWN_STATUS,
  ROWS,
  UNKNOWN_RESPONSIBLE,
  writeMessyCasesFile,
} from './messy-cases-file';
import { AppPage, type StepId } from './pages/app-page';
import { CheckPage } from './pages/check-page';
import { ConnectPage } from './pages/connect-page';
import { FilePage } from './pages/file-page';
import { HistoryPage } from './pages/history-page';
import { statValue } from './pages/mantine-select';
import { MapPage } from './pages/map-page';
import { ResultsPage } from './pages/results-page';
import { RunPage } from './pages/run-page';

const CASES_INSERT = '/server/API/v2/cases/insert.php';
const README_SHOTS = join(PROJECT_ROOT, 'docs', 'screenshots');
const UTF8_BOM = '\uFEFF';

/** What each language must show, written out here rather than read from the app's catalogs, so
 * a text shown in the wrong language fails. */
const SHOWN = {
  es: {
    connectTitle: 'Conectar',
    stepLabels: ['Conectar', 'Archivo', 'Asignar', 'Revisar', 'Enviar', 'Resultados'],
    encoding: 'Windows-1252 (Excel en español)',
    delimiter: 'Punto y coma ( ; )',
    statusField: 'Estado *',
    notSent: 'No se envía',
    checkTitle: 'Revisar antes de enviar',
    impossibleDate: 'Fila 7, columna «Fecha cierre»: «31/02/2026» no es una fecha que exista.',
    finished: 'Terminada',
    rejectedByCrm: `Fila 5. El usuario responsable «${UNKNOWN_RESPONSIBLE}» no existe en la operación del CRM.`,
    missingDescription: 'Fila 6: falta «Descripción».',
    reportHeader: [
      'Fila',
      'Resultado',
      'Tipo de falla',
      'Detectado por',
      'Explicación',
      'Explicación en inglés',
      'Respuesta original del CRM (código y mensaje)',
      'Enviado en el último intento (si difiere del archivo)',
      'Corregido y aún sin enviar',
    ],
    sheetName: 'Errores',
    reportDelimiter: ';',
  },
  en: {
    connectTitle: 'Connect',
    stepLabels: ['Connect', 'File', 'Map', 'Check', 'Run', 'Results'],
    encoding: 'Windows-1252 (Excel in Spanish)',
    delimiter: 'Semicolon ( ; )',
    statusField: 'Status *',
    notSent: 'Not sent',
    checkTitle: 'Check before sending',
    impossibleDate: 'Row 7, column «Fecha cierre»: «31/02/2026» is not a date that exists.',
    finished: 'Finished',
    rejectedByCrm: `Row 5. The responsible user "${UNKNOWN_RESPONSIBLE}" does not exist in the CRM operation.`,
    missingDescription: 'Row 6: «Description» is missing.',
    reportHeader: [
      'Row',
      'Outcome',
      'Kind of failure',
      'Found by',
      'Explanation',
      'Explanation in Spanish',
      "The CRM's original answer (code and message)",
      'Sent at the last attempt (where it differs from the file)',
      'Corrected and not sent yet',
    ],
    sheetName: 'Errors',
    reportDelimiter: ',',
  },
} as const satisfies Record<Lang, unknown>;

let app: E2eApp | null = null;
const folders: string[] = [];

afterEach(async ({ task }) => {
  // What the page showed when it failed says more than the timeout.
  if (task.result?.state === 'fail')
    await app?.screenshot(`failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => {});
  await app?.close();
  app = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the operator’s whole path, through the web front door against the sandbox', () => {
  it('in Spanish (es-CO): a messy Windows-1252 file dropped in, mapped, checked, sent, fixed, retried and exported', async () => {
    await operatorPath('es', { pick: 'drop' });
  });

  it('in English (en-US): the same file browsed for, with the README’s screenshots', async () => {
    await operatorPath('en', { pick: 'browse', readmeShots: true });
  });
});

async function operatorPath(
  lang: Lang,
  how: { pick: 'drop' | 'browse'; readmeShots?: boolean },
): Promise<void> {
  const shown = SHOWN[lang];
  const texts = lang === 'es' ? es : en;
  const folder = mkdtempSync(join(tmpdir(), `carga-e2e-path-${lang}-`));
  folders.push(folder);
  const spreadsheet = writeMessyCasesFile(folder);

  app = await launchApp({ lang, ...(how.readmeShots ? { viewport: { width: 1280, height: 800 } } : {}) });
  const { page } = app;
  const shot = async (step: string, readme?: StepId) => {
    await app?.screenshot(`${lang}-${step}`);
    if (how.readmeShots && readme) await readmeShot(app!, readme);
  };
  const casesInserts = () => app!.sandboxRequests.filter((request) => request.path === CASES_INSERT);

  // Connect: the sandbox is preselected on a first start; Test reads the token's quota.
  const shell = new AppPage(page);
  await shell.waitUntilReady();
  expect(await shell.htmlLang()).toBe(lang);
  const connect = new ConnectPage(page);
  await connect.screen.waitFor({ state: 'visible' });
  expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe(shown.connectTitle);
  for (const [i, label] of shown.stepLabels.entries())
    expect(await shell.stepper.locator('.mantine-Stepper-stepLabel').nth(i).textContent()).toBe(label);
  expect(await shell.step('connect').getAttribute('aria-current')).toBe('step');
  expect(await connect.select.inputValue()).toBe('Sandbox · wolkvox CRM');
  await connect.sandboxBadge.waitFor({ state: 'visible' });
  await connect.test();
  const limit = digits(await connect.quotaLimit.textContent());
  const used = digits(await connect.quotaUsed.textContent());
  expect(limit).toBe(4800);
  expect(digits(await connect.quotaRemaining.textContent())).toBe(limit - used);
  await shot('connect', 'connect');
  await connect.next.click();

  // File: dropped (or browsed for); detection shows Windows-1252, `;` and the header on row 2.
  const file = new FilePage(page);
  await file.screen.waitFor({ state: 'visible' });
  if (how.pick === 'drop') await file.drop(spreadsheet);
  else await file.choose(spreadsheet);
  await file.waitForPreview(MESSY_FILE_NAME);
  expect(await file.encoding.inputValue()).toBe(shown.encoding);
  expect(await file.delimiter.inputValue()).toBe(shown.delimiter);
  expect(await file.headerRow.inputValue()).toBe('2');
  await file.warnings.waitFor({ state: 'visible' });
  // The preview scrolls from the keyboard: a named region that takes the focus.
  const previewRegion = page.getByRole('region', { name: texts.a11y.previewRegion });
  expect(await previewRegion.getAttribute('tabindex')).toBe('0');
  const previewHeader = await file.preview.locator('thead th').allTextContents();
  expect(previewHeader).toEqual(['#', ...HEADER]);
  const preview = await file.previewRows();
  expect(preview).toHaveLength(DATA_ROWS);
  expect(preview[0]?.slice(1)).toEqual(HEADER.map((column) => cellsAt(ROWS.first)[column]));
  // The quoted cell kept its semicolon, and the accents survived Windows-1252.
  expect(preview[1]?.[5]).toBe('Cobro doble; el cliente pide la devolución');
  expect(preview.map((row) => row[8])).toContain('Cúcuta');
  expect(preview[4]?.[5]).toBe('Cambio de titular a nombre de la señora Muñoz');
  await shot('file', 'file');
  await file.next.click();

  // Map: the suggestions are applied; Ciudad and Fecha cierre go to custom fields, the closing
  // date is read as dd/mm/yyyy, and the operator's own status gets a value.
  const map = new MapPage(page);
  await map.screen.waitFor({ state: 'visible' });
  expect(await map.field('Estado').inputValue()).toBe(shown.statusField);
  expect(await map.confidence('Estado').textContent()).toBe('100%');
  expect(await map.field('Ciudad').inputValue()).toBe(shown.notSent);
  expect(await map.requiredMissing.count()).toBe(0);
  expect(await map.mappedValue('status', 'Abierto').inputValue()).toBe('open');
  expect(await map.mappedValue('priority', 'Alta').inputValue()).toBe('high');
  expect(await map.mappedValue('case-type', 'Solicitud').inputValue()).toBe('Request');
  await map.mapToCustom('Ciudad', texts.map.customField);
  await map.mapToCustom('Fecha cierre', texts.map.customField);
  expect(await map.customName('Ciudad').inputValue()).toBe('Ciudad');
  expect(await map.customName('Fecha cierre').inputValue()).toBe('Fecha cierre');
  await map.setDateFormat('form.Fecha cierre', texts.map.dateFormats['dd/mm/yyyy']);
  await map.addValueMapping('status', OWN_STATUS, 'open');
  // The live sample shows what the first rows will send: English system values, the custom
  // fields as one JSON object with the date in wolkvox's format.
  await expect.poll(() => map.sampleText(), { timeout: 10_000 }).toContain('"Fecha cierre":"20260315000000"');
  const sample = await map.sampleText();
  expect(sample).toContain('"Ciudad":"Bogotá"');
  expect(sample).toContain('Request');
  expect(sample).not.toContain('Abierto');
  await shot('map', 'map');
  await map.next.click();

  // Check: every row is checked locally; counts per kind, example rows, requests and quota days.
  const check = new CheckPage(page);
  await check.waitUntilDone();
  expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe(shown.checkTitle);
  expect(await check.figure(check.total)).toBe(String(DATA_ROWS));
  expect(await check.figure(check.valid)).toBe('5');
  expect(await check.figure(check.invalid)).toBe('2');
  expect(await check.figure(check.requests)).toBe('5');
  expect(await check.figure(check.quotaDays)).toBe('1');
  expect(await check.kind('required-missing').textContent()).toBe(`${texts.problems['required-missing']}1`);
  expect(await check.kind('invalid-date').textContent()).toBe(`${texts.problems['invalid-date']}1`);
  expect(await check.exampleRows()).toEqual([
    [ROWS.missingDescription, 'required-missing'],
    [ROWS.impossibleDate, 'invalid-date'],
  ]);
  await check.kind('invalid-date').click();
  await expect.poll(() => check.exampleRows()).toEqual([[ROWS.impossibleDate, 'invalid-date']]);
  expect(await check.examples.first().textContent()).toContain(shown.impossibleDate);
  await shot('check', 'check');
  await check.start.click();

  // Run: the job runs to its end; the CRM refuses the unknown responsible user.
  const run = new RunPage(page);
  await run.waitForStatus('finished');
  expect(await run.status.textContent()).toBe(shown.finished);
  expect(await run.progress.getAttribute('data-percent')).toBe('100');
  expect(await statValue(run.ok)).toBe(4);
  expect(await statValue(run.failed)).toBe(3);
  expect(await statValue(run.uncertain)).toBe(0);
  expect(await statValue(run.pending)).toBe(0);
  // Every progress bar has a name; the job's end is announced with a close button that has one.
  const bars = await page.getByRole('progressbar').all();
  expect(bars.length).toBeGreaterThan(0);
  for (const bar of bars) expect(await bar.getAttribute('aria-label')).toMatch(/\d/);
  expect(await page.getByRole('group', { name: texts.run.progressLabel }).count()).toBe(1);
  await page
    .locator('.mantine-Notification-root', { hasText: MESSY_FILE_NAME })
    .getByRole('button', { name: texts.a11y.close, exact: true })
    .waitFor({ state: 'visible' });
  await shell.closeNotification(MESSY_FILE_NAME);
  // Two requests are in flight at a time, so they end in any order.
  expect(
    casesInserts()
      .map((request) => request.status)
      .sort(),
  ).toEqual([200, 200, 200, 200, 404]);
  await shot('run', 'run');
  await run.results.click();

  // Results: the failed rows with their explanation in the operator's language, by kind.
  const results = new ResultsPage(page);
  await results.waitForStatus('finished');
  await results.waitForTotal(3);
  expect(await statValue(results.ok)).toBe(4);
  expect(await statValue(results.failed)).toBe(3);
  expect(await results.chart('row').getAttribute('data-count')).toBe('1');
  expect(await results.chart('validation').getAttribute('data-count')).toBe('2');
  expect(await results.shownRows()).toEqual([
    [ROWS.unknownResponsible, 'failed'],
    [ROWS.missingDescription, 'failed'],
    [ROWS.impossibleDate, 'failed'],
  ]);
  expect(await results.explanation(ROWS.unknownResponsible).textContent()).toContain(shown.rejectedByCrm);
  expect(await results.explanation(ROWS.missingDescription).textContent()).toContain(
    shown.missingDescription,
  );
  await shot('results', 'results');

  // Who refused each row, in words; the cell at fault marked in the list.
  expect(await results.explanation(ROWS.unknownResponsible).getAttribute('data-source')).toBe('crm');
  expect(await results.explanation(ROWS.missingDescription).getAttribute('data-source')).toBe('check');
  expect(await results.cell(ROWS.unknownResponsible, 'Responsable').getAttribute('data-failed')).toBe('true');
  expect(await results.cell(ROWS.missingDescription, 'Descripción').getAttribute('data-failed')).toBe('true');
  expect(await results.cell(ROWS.unknownResponsible, 'Ciudad').getAttribute('data-failed')).toBeNull();

  // The whole explanation beside the row, the CRM's own words kept as a detail.
  const panel = await results.openRow(ROWS.unknownResponsible);
  expect(await panel.getByTestId('results-panel-source').textContent()).toBe(texts.resultsDetail.source.crm);
  expect(await panel.getByTestId('results-details-explanation').textContent()).toContain(shown.rejectedByCrm);
  await panel.locator('summary').click();
  expect(await panel.getByTestId('results-panel-answer').textContent()).toContain(
    `THE RESPONSIBLE USER (${UNKNOWN_RESPONSIBLE}) DOES NOT EXIST`,
  );
  await shot('results-panel');
  const checkPanel = await results.openRow(ROWS.missingDescription);
  expect(await checkPanel.getByTestId('results-panel-source').textContent()).toBe(
    texts.resultsDetail.source.check,
  );
  expect(await checkPanel.getByTestId('results-panel-answer').count()).toBe(0);
  await page.keyboard.press('Escape');
  await results.panel.waitFor({ state: 'detached' });

  // Accepted rows have their filter, with their CRM ids.
  await results.outcomeChip('failed').click();
  await results.outcomeChip('uncertain').click();
  await results.outcomeChip('ok').click();
  await results.waitForTotal(4);
  expect((await results.shownRows()).map(([, outcome]) => outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);
  for (const row of await results.rows.all()) expect(await row.textContent()).toMatch(/CS-\d+/);
  await shot('results-accepted');
  await results.outcomeChip('ok').click();
  await results.outcomeChip('failed').click();
  await results.outcomeChip('uncertain').click();
  await results.waitForTotal(3);

  // The success report beside the error report: every accepted row with its CRM id.
  const accepted = readCsv(await results.export('accepted', 'csv'), shown.reportDelimiter);
  expect(results.lastDownloadName).toMatch(/^casos marzo 2026 - (cargadas|loaded) - .+\.csv$/);
  expect(accepted.slice(1)).toHaveLength(4);
  for (const cells of accepted.slice(1)) expect(cells.at(-1)).toMatch(/^CS-\d+$/);

  await results.filterByKind(texts.failureClasses.row);
  await results.waitForTotal(1);
  expect(await results.shownRows()).toEqual([[ROWS.unknownResponsible, 'failed']]);
  await results.removeLastKind();
  await results.filterByKind(texts.failureClasses.validation);
  await results.waitForTotal(2);
  expect(await results.shownRows()).toEqual([
    [ROWS.missingDescription, 'failed'],
    [ROWS.impossibleDate, 'failed'],
  ]);
  await shot('results-by-kind');
  await results.removeLastKind();
  await results.waitForTotal(3);

  // The error report names the CRM's refusal, in the operator's language, before any fix.
  const firstReport = readCsv(await results.export('errors', 'csv'), shown.reportDelimiter);
  expect(firstReport.map((cells) => cells[0])).toEqual([shown.reportHeader[0], '5', '6', '7']);
  expect(explanationOf(firstReport, 5, shown.reportHeader)).toContain(shown.rejectedByCrm);

  // Fix the unknown responsible inline and retry the failed rows: only that row is sent again.
  await results.fixCell(ROWS.unknownResponsible, 'Responsable', KNOWN_RESPONSIBLE);
  await results
    .row(ROWS.unknownResponsible)
    .getByText(texts.results.fixed, { exact: true })
    .waitFor({ state: 'visible' });
  await shot('fix');
  const insertsBeforeRetry = casesInserts().length;
  const retried = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/retryJob');
  await results.page.locator('[data-testid="results-retry-corrected"][data-count="1"]').waitFor();
  expect(await results.retryFailed.getAttribute('data-count')).toBe('3');
  await results.retryCorrected.click();
  expect(z.object({ status: z.string() }).parse(await (await retried).json()).status).toBe('running');
  await run.waitForStatus('finished');
  expect(await statValue(run.ok)).toBe(5);
  await shell.closeNotification(MESSY_FILE_NAME);
  await shot('retry-run');
  await run.results.click();
  await results.waitForStatus('finished');
  await results.waitForTotal(2);
  expect(await statValue(results.ok)).toBe(5);
  expect(await statValue(results.failed)).toBe(2);
  expect(await results.shownRows()).toEqual([
    [ROWS.missingDescription, 'failed'],
    [ROWS.impossibleDate, 'failed'],
  ]);
  // The CRM got the fixed row once, and nothing else: rows with local problems are never sent,
  // and rows it accepted are never sent again.
  expect(
    casesInserts()
      .slice(insertsBeforeRetry)
      .map((request) => request.status),
  ).toEqual([200]);
  expect(casesInserts().filter((request) => request.status === 200)).toHaveLength(5);
  await shot('retried');

  // Exports: the error report (CSV and XLSX) and the failed rows, downloaded by the browser.
  const errorsCsv = await results.export('errors', 'csv');
  const errorsXlsx = await results.export('errors', 'xlsx');
  expect(results.lastDownloadName).toMatch(/^casos marzo 2026 - (errores|errors) - .+\.xlsx$/);
  const failedCsv = await results.export('failed-rows', 'csv');
  await shot('exports');
  for (const path of [errorsCsv, errorsXlsx, failedCsv]) expect(existsSync(path)).toBe(true);

  const errorsText = readFileSync(errorsCsv, 'utf8');
  expect(errorsText.startsWith(UTF8_BOM)).toBe(true);
  expect(errorsText.slice(UTF8_BOM.length).split('\r\n')[0]).toBe(
    [shown.reportHeader[0], ...HEADER, ...shown.reportHeader.slice(1)].join(shown.reportDelimiter),
  );
  const errors = readCsv(errorsCsv, shown.reportDelimiter);
  expect(errors.map((cells) => cells[0])).toEqual([shown.reportHeader[0], '6', '7']);
  expect(explanationOf(errors, 6, shown.reportHeader)).toBe(
    formatMessage(lang, {
      code: 'validation.required-missing',
      params: {
        row: 6,
        column: 'Descripción',
        field: 'description',
        labelEs: 'Descripción',
        labelEn: 'Description',
      },
    }),
  );
  expect(explanationOf(errors, 6, shown.reportHeader)).toContain(shown.missingDescription);
  expect(explanationOf(errors, 7, shown.reportHeader)).toContain(shown.impossibleDate);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(errorsXlsx);
  const sheet = workbook.worksheets[0];
  expect(sheet?.name).toBe(shown.sheetName);
  const sheetRows = (sheet?.getSheetValues() ?? [])
    .slice(1)
    .map((values) => (Array.isArray(values) ? values.slice(1).map((value) => value ?? '') : []));
  expect(sheetRows[0]).toEqual([shown.reportHeader[0], ...HEADER, ...shown.reportHeader.slice(1)]);
  expect(sheetRows.slice(1).map((cells) => cells[0])).toEqual([6, 7]);
  expect(String(sheetRows[1]?.[HEADER.length + 4])).toContain(shown.missingDescription);
  expect(String(sheetRows[2]?.[HEADER.length + 4])).toContain(shown.impossibleDate);

  const failedText = readFileSync(failedCsv, 'utf8');
  expect(failedText.startsWith(UTF8_BOM)).toBe(true);
  expect(failedText.slice(1).split('\r\n')).toEqual([
    HEADER.join(';'),
    HEADER.map((column) => cellsAt(ROWS.missingDescription)[column]).join(';'),
    HEADER.map((column) => cellsAt(ROWS.impossibleDate)[column]).join(';'),
    '',
  ]);

  // History: the job is there, finished.
  await shell.historyNav.click();
  const history = new HistoryPage(page);
  await history.screen.waitFor({ state: 'visible' });
  await page.locator('[data-testid="history-row"][data-status="finished"]').waitFor({ state: 'visible' });
  expect(await history.rows.count()).toBe(1);
  await shot('history');

  expect(app.pageErrors).toEqual([]);
}

function digits(text: string | null): number {
  return Number((text ?? '').replace(/\D/g, ''));
}

/** An error report: `;` in Spanish, `,` in English, as Excel in that language splits CSV. */
function readCsv(path: string, delimiter: string): string[][] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text, { delimiter, newline: '\r\n', skipEmptyLines: true }).data;
}

/** The explanation (in the report's language) of a spreadsheet row in an error report. */
function explanationOf(report: string[][], rowNumber: number, reportHeader: readonly string[]): string {
  const header = report[0] ?? [];
  const column = header.indexOf(reportHeader[4] ?? '');
  return report.find((cells) => cells[0] === String(rowNumber))?.[column] ?? '';
}

/** The README shows the main screens at 1280×800, as an operator first sees them. They are
 * rewritten only when asked (CARGA_README_SCREENSHOTS=1), so a test run leaves the repo alone. */
async function readmeShot(app: E2eApp, step: StepId): Promise<void> {
  const { page } = app;
  const dir = join(SCREENSHOT_DIR, 'readme');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${step}.png`);
  // Notifications (the job's end) would hide the screen's top right: closed, as an operator would.
  for (const close of await page.locator('.mantine-Notification-closeButton').all()) await close.click();
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' });
  // Nor a tooltip left by the pointer's last stop.
  await page.mouse.move(0, 0);
  await page.locator('.mantine-Tooltip-tooltip').first().waitFor({ state: 'detached' });
  await page.evaluate('window.scrollTo(0, 0)');
  if (step === 'map') {
    // The whole column list, custom fields included, just under the app's header.
    const columns = await page
      .locator('.mantine-Card-root', { has: page.getByTestId('map-columns') })
      .boundingBox();
    const header = await page.locator('.mantine-AppShell-header').boundingBox();
    if (columns)
      await page.evaluate(`window.scrollTo(0, ${Math.round(columns.y - (header?.height ?? 0) - 16)})`);
  }
  await page.screenshot({ path });
  if (process.env.CARGA_README_SCREENSHOTS === '1') {
    mkdirSync(README_SHOTS, { recursive: true });
    copyFileSync(path, join(README_SHOTS, `${step}.png`));
  }
}
