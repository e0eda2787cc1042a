/**
 * How responsive the window stays with big jobs, measured in Debian's Chromium through the web
 * front door against the embedded sandbox. Figures, not assertions:
 * (a) `npm run bench -- ui`: during a 100,000-row campaign import (T3) driven through the
 *     wizard: the main thread's long tasks, click → next paint on a header button, progress
 *     events and run-screen renders a second;
 * (b) `npm run bench -- table`: the results of 100,000 failed rows: time to the first rows, to
 *     a filter, to rows after a jump, frames during scripted scrolls, long tasks, DOM rows kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROW_HEIGHT } from '../../renderer/results/result-columns';
import type { EngineEvent } from '../../shared/contract';
import { launchApp, type E2eApp } from '../e2e/harness';
import { AppPage } from '../e2e/pages/app-page';
import { CheckPage } from '../e2e/pages/check-page';
import { ConnectPage } from '../e2e/pages/connect-page';
import { FilePage } from '../e2e/pages/file-page';
import { chooseOption } from '../e2e/pages/mantine-select';
import { MapPage } from '../e2e/pages/map-page';
import { ResultsPage } from '../e2e/pages/results-page';
import { RunPage } from '../e2e/pages/run-page';
import {
  armedLatency,
  armFor,
  countOf,
  installProbe,
  jumpTo,
  pageNow,
  readProbe,
  scriptedScroll,
  stopWatching,
  watchCommits,
  type ProbeWindow,
  type ScrollRun,
} from '../e2e/responsiveness-probe';
import {
  CAMPAIGN_HEADER,
  campaignRow,
  CASE_HEADER,
  caseRow,
  CASES_TEMPLATE,
  writeCsv,
} from '../support/import-fixture';
import type { BenchFigure, BenchPart } from './bench-figure';

const ROWS = 100_000;
/** A batch of 10,000 records takes the Manager a while; 2 batches are in flight at a time. */
const CAMPAIGN_LATENCY_MS = 1_000;
/** Every tenth failed row is from this city: the text filter's matches. */
const MARKED_CITY = 'Pasto';
const TABLE = '[data-testid="results-table"]';
const LOADED_ROW = '[data-testid="results-row"][data-outcome]';

interface Figure {
  measure: string;
  value: string;
}

/** (a): prints its own table (text figures without a bare baseline). */
export const uiBench: BenchPart = {
  name: 'ui',
  run: () => measureUi('wizard-import'),
};

/** (b): prints its own table; the scrolling is also a figure with a target. */
export const tableBench: BenchPart = {
  name: 'table',
  run: () => measureUi('results-table'),
};

