/**
 * `npm run bench`: every figure of issue 10's table beside its bare baseline, one table at the
 * end. `npm run bench -- start t3` runs only the parts named. Figures, never assertions.
 *
 * To add figures: write `test/bench/NAME-bench.ts` exporting a `BenchPart` (see bench-figure.ts:
 * each figure gives Carga's value, its baseline, and the target) and list it in PARTS below.
 * Measure whole processes with `runProcess`/`alternate` (measure-process.ts) where start-up
 * matters; take the median of 3.
 */
import { printFigures, type BenchFigure, type BenchPart } from './bench-figure';
import { filesBench } from './files-bench';
import { importBench } from './import-bench';
import { jobsBench } from './jobs-bench';
import { ledgerBench } from './ledger-bench';
import { pagingBench } from './paging-bench';
import { readBench } from './read-bench';
import { startBench } from './start-bench';
import { tableBench, uiBench } from './ui-bench';
import { webBench } from './web-bench';

const PARTS: BenchPart[] = [
  startBench,
  readBench,
  filesBench,
  importBench,
  jobsBench,
  uiBench,
  tableBench,
  webBench,
  ledgerBench,
  pagingBench,
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !PARTS.some((part) => part.name === name));
if (unknown.length) {
  console.error(
    `Unknown bench part(s): ${unknown.join(', ')}. Parts: ${PARTS.map((part) => part.name).join(', ')}`,
  );
  process.exit(2);
}

const figures: BenchFigure[] = [];
for (const part of PARTS.filter((p) => wanted.length === 0 || wanted.includes(p.name))) {
  const started = performance.now();
  console.log(`\n── ${part.name} ──`);
  try {
    const own = await part.run();
    printFigures(own);
    figures.push(...own);
  } catch (error) {
    // One broken part must not hide the others' figures.
    console.log(`The ${part.name} part failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`(${part.name}: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

console.log('\n══ All figures ══');
printFigures(figures);
