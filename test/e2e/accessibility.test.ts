/**
 * Every screen and state the operator meets, scanned with axe-core in Chromium, in light and in
 * dark: none may have a "critical" or "serious" violation. Each state is reached the way an
 * operator reaches it (the sandbox is set up so the job runs, waits for the quota or finishes),
 * and the whole list of what axe found is printed, so a failure names the element to fix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';

import { SANDBOX_DAILY_LIMIT, SANDBOX_TOKEN } from '../../electron/sandbox/sandbox';
import { en } from '../../renderer/i18n/en';
import type { Lang } from '../../shared/contract';
import { WOLKVOX_CAMPAIGN } from '../../shared/targets/wolkvox-campaign';
import { axeViolations, blocking, describeViolations, type AxeViolation } from './axe';
import { launchApp, PROJECT_ROOT, type E2eApp, type E2eOptions } from './harness';
import { MESSY_FILE_NAME, writeMessyCasesFile } from './messy-cases-file';
import { AppPage } from './pages/app-page';
import { CheckPage } from './pages/check-page';
import { ConnectPage } from './pages/connect-page';
import { FilePage } from './pages/file-page';
import { HistoryPage } from './pages/history-page';
import { chooseOption } from './pages/mantine-select';
import { MapPage } from './pages/map-page';
import { ResultsPage } from './pages/results-page';
import { RunPage } from './pages/run-page';

let app: E2eApp | null = null;
const folders: string[] = [];

afterEach(async () => {
  await app?.close();
  app = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** What axe found in each state, in each colour scheme; only critical and serious fail. */
class Scans {
  readonly found = new Map<string, AxeViolation[]>();

  constructor(
    private readonly page: Page,
    readonly lang: Lang,
  ) {}

  /** Scans the screen as it is, in light and then in dark (the app follows the system's scheme). */
  async scan(state: string): Promise<void> {
    for (const scheme of ['light', 'dark'] as const) {
      // Without motion, a dialog is scanned as it stands, not halfway through fading in.
      await this.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await this.page.locator(`html[data-mantine-color-scheme="${scheme}"]`).waitFor({ state: 'attached' });
      // Colours fade to the new scheme: axe reads them once they got there. And the pointer
      // rests off the content, so no hover colour is scanned in place of the real one.
      await this.page.mouse.move(1, 1);
      await this.page.evaluate(
        // (An animation cancelled meanwhile, as a closing dialog's, is done too.)
        'Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => {})))',
      );
      this.found.set(`${this.lang} ${state} ${scheme}`, await axeViolations(this.page));
    }
    await this.page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  }

  /** Prints every state's figures and asserts none has a blocking violation. */
  expectNoneBlocking(): void {
    const lines = [...this.found].map(([state, violations]) => {
      const nodes = blocking(violations).reduce((sum, violation) => sum + violation.nodes.length, 0);
      return `${state}: ${nodes} elements in ${blocking(violations).length} critical or serious rules, ${violations.length} rules in all`;
    });
    console.log(`axe-core:\n${lines.join('\n')}`);
    const failures = [...this.found]
      .filter(([, violations]) => blocking(violations).length > 0)
      .map(([state, violations]) => `── ${state}\n${describeViolations(blocking(violations))}`);
    expect(failures.join('\n')).toBe('');
  }
}

async function start(
  lang: Lang,
  sandbox?: E2eOptions['sandbox'],
): Promise<{ page: Page; scans: Scans; spreadsheet: string }> {
  const folder = mkdtempSync(join(tmpdir(), `carga-e2e-a11y-${lang}-`));
  folders.push(folder);
  const spreadsheet = writeMessyCasesFile(folder);
  app = await launchApp({ lang, ...(sandbox ? { sandbox } : {}) });
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
  await new AppPage(app.page).waitUntilReady();
  return { page: app.page, scans: new Scans(app.page, lang), spreadsheet };
}

/** Connect → File → Map → Check → Start, scanning each step (Connect after Test) when `scans`
 * is given. */
