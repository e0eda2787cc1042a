import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createEngine, type Engine } from '../../electron/engine/engine';
import { createMemoryVault } from '../../electron/engine/secrets/memory-vault';
import { startSandbox, type SandboxHandle } from '../../electron/sandbox/sandbox';
import { CASE_HEADER, caseRow, CASES_TEMPLATE, TEST_TOKEN } from '../support/import-fixture';
import type { BenchFigure, BenchPart } from './bench-figure';

const LATENCY_MS = 20;
const STEADY_ROWS = 600;
const RUNS = 3;

/** Writes a cases CSV row by row (a million rows never sit in memory as one string). */
export function casesFile(path: string, rows: number, from = 0): string {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, CASE_HEADER.join(';') + '\r\n');
    let chunk = '';
    for (let i = 0; i < rows; i++) {
      chunk += caseRow(from + i).join(';') + '\r\n';
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return path;
}

async function engineOn(dir: string, origin: string, unflushed = false): Promise<Engine> {
  const engine = await createEngine({
    dataDir: dir,
    vault: createMemoryVault(),
    lang: 'en',
    frontDoor: 'cli',
    autoResume: false,
    ...(unflushed ? { benchUnflushedSends: true } : {}),
  });
  await engine.saveConnection({
    connection: {
      id: 'cases',
      name: 'bench',
      target: 'wolkvox-crm-cases',
      server: origin,
      operation: 'demo',
    },
    token: TEST_TOKEN,
  });
  return engine;
}

/** Start of the job → the CRM's answer to its first row (the first request and its round trip). */
async function firstRowSeconds(engine: Engine, path: string): Promise<number> {
  const t0 = performance.now();
  const first = new Promise<number>((resolve) => {
    const off = engine.onEvent((event) => {
      if (event.type === 'job-progress' && event.progress.ok > 0) {
        off();
        resolve(performance.now());
      }
    });
  });
  const { jobId } = await engine.startJob({ path, template: CASES_TEMPLATE, connectionId: 'cases' });
  const t1 = await first;
  await engine.cancelJob({ jobId });
  return (t1 - t0) / 1000;
}

/** A bare client: read the file's first row, send it, wait for the answer. */
async function bareFirstRowSeconds(path: string, origin: string): Promise<number> {
  const t0 = performance.now();
  const { createReadStream } = await import('node:fs');
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  let head = '';
  for await (const piece of stream) {
    head += String(piece);
    if (head.split('\r\n').length > 2) break;
  }
  stream.destroy();
  const header = head.split('\r\n')[0]!.split(';');
  const cells = head.split('\r\n')[1]!.split(';');
  const body = new FormData();
  header.forEach((column, i) => body.append(column, cells[i] ?? ''));
  // The same endpoint and token; the bare client does not map the columns, so the CRM refuses
  // the case: one request and its round trip all the same.
  await fetch(`${origin}/server/API/v2/cases/insert.php`, {
    method: 'POST',
    headers: { 'Wolkvox-Token': TEST_TOKEN },
    body,
  }).then((response) => response.text());
  return (performance.now() - t0) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Requests per second over STEADY_ROWS one-case requests. */
async function steadyRate(engine: Engine, path: string): Promise<number> {
  const t0 = performance.now();
  const started = await engine.startJob({ path, template: CASES_TEMPLATE, connectionId: 'cases' });
  const summary = await engine.settled(started.jobId);
  return summary.requests / ((performance.now() - t0) / 1000);
}

export const jobsBench: BenchPart = {
  name: 'jobs',
  async run(): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'carga-bench-jobs-'));
    let sandbox: SandboxHandle | null = null;
    let slow: SandboxHandle | null = null;
    const engines: Engine[] = [];
    try {
      // A quota that carries any file: the first request does not wait for the count.
      sandbox = await startSandbox({ tokens: [{ token: TEST_TOKEN, dailyLimit: 1_000_000_000 }] });
      const figures: BenchFigure[] = [];
      for (const rows of [10_000, 1_000_000]) {
        const path = casesFile(join(dir, `start-${rows}.csv`), rows);
        const carga: number[] = [];
        const bare: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const engine = await engineOn(join(dir, `start-${rows}-${run}`), sandbox.origin);
          engines.push(engine);
          carga.push(await firstRowSeconds(engine, path));
          bare.push(await bareFirstRowSeconds(path, sandbox.origin));
        }
        figures.push({
          figure: `start → first row answered, T1, ${rows.toLocaleString('en')} rows (in process)`,
          carga: { value: median(carga), unit: 's' },
          baseline: { value: median(bare), unit: 's', label: 'bare client: read one row, send it' },
          target: { kind: 'at-most', value: 0.5 },
          note: 'the count of the file runs alongside; opening the file and reading the quota come first',
        });
      }

      slow = await startSandbox({
        tokens: [{ token: TEST_TOKEN, dailyLimit: 1_000_000_000 }],
        latencyMs: LATENCY_MS,
      });
      const durable: number[] = [];
      const unflushed: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        // Rows of their own each time: the destination ledger would skip rows sent before.
        const a = casesFile(join(dir, `steady-a-${run}.csv`), STEADY_ROWS, (2 * run + 1) * 1_000_000);
        const b = casesFile(join(dir, `steady-b-${run}.csv`), STEADY_ROWS, (2 * run + 2) * 1_000_000);
        const withFlush = await engineOn(join(dir, `durable-${run}`), slow.origin);
        const without = await engineOn(join(dir, `unflushed-${run}`), slow.origin, true);
        engines.push(withFlush, without);
        durable.push(await steadyRate(withFlush, a));
        unflushed.push(await steadyRate(without, b));
      }
      figures.push({
        figure: `T1 import rate with the durable \`sending\` record (fdatasync before each request), ${LATENCY_MS} ms latency`,
        carga: { value: median(durable), unit: 'requests/s' },
        baseline: { value: median(unflushed), unit: 'requests/s', label: 'the same without the fdatasync' },
        target: { kind: 'ratio-at-least', ratio: 0.95 },
        note: `${STEADY_ROWS} one-case requests per run, median of ${RUNS}; each request's turn in its slot is ${(2000 / median(durable) - 2000 / median(unflushed)).toFixed(2)} ms longer with the flush: the device's fdatasync, which the promise that a send is on disk before it leaves cannot skip; a flush starts at once beside one running, entries written before it started share it`,
      });
      return figures;
    } finally {
      for (const engine of engines) await engine.close();
      await sandbox?.close();
      await slow?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
