/**
 * A workbook holding dates, imported into the sandbox through the web front door in Chromium
 * (issue 11): Results shows its dates as the operator reads dates, not as ISO text; searching
 * Results finds an accepted row by a word of its description; the success report holds the date
 * as a real Excel date. Screenshots land in test-results/e2e/dates-search-*.png.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';

import { launchApp, PROJECT_ROOT, type E2eApp } from './harness';
import { AppPage } from './pages/app-page';
import { CheckPage } from './pages/check-page';
import { FilePage } from './pages/file-page';
import { ResultsPage } from './pages/results-page';
import { RunPage } from './pages/run-page';

let app: E2eApp | null = null;
let folder: string | null = null;

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app?.screenshot('dates-search-failed').catch(() => {});
  await app?.close();
  app = null;
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

/** The example cases as a workbook whose closing dates are date cells with a time; the first
 * row's responsible user does not exist, so the CRM refuses it. */
async function writeCasesWorkbook(path: string): Promise<void> {
  const lines = readFileSync(join(PROJECT_ROOT, 'examples', 'casos-ejemplo.csv'), 'utf8')
    .trim()
    .split('\n');
  const header = lines[0]!.trim().split(';');
  const dateColumn = header.indexOf('Fecha cierre');
  const priority = header.indexOf('Prioridad');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Casos');
  sheet.addRow(header);
  for (const [i, line] of lines.slice(1, 4).entries()) {
    const cells: (string | Date)[] = line.trim().split(';');
    if (i === 0) cells[1] = 'nadie@demo';
    cells[priority] = 'Alta';
    cells[dateColumn] = new Date(Date.UTC(2026, 2, 20 - i, 14, 30));
    const row = sheet.addRow(cells);
    row.getCell(dateColumn + 1).numFmt = 'dd/mm/yyyy hh:mm';
  }
  await workbook.xlsx.writeFile(path);
}

describe('a workbook with dates in Results, in Chromium', () => {
  it('shows its dates in the operator’s format, finds an accepted row by a word, and reports the date as a date', async () => {
    folder = mkdtempSync(join(tmpdir(), 'carga-e2e-dates-'));
    const workbook = join(folder, 'casos-fechas.xlsx');
    await writeCasesWorkbook(workbook);
    app = await launchApp({ lang: 'es' });
    const { page } = app;
    await new AppPage(page).waitUntilReady();
    await page.getByTestId('connection-sandbox-badge').waitFor({ state: 'visible' });
    await page.getByTestId('wizard-next').click();

    const file = new FilePage(page);
    await file.choose(workbook);
    await file.waitForPreview('casos-fechas.xlsx');
    await file.next.click();
    await page.getByTestId('map-screen').waitFor({ state: 'visible' });
    await page.getByTestId('wizard-next').click();
    const check = new CheckPage(page);
    await check.waitUntilDone();
    await check.start.click();
    const run = new RunPage(page);
    await run.waitForStatus('finished');
    await run.results.click();

    // The refused row: its date as Excel shows it in Spanish, in the list and in its panel.
    const results = new ResultsPage(page);
    await results.waitForStatus('finished');
    await results.waitForTotal(1);
    expect(await results.cell(2, 'Fecha cierre').textContent()).toBe('20/03/2026 14:30');
    const panel = await results.openRow(2);
    expect(await panel.textContent()).toContain('20/03/2026 14:30');
    expect(await results.screen.textContent()).not.toContain('2026-03-20');
    await app.screenshot('dates-search-failed-row');

    // Accepted rows, searched by a word of one's description typed without its accents.
    await results.outcomeChip('failed').click();
    await results.outcomeChip('uncertain').click();
    await results.outcomeChip('ok').click();
    await results.waitForTotal(2);
    await results.textFilter.fill('tecnico no llego');
    await results.waitForTotal(1);
    expect(await results.shownRows()).toEqual([[3, 'ok']]);
    const found = await results.row(3).textContent();
    expect(found).toContain('El técnico no llegó a la visita programada');
    expect(found).toContain('19/03/2026 14:30');
    await app.screenshot('dates-search-accepted-found');

    // The success report holds the date as a date, shown the Spanish way, read back by Excel.
    const report = await results.export('accepted', 'xlsx');
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(report);
    const sheet = written.worksheets[0]!;
    const dateColumn = (sheet.getRow(1).values as unknown[]).indexOf('Fecha cierre');
    const cell = sheet.getRow(2).getCell(dateColumn);
    expect(cell.value).toEqual(new Date(Date.UTC(2026, 2, 19, 14, 30)));
    expect(cell.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(app.pageErrors).toEqual([]);
  });
});