async function walkToRun(page: Page, spreadsheet: string, scans?: Scans): Promise<RunPage> {
  const connect = new ConnectPage(page);
  await connect.screen.waitFor({ state: 'visible' });
  if (scans) {
    await connect.test();
    await scans.scan('connect');
    // The new-connection form (a campaign's, the longest) and the sandbox reset's question.
    await page.getByTestId('connection-new').click();
    await chooseOption(page, page.getByTestId('connection-target'), WOLKVOX_CAMPAIGN.name[scans.lang]);
    await scans.scan('connect-new-form');
    await page.getByTestId('connection-cancel').click();
    await connect.sandboxBadge.waitFor({ state: 'visible' });
    await page.getByTestId('sandbox-reset').click();
    await page.getByTestId('sandbox-reset-modal-cancel').waitFor({ state: 'visible' });
    await scans.scan('sandbox-reset-dialog');
    await page.getByTestId('sandbox-reset-modal-cancel').click();
    await page.getByTestId('sandbox-reset-modal-cancel').waitFor({ state: 'detached' });
  }
  await connect.next.click();

  const file = new FilePage(page);
  await file.screen.waitFor({ state: 'visible' });
  await scans?.scan('file-empty');
  await file.choose(spreadsheet);
  await file.waitForPreview(MESSY_FILE_NAME);
  await scans?.scan('file-preview');
  await file.next.click();

  const map = new MapPage(page);
  await map.screen.waitFor({ state: 'visible' });
  await map.sampleText();
  await scans?.scan('map');
  await map.next.click();

  const check = new CheckPage(page);
  await check.waitUntilDone();
  await scans?.scan('check');
  await check.start.click();
  return new RunPage(page);
}

describe('axe-core finds no critical or serious violation', () => {
  for (const lang of ['es', 'en'] as const) {
    it(`on every step of a finished import, its results and the history (${lang}, light and dark)`, async () => {
      const { page, scans, spreadsheet } = await start(lang);
      const run = await walkToRun(page, spreadsheet, scans);
      await run.waitForStatus('finished');
      await scans.scan('run-finished');
      await run.results.click();

      const results = new ResultsPage(page);
      await results.waitForStatus('finished');
      await results.waitForTotal(3);
      await scans.scan('results-failures');
      await keyboardThroughResults(page);
      await results.cell(5, 'Responsable').click();
      await page.getByTestId('results-cell-input').waitFor({ state: 'visible' });
      await scans.scan('results-editing');
      await page.keyboard.press('Escape');
      // The row open in the side panel, and the export menu.
      const panel = await results.openRow(5);
      await scans.scan('results-panel');
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await page.getByTestId('results-export').click();
      await page.getByTestId('results-export-errors-csv').waitFor({ state: 'visible' });
      await scans.scan('results-export-menu');
      await page.keyboard.press('Escape');
      await page.getByTestId('results-export-errors-csv').waitFor({ state: 'hidden' });

      // "New import" from the results: the same file again maps afresh, with no word of the
      // last job's retry.
      await page.getByTestId('results-new-import').click();
      const file = new FilePage(page);
      await file.screen.waitFor({ state: 'visible' });
      await file.choose(spreadsheet);
      await file.waitForPreview(MESSY_FILE_NAME);
      await file.next.click();
      await new MapPage(page).screen.waitFor({ state: 'visible' });
      expect(await page.getByTestId('map-retry-note').count()).toBe(0);

      const shell = new AppPage(page);
      await shell.historyNav.click();
      await new HistoryPage(page).screen.waitFor({ state: 'visible' });
      await page.locator('[data-testid="history-row"][data-status="finished"]').waitFor({ state: 'visible' });
      await scans.scan('history');
      scans.expectNoneBlocking();
    });
  }

  for (const lang of ['es', 'en'] as const) {
    it(`while the job runs, with the cancel dialog open (${lang}, light and dark)`, async () => {
      // The CRM takes 30 s an answer: the job (5 rows, 2 at a time) stays running while it is scanned.
      const { page, scans, spreadsheet } = await start(lang, { latencyMs: 30_000 });
      const run = await walkToRun(page, spreadsheet);
      await run.waitForStatus('running');
      await scans.scan('run-running');
      await run.cancel.click();
      await page.getByTestId('run-cancel-modal-cancel').waitFor({ state: 'visible' });
      await scans.scan('cancel-dialog');
      scans.expectNoneBlocking();
    });

    it(`while the job waits for the quota, and on its results meanwhile (${lang}, light and dark)`, async () => {
      const { page, scans, spreadsheet } = await start(lang, {
        tokens: [{ token: SANDBOX_TOKEN, dailyLimit: SANDBOX_DAILY_LIMIT, usedToday: SANDBOX_DAILY_LIMIT }],
      });
      const run = await walkToRun(page, spreadsheet);
      await run.waitForStatus('waiting-quota');
      await scans.scan('run-waiting');
      if (lang === 'en') await expectWaitingShownOnce(page, run);
      // Paused, then resumed with the quota still used up: it waits again, and says so.
      await run.pause.click();
      await run.waitForStatus('paused');
      expect(await run.pause.count()).toBe(0);
      await run.resume.click();
      await run.waitForStatus('waiting-quota');
      if (lang === 'en') await expectWaitingShownOnce(page, run);
      await run.results.click();
      await new ResultsPage(page).screen.waitFor({ state: 'visible' });
      await scans.scan('results-waiting');
      scans.expectNoneBlocking();
    });

    it(`on Map and Check for module records, campaigns and Thalamus (${lang}, light and dark)`, async () => {
      const { page, scans } = await start(lang);
      const connect = new ConnectPage(page);
      for (const { connection, example } of OTHER_TARGETS) {
        await new AppPage(page).step('connect').click();
        await connect.screen.waitFor({ state: 'visible' });
        await chooseOption(page, connect.select, connection);
        await connect.next.click();
        const file = new FilePage(page);
        await file.screen.waitFor({ state: 'visible' });
        await file.choose(join(PROJECT_ROOT, 'examples', example));
        await file.waitForPreview(example);
        await file.next.click();
        const map = new MapPage(page);
        await map.screen.waitFor({ state: 'visible' });
        await scans.scan(`map ${connection}`);
        // The examples map as suggested; Check is reached only when nothing blocks it.
        if ((await map.requiredMissing.count()) === 0) {
          await map.next.click();
          await new CheckPage(page).waitUntilDone();
          await scans.scan(`check ${connection}`);
        }
      }
      expect([...scans.found.keys()].filter((state) => state.includes(' check '))).toHaveLength(6);
      scans.expectNoneBlocking();
    });
  }
});

