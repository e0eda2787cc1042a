/**
 * A job the terminal runs (`carga import` on the app's data folder), seen in the browser: the
 * History and the Run screen say who runs it and follow its progress live, without Pause,
 * Resume or Cancel; once the terminal is gone (`kill -9`), the job is the page's again.
 */
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { SANDBOX_TOKEN } from '../../electron/sandbox/seeded-data';
import { CASE_HEADER, caseRow, writeCsv } from '../support/import-fixture';
import { importArgs, onlyJobId, useTerminals } from '../support/terminal-job';
import { launchApp, type E2eApp } from './harness';
import { HistoryPage } from './pages/history-page';
import { RunPage } from './pages/run-page';

const ROWS = 60;

let app: E2eApp | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});
// Registered after the app's close: the terminal is killed first (after-each hooks run in reverse).
const carga = useTerminals({ CARGA_TOKEN: SANDBOX_TOKEN, LANG: 'es_CO.UTF-8' });

/** The run screen's count of accepted rows. */
async function okShown(run: RunPage): Promise<number> {
  return Number((await run.ok.getAttribute('data-value')) ?? '0');
}

describe('a job the terminal runs, in the browser', () => {
  it('names the terminal, follows its progress live without Pause, Resume or Cancel, and is the page’s again after kill -9', async () => {
    // Every answer takes a while: the terminal's pass lasts far longer than the page needs.
    app = await launchApp({ lang: 'es', sandbox: { latencyMs: 1_500 } });
    const { page, engine, dataDir } = app;
    const jobsDir = join(dataDir, 'jobs');
    const origin = (await engine.getAppInfo()).sandboxOrigin!;
    const file = writeCsv(
      join(dataDir, 'casos.csv'),
      CASE_HEADER,
      Array.from({ length: ROWS }, (_, i) => caseRow(i)),
    );
    const { child } = carga(importArgs(file, origin, jobsDir));
    const job = () => onlyJobId(jobsDir);
    await expect.poll(job, { timeout: 30_000 }).toBeDefined();
    const jobId = job()!;

    await page.getByTestId('nav-history').click();
    const row = new HistoryPage(page).row(jobId);
    await row.getByTestId('history-held-by').waitFor({ state: 'visible' });
    expect(await row.getByTestId('history-held-by').textContent()).toBe('En una terminal');
    expect(await row.getByTestId('history-resume').count()).toBe(0);
    await row.getByTestId('history-open').click();

    const run = new RunPage(page);
    const held = page.getByTestId('run-held-by');
    await held.waitFor({ state: 'visible' });
    expect(await held.textContent()).toContain(
      `Esta importación se está ejecutando en una terminal (el comando carga, proceso ${child.pid})`,
    );
    for (const button of [run.pause, run.resume, run.cancel]) expect(await button.count()).toBe(0);
    // Its progress rises on the page as the terminal's journal grows.
    await expect.poll(() => okShown(run), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    const before = await okShown(run);
    await expect.poll(() => okShown(run), { timeout: 60_000 }).toBeGreaterThan(before);
    expect(await held.isVisible()).toBe(true);

    child.kill('SIGKILL');
    await run.waitForStatus('paused', 30_000);
    await run.resume.waitFor({ state: 'visible' });
    expect(await held.count()).toBe(0);
    expect(await run.pause.count()).toBe(0);
    await app.screenshot('run-held-by-terminal-then-paused');
  }, 180_000);
});
