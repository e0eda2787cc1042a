import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { median } from './bench-figure';

const PRELOAD = join(import.meta.dirname, 'report-peak-rss.mjs');
export const ROOT = join(import.meta.dirname, '../..');

export interface ProcessRun {
  seconds: number;
  /** The largest peak RSS among the Node processes of the run (a wrapper and its child). */
  peakRssMb: number;
  /** CPU time (user + system) of the run's Node processes together: on a busy machine the wall
   * time grows with the load, the CPU time hardly. */
  cpuSeconds: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Resolves the run early, once stdout matches (e.g. a URL printed); the process is then killed. */
  until?: RegExp;
  /** Exit codes that count as a run; any other throws with the process's first line of stderr
   * (default: 0 only), so a broken command never passes for a fast one. */
  codes?: readonly number[];
}

/** One whole process, wall time from spawn to exit (or to `until`), with its peak RSS. */
export async function runProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions = {},
): Promise<ProcessRun> {
  const dir = mkdtempSync(join(tmpdir(), 'carga-bench-rss-'));
  const rssFile = join(dir, 'rss');
  try {
    const nodeOptions = [process.env.NODE_OPTIONS, `--import=${pathToFileURL(PRELOAD).href}`]
      .filter(Boolean)
      .join(' ');
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env, NODE_OPTIONS: nodeOptions, CARGA_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let ended: number | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.until && ended === null && options.until.test(stdout)) {
        ended = performance.now();
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode) => resolve(exitCode));
    });
    const seconds = ((ended ?? performance.now()) - started) / 1000;
    let peakKib = 0;
    let cpuMicros = 0;
    try {
      for (const line of readFileSync(rssFile, 'utf8').split('\n')) {
        const [rss, cpu] = line.split(' ');
        peakKib = Math.max(peakKib, Number(rss) || 0);
        cpuMicros += Number(cpu) || 0;
      }
    } catch {
      // A process killed before its exit handler ran leaves no figure.
    }
    if (ended === null && !(options.codes ?? [0]).includes(code ?? -1)) {
      throw new Error(
        `${[command, ...args].join(' ')} exited ${code}: ${stderr.trim().split('\n')[0] ?? ''}`,
      );
    }
    return { seconds, peakRssMb: peakKib / 1024, cpuSeconds: cpuMicros / 1e6, code, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Medians {
  seconds: number;
  peakRssMb: number;
  cpuSeconds: number;
  runs: ProcessRun[];
}

export interface Alternated {
  carga: Medians;
  baseline: Medians;
}

/** Carga and its baseline alternated `runs` times (so a busy moment hits both), medians. */
export async function alternate(
  runs: number,
  carga: () => Promise<ProcessRun>,
  baseline: () => Promise<ProcessRun>,
): Promise<Alternated> {
  const a: ProcessRun[] = [];
  const b: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await carga());
    b.push(await baseline());
  }
  const summary = (list: ProcessRun[]): Medians => ({
    seconds: median(list.map((r) => r.seconds)),
    peakRssMb: median(list.map((r) => r.peakRssMb)),
    cpuSeconds: median(list.map((r) => r.cpuSeconds)),
    runs: list,
  });
  return { carga: summary(a), baseline: summary(b) };
}