/** The built-in sandbox connections of the targets the whole path above does not take, each
 * with the example file of the README. */
const OTHER_TARGETS = [
  { connection: 'Sandbox · wolkvox CRM · contactos', example: 'contactos-ejemplo.csv' },
  { connection: 'Sandbox · wolkvox Manager', example: 'campana-ejemplo.csv' },
  { connection: 'Sandbox · Thalamus', example: 'casos-thalamus.csv' },
] as const;

/** The grid of results is one Tab stop, moved through with the arrows; an inline edit done with
 * the keyboard gives the focus back to its cell; the skip link jumps over header and stepper. */
async function keyboardThroughResults(page: Page): Promise<void> {
  const focused = () =>
    page.evaluate(
      '(() => { const e = document.activeElement; return e ? (e.getAttribute("data-cell") ?? e.getAttribute("data-testid") ?? e.id ?? e.tagName) : null; })()',
    );

  // From the top of the page: the skip link comes first and lands on the step's content.
  // (The body takes the focus for a moment, as after a page load, so Tab starts from the top.)
  await page.evaluate(
    "document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex')",
  );
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement?.className')).toBe('carga-skip-link');
  await page.keyboard.press('Enter');
  expect(await focused()).toBe('step-content');

  // Tab until the grid: its first cell takes the focus; one more Tab leaves the grid.
  let stops = 0;
  while (!String(await focused()).includes(':') && stops < 60) {
    await page.keyboard.press('Tab');
    stops += 1;
  }
  expect(await focused()).toBe('0:0');
  await page.keyboard.press('Tab');
  expect(String(await focused())).not.toMatch(/^\d+:\d+$/);
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('0:0');

  // Arrows move cell by cell; End goes to the row's last cell, Home back to its first.
  await page.keyboard.press('ArrowDown');
  expect(await focused()).toBe('1:0');
  await page.keyboard.press('ArrowRight');
  expect(await focused()).toBe('1:1');
  await page.keyboard.press('End');
  const last = String(await focused());
  expect(last).toMatch(/^1:\d+$/);
  await page.keyboard.press('Home');
  expect(await focused()).toBe('1:0');

  // Enter on a value cell edits it; Escape gives up and the focus is back on that cell.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.getByTestId('results-cell-input').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await page.getByTestId('results-cell-input').waitFor({ state: 'detached' });
  expect(await focused()).toBe(last);
}

/** A job waiting for its quota: Pause without Resume, no speed, when its rows go on, and the
 * reset written for the operator (no ISO instant) — the same in the notice and the time left. */
async function expectWaitingShownOnce(page: Page, run: RunPage): Promise<void> {
  await run.pause.waitFor({ state: 'visible' });
  expect(await run.resume.count()).toBe(0);
  expect(await run.status.textContent()).toBe(en.statuses['waiting-quota']);
  expect(await run.rate.locator('p').last().textContent()).toBe('—');
  const eta = (await run.eta.locator('p').last().textContent()) ?? '';
  // No request has read the token's figures (the CRM refused the first one), so the size of a
  // day of quota is unknown: the rows go on after the reset.
  expect(eta).toMatch(
    /^7 rows: they go on after the quota resets, \w{3}, \w{3} \d{1,2}, \d{2}:\d{2} (AM|PM)$/,
  );
  const reset = eta.slice(eta.indexOf('resets, ') + 'resets, '.length);
  expect(await page.getByTestId('run-reason').textContent()).toContain(reset);
}
