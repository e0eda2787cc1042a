/**
 * The web front door, light or not: time from spawning `npm run web`'s entry to its address
 * printed (renderer already built) beside a bare Node static server; the renderer's JavaScript
 * raw and gzip, on the first screen and in all; first contentful paint in Debian's Chromium.
 * Runnable alone: `npx tsx test/bench/web-bench.ts`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { ensureRendererBuilt } from '../../electron/web/renderer-build';
import { startWebServer } from '../../electron/web/web-server';
import { chromiumPath } from '../e2e/harness';
import { FakeEngine } from '../support/fake-engine';
import { median, printFigures, type BenchFigure, type BenchPart } from './bench-figure';
import { alternate, ROOT, runProcess } from './measure-process';

const RUNS = 3;
const RENDERER_DIR = join(ROOT, 'dist', 'renderer');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const webBench: BenchPart = {
  name: 'web',
  async run(): Promise<BenchFigure[]> {
    await ensureRendererBuilt(ROOT, RENDERER_DIR);
    // Unmeasured: builds the front door's bundle if a source changed since it was built.
    await runProcess(process.execPath, [join(ROOT, 'bin/carga-web.js'), '--help']);
    const home = mkdtempSync(join(tmpdir(), 'carga-bench-web-'));
    try {
      const printed = /Carga: http/;
      const start = await alternate(
        RUNS,
        () =>
          runProcess(process.execPath, [join(ROOT, 'bin/carga-web.js')], {
            env: { CARGA_HOME: home, BROWSER: 'none' },
            until: printed,
          }),
        () =>
          runProcess(process.execPath, [join(import.meta.dirname, 'bare/static-server.mjs'), RENDERER_DIR], {
            until: printed,
          }),
      );
      const sizes = rendererSizes();
      const paints = await firstPaints();
      return [
        {
          figure: '`npm run web` → address printed (built), whole process',
          carga: { value: start.carga.seconds, unit: 's' },
          baseline: { value: start.baseline.seconds, unit: 's', label: 'bare Node static server' },
          target: { kind: 'at-most', value: 0.5 },
        },
        {
          figure: 'renderer JS for the first screen, raw / gzip',
          carga: { value: sizes.firstRaw / 1024, unit: 'KB' },
          target: { kind: 'none' },
          note: `${(sizes.firstGzip / 1024).toFixed(0)} KB gzip; all steps ${(sizes.allRaw / 1024).toFixed(0)} KB raw, ${(sizes.allGzip / 1024).toFixed(0)} KB gzip, in ${sizes.files} files`,
        },
        {
          figure: 'first contentful paint, Chromium, cold cache',
          carga: { value: paints.fcp, unit: 'ms' },
          target: { kind: 'at-most', value: 400 },
          note: 'index.html\'s "Loading…", painted before the app\'s code runs',
        },
        {
          figure: 'first screen with its data, Chromium, cold cache',
          carga: { value: paints.ready, unit: 'ms' },
          target: { kind: 'none' },
        },
      ];
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  },
};

/** The JS index.html loads (entry and modulepreloads) and all of it, raw and gzip (.gz written
 * by the build). */
function rendererSizes() {
  const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const size = (path: string) => statSync(join(RENDERER_DIR, path)).size;
  const all = readdirSync(join(RENDERER_DIR, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
  const sum = (paths: string[], suffix = '') => paths.reduce((total, path) => total + size(path + suffix), 0);
  return {
    firstRaw: sum(first),
    firstGzip: sum(first, '.gz'),
    allRaw: sum(all),
    allGzip: sum(all, '.gz'),
    files: all.length,
  };
}

/** Median first contentful paint, and median time until the first screen has its data (the
 * `data-ready` the app sets), over fresh browser contexts (nothing cached) against the real web
 * front door. */
async function firstPaints(): Promise<{ fcp: number; ready: number }> {
  const uploads = mkdtempSync(join(tmpdir(), 'carga-bench-uploads-'));
  const server = await startWebServer({
    engine: new FakeEngine(),
    staticDir: RENDERER_DIR,
    uploadsDir: uploads,
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const paints: number[] = [];
    const readies: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      // Before any of the page's scripts: note when the app marks its first screen ready.
      await context.addInitScript(`new MutationObserver((changes, observer) => {
        if (document.body?.dataset.ready !== 'true') return;
        globalThis.__cargaReadyAt = performance.now();
        observer.disconnect();
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] })`);
      const page = await context.newPage();
      await page.goto(server.oneTimeUrl());
      await page.waitForURL(`${server.origin}/`);
      const fcp = await page.evaluate(
        `new Promise((resolve) => new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) { observer.disconnect(); resolve(entry.startTime); }
        }).observe({ type: 'paint', buffered: true }))`,
      );
      paints.push(Number(fcp));
      // A function, not a string: the page's CSP refuses eval.
      const ready = await page.waitForFunction(
        () => (globalThis as { __cargaReadyAt?: number }).__cargaReadyAt,
      );
      readies.push(Number(await ready.jsonValue()));
      await context.close();
    }
    return { fcp: median(paints), ready: median(readies) };
  } finally {
    await browser.close();
    await server.close();
    rmSync(uploads, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printFigures(await webBench.run());
}