async function measureUi(part: 'wizard-import' | 'results-table'): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'carga-ui-bench-'));
  const app = await launchApp({
    lang: 'en',
    viewport: { width: 1280, height: 800 },
    sandbox: { latencyMs: CAMPAIGN_LATENCY_MS },
  });
  try {
    // The ticket page hands over to the app by itself; once it has, the app is loaded again with
    // the probe in place (reloading the ticket page instead would race its hand-over).
    const appPage = new AppPage(app.page);
    await appPage.waitUntilReady();
    await installProbe(app.page);
    await app.page.goto(`${app.server.origin}/`);
    await appPage.waitUntilReady();
    console.log(
      `\nUI responsiveness: Chromium ${app.browser.version()} headless, 1280×800, web front door, embedded sandbox`,
    );
    if (part === 'wizard-import') {
      printTable(
        `(a) ${fmt(ROWS)}-row campaign import (T3) through the wizard, sandbox latency ${fmt(CAMPAIGN_LATENCY_MS)} ms a batch`,
        await importThroughWizard(app, dir),
      );
      return [];
    }
    const results = await failedRowsResults(app, dir);
    printTable(`(b) results table of ${fmt(ROWS)} failed rows`, results.figures);
    return results.bench;
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function importThroughWizard(app: E2eApp, dir: string): Promise<Figure[]> {
  const { page } = app;
  const path = writeCsv(
    join(dir, 'campaña 100k.csv'),
    CAMPAIGN_HEADER,
    Array.from({ length: ROWS }, (_, i) => campaignRow(i)),
  );

  const connect = new ConnectPage(page);
  await connect.screen.waitFor({ state: 'visible' });
  await chooseOption(page, connect.select, 'Sandbox · wolkvox Manager');
  await connect.next.click();
  const file = new FilePage(page);
  await file.choose(path);
  await file.waitForPreview('campaña 100k.csv');
  await file.next.click();
  const map = new MapPage(page);
  await map.screen.waitFor({ state: 'visible' });
  await map.sampleText();
  await map.next.click();
  const check = new CheckPage(page);
  const checkStarted = performance.now();
  await page
    .locator('[data-testid="check-screen"][data-state="done"]')
    .waitFor({ state: 'visible', timeout: 180_000 });
  const checkMs = performance.now() - checkStarted;
  const checked = Number((await check.figure(check.total)).replace(/\D/g, ''));

  // From the click on Start to the end of the run.
  const progressAt: number[] = [];
  let wake: (() => void) | null = null;
  const stopCounting = app.engine.onEvent((event: EngineEvent) => {
    if (event.type !== 'job-progress') return;
    progressAt.push(performance.now());
    wake?.();
  });
  const from = await pageNow(page);
  const started = performance.now();
  await check.start.click();
  const run = new RunPage(page);
  await run.screen.waitFor({ state: 'visible' });
  await watchCommits(page, '[data-testid="run-screen"]');

  // A click on a header button after each progress event (the engine sends at most 10 a second).
  let done = false;
  const finished = run.waitForStatus('finished', 600_000).then(() => {
    done = true;
    return performance.now();
  });
  const toggle = page.getByTestId('color-scheme-toggle');
  let clicks = 0;
  while (!done) {
    if (progressAt.length > clicks) {
      clicks += 1;
      await toggle.click();
    } else {
      await Promise.race([finished, new Promise<void>((resolve) => (wake = resolve))]);
    }
  }
  const ended = await finished;
  stopCounting();
  await stopWatching(page);
  const seen = await readProbe(page, from);
  const seconds = (ended - started) / 1000;
  const ok = Number(await run.ok.getAttribute('data-value'));

  const clickLatencies = seen.inputs.filter((input) => input.type === 'click').map((input) => input.latency);
  // Event Timing reports every event of a click (pointerover, mousedown…); these are the inputs.
  const slowInputs = seen.slowEvents.filter((event) =>
    ['pointerdown', 'pointerup', 'click', 'keydown'].includes(event.name),
  );
  const commitRate = perSecond(seen.commits, seen.from);
  const eventRate = perSecond(progressAt, started);
  return [
    {
      measure: 'check of every row before the run',
      value: `${fmt(checked)} rows, done ${ms(checkMs)} after Next`,
    },
    {
      measure: 'run (Start clicked → finished on screen)',
      value: `${seconds.toFixed(1)} s, ${fmt(ok)} rows ok, ${fmt(Math.round(ok / seconds))} rows/s`,
    },
    ...longTaskFigures(seen, 'main-thread long tasks during the run'),
    {
      measure: `click → next paint, header button (n=${clickLatencies.length})`,
      value: spread(clickLatencies),
    },
    {
      measure: 'input → next paint (Event Timing, ≥ 16 ms)',
      value: slowInputs.length
        ? `${slowInputs.length} of pointerdown/up, click; longest ${maxOf(slowInputs.map((event) => event.duration))} ms`
        : 'none',
    },
    {
      measure: 'progress events from the engine',
      value: `${eventRate.mean.toFixed(1)}/s on average, at most ${eventRate.max} in one second`,
    },
    {
      measure: 'run-screen DOM commits (renders)',
      value: `${commitRate.mean.toFixed(1)}/s on average, at most ${commitRate.max} in one second`,
    },
    { measure: 'JS heap at the end', value: heap(seen.heapBytes) },
  ];
}

/** Why a fling misses 55 frames/s here, from a Chromium trace of it (1 Dec, this machine):
 * what the main thread spends on each frame, which no single change brings under 16.7 ms. Tried
 * and dropped: rows keyed by their place in the window, so React reuses their elements for the
 * rows coming into view (more style, layout and paint a frame, not less: every row changed). */
const FLING_NOTE =
  '; why it misses: at 400 px a frame ~9 rows come into view every frame, ~260 elements, and the ' +
  "main thread spends ~25 ms a frame on them (React's render and commit ~7 ms, style and layout " +
  '~7 ms, paint and its hand-over ~6 ms, the hover hit test ~2 ms) in software rendering, with the ' +
  'sandbox and the page reads on the same 2 cores; the grid scrolls on the compositor, so a real ' +
  'scroll moves the rows already drawn at once; under 16.7 ms would take fewer elements a row than ' +
  "a cell's button and grid cell each";

/** What the longest tasks while scrolling were, from the same trace: frames, not scripts. */
const LONG_TASK_NOTE =
  '; the longest are frames whose layout shaped the text of the rows coming into view (15–24 ms) ' +
  "while V8's incremental marking ran in the same frame (4–7 ms)";

async function failedRowsResults(
  app: E2eApp,
  dir: string,
): Promise<{ figures: Figure[]; bench: BenchFigure[] }> {
  const { page } = app;
  // Every row lacks its description: each fails the local check, without a request.
  const path = writeCsv(
    join(dir, 'casos sin descripción.csv'),
    CASE_HEADER,
    Array.from({ length: ROWS }, (_, i) =>
      caseRow(i, { Descripción: '', Ciudad: i % 10 === 0 ? MARKED_CITY : 'Cali' }),
    ),
  );
  const created = performance.now();
  const job = await app.engine.startJob({ path, template: CASES_TEMPLATE, connectionId: 'sandbox-cases' });
  await untilFinished(app, job.jobId);
  const jobSeconds = (performance.now() - created) / 1000;

  await page.getByTestId('nav-history').click();
  const row = page.locator(`[data-testid="history-row"][data-job-id="${job.jobId}"]`);
  await row.waitFor({ state: 'visible' });
  const from = await pageNow(page);
  await armFor(page, `${TABLE}[data-total="${ROWS}"] ${LOADED_ROW}`);
  await row.getByTestId('history-open').click();
  const firstRows = await armedLatency(page);
  const domRows = await countOf(page, '[data-testid="results-row"]');

  const results = new ResultsPage(page);
  await armFor(page, `${TABLE}[data-total="0"]`);
  await results.outcomeChip('failed').click();
  const filterOff = await armedLatency(page);
  await armFor(page, `${TABLE}[data-total="${ROWS}"] ${LOADED_ROW}`);
  await results.outcomeChip('failed').click();
  const filterOn = await armedLatency(page);

  const matches = ROWS / 10;
  await armFor(page, `${TABLE}[data-total="${matches}"] ${LOADED_ROW}`);
  await results.textFilter.click();
  await page.keyboard.type(MARKED_CITY);
  const textFilter = await armedLatency(page);
  await armFor(page, `${TABLE}[data-total="${ROWS}"] ${LOADED_ROW}`);
  await results.textFilter.fill('');
  await page.keyboard.press('End');
  await armedLatency(page);

  const scrollFrom = await pageNow(page);
  const gentle = await scriptedScroll(page, TABLE, 40, 300);
  const fling = await scriptedScroll(page, TABLE, 400, 300);
  const scrolled = await readProbe(page, scrollFrom);

  // Half-way down at once, as when the scroll bar's thumb is dragged there.
  const middle = ROWS / 2;
  await armFor(page, `${LOADED_ROW}[data-row="${middle + 3}"]`);
  await jumpTo(page, TABLE, middle * ROW_HEIGHT);
  const jump = await armedLatency(page);
  const seen = await readProbe(page, from);

  const longestScrollTask = Math.max(0, ...scrolled.longTasks.map((task) => task.duration));
  const bench: BenchFigure[] = [
    ...[gentle, fling].map((run): BenchFigure => ({
      figure: `results table, ${fmt(ROWS)} failed rows: scroll ${fmt(run.pixels / run.frames)} px a frame`,
      carga: { value: run.frames / (run.elapsedMs / 1000), unit: 'frames/s' },
      target: { kind: 'at-least', value: 55 },
      note:
        `longest frame ${ms(run.longestFrameMs)}, ${run.framesOver50ms} over 50 ms; Chromium headless` +
        (run === fling ? FLING_NOTE : ''),
    })),
    {
      figure: `results table, ${fmt(ROWS)} failed rows: longest main-thread task while scrolling`,
      carga: { value: longestScrollTask, unit: 'ms' },
      target: { kind: 'at-most', value: 50 },
      note:
        `${scrolled.longTasks.length} tasks over 50 ms (0 ms: none; the Long Tasks API reports only those)` +
        (longestScrollTask > 0 ? LONG_TASK_NOTE : ''),
    },
  ];

  const figures = [
    {
      measure: `job of ${fmt(ROWS)} rows failing the local check (engine, no request)`,
      value: `${jobSeconds.toFixed(1)} s`,
    },
    { measure: 'open from History → first rows painted', value: `${ms(firstRows)}` },
    { measure: 'filter: outcome chip off (0 rows) → painted', value: ms(filterOff) },
    { measure: `filter: outcome chip on (${fmt(ROWS)} rows) → first rows painted`, value: ms(filterOn) },
    {
      measure: `filter: text "${MARKED_CITY}" (${fmt(matches)} rows), last key → rows painted`,
      value: `${ms(textFilter)} (300 ms of it is the typing debounce)`,
    },
    scrollFigure('scripted scroll, 40 px a frame × 300 frames', gentle),
    scrollFigure('scripted scroll, 400 px a frame × 300 frames', fling),
    ...longTaskFigures(scrolled, 'long tasks during the two scrolls'),
    { measure: `jump to row ${fmt(middle)} → its rows painted`, value: ms(jump) },
    {
      measure: 'result rows in the DOM (virtualized)',
      value: `${domRows} after opening, ${await countOf(page, '[data-testid="results-row"]')} after the jump`,
    },
    ...longTaskFigures(seen, 'long tasks over the whole results session'),
    { measure: 'JS heap at the end', value: heap(seen.heapBytes) },
  ];
  return { figures, bench };
}

function untilFinished(app: E2eApp, jobId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = app.engine.onEvent((event) => {
      if (event.type === 'job-finished' && event.summary.jobId === jobId) {
        stop();
        resolve();
      }
    });
  });
}

function longTaskFigures(seen: ProbeWindow, label: string): Figure[] {
  const durations = seen.longTasks.map((task) => task.duration);
  const total = durations.reduce((sum, duration) => sum + duration, 0);
  const windowMs = seen.to - seen.from;
  return [
    {
      measure: label,
      value: durations.length
        ? `${durations.length}, longest ${maxOf(durations)} ms, ${Math.round(total)} ms in all (${((total / windowMs) * 100).toFixed(1)} % of ${(windowMs / 1000).toFixed(1)} s)`
        : `none over ${(windowMs / 1000).toFixed(1)} s`,
    },
  ];
}

function scrollFigure(label: string, run: ScrollRun): Figure {
  const fps = run.frames / (run.elapsedMs / 1000);
  return {
    measure: label,
    value: `${fmt(run.pixels)} px in ${ms(run.elapsedMs)}: ${fps.toFixed(0)} frames/s, longest frame ${ms(run.longestFrameMs)}, ${run.framesOver50ms} over 50 ms`,
  };
}

/** Mean and busiest one-second count of timestamps (ms) since `from`. */
function perSecond(stamps: readonly number[], from: number): { mean: number; max: number } {
  if (stamps.length === 0) return { mean: 0, max: 0 };
  const buckets = new Map<number, number>();
  for (const at of stamps) {
    const second = Math.floor((at - from) / 1000);
    buckets.set(second, (buckets.get(second) ?? 0) + 1);
  }
  const span = Math.max(1, ((stamps[stamps.length - 1] ?? from) - from) / 1000);
  return { mean: stamps.length / span, max: Math.max(...buckets.values()) };
}

function spread(values: readonly number[]): string {
  if (values.length === 0) return 'no clicks';
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `median ${ms(median)}, max ${ms(sorted[sorted.length - 1] ?? 0)}`;
}

function maxOf(values: readonly number[]): number {
  return Math.round(Math.max(...values));
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

function heap(bytes: number | null): string {
  return bytes === null ? 'not reported' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function fmt(value: number): string {
  return value.toLocaleString('en-US');
}

function printTable(title: string, figures: Figure[]): void {
  const width = Math.max(...figures.map((figure) => figure.measure.length));
  console.log(`\n${title}`);
  for (const figure of figures) console.log(`  ${figure.measure.padEnd(width)}  ${figure.value}`);
}
