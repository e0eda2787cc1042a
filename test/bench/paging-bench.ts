/**
 * `npm run bench -- paging`: a page of Results far down a big file costs what the first page
 * costs (issue 11). Accepted, skipped and pending rows keep no cells in the journal: each page of
 * them is read back from the source through the job's seal (electron/engine/jobs/sealed-read.ts,
 * `sealedRowsAt`, what JobManager.results calls). The job's row index, written by the read that
 * seals the file, starts that read at the position before the page instead of at the top.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openFile } from '../../electron/engine/files/open-file';
import { jobFileOf } from '../../electron/engine/jobs/job-spec';
import { RowIndex } from '../../electron/engine/jobs/row-index';
import { sealedCount, sealedRowsAt } from '../../electron/engine/jobs/sealed-read';
import { SourceSeal } from '../../electron/engine/jobs/source-seal';
import { median, type BenchFigure, type BenchPart } from './bench-figure';
import { casesFile } from './jobs-bench';

const ROWS = 1_000_000;
const PAGE = 100;
const RUNS = 5;

export const pagingBench: BenchPart = {
  name: 'paging',
  async run(): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'carga-paging-bench-'));
    try {
      const path = casesFile(join(dir, 'casos 1M.csv'), ROWS);
      const info = await openFile(path);
      const stat = statSync(path);
      const folder = join(dir, 'job');
      mkdirSync(folder);
      const source = { path, name: info.name, size: stat.size, mtimeMs: stat.mtimeMs };
      // As a job does at its creation: one read seals every block, counts the rows and writes the index.
      const sealing = SourceSeal.create(folder, source);
      const built = RowIndex.builder();
      const sealStarted = performance.now();
      const count = await sealedCount(info, sealing, built.add);
      const sealMs = performance.now() - sealStarted;
      const file = jobFileOf(info, stat);
      RowIndex.write(folder, file, sealing.fingerprint()!, built);
      // As another process (or a restart) finds the job: the seal and index read from its folder.
      const seal = SourceSeal.open(folder, source);
      const index = RowIndex.read(folder, file, seal.fingerprint());
      if (!index || count !== ROWS) throw new Error('the sealing read did not index the file');
      const indexBytes = statSync(join(folder, 'source-rows.json')).size;

      const pageMs = async (first: number, withIndex: boolean): Promise<number> => {
        const wanted = Array.from({ length: PAGE }, (_, k) => first + k);
        const times: number[] = [];
        for (let run = 0; run < (withIndex ? RUNS : 1); run++) {
          const t0 = performance.now();
          let read = 0;
          for await (const row of sealedRowsAt(info, seal, withIndex ? index : null, wanted))
            read += row.cells.length;
          times.push(performance.now() - t0);
          if (read !== PAGE * info.columns.length) throw new Error(`the page at ${first} came back short`);
        }
        return median(times);
      };
      const firstPage = await pageMs(0, true);
      const lastPage = await pageMs(ROWS - PAGE, true);
      const lastFromTop = await pageMs(ROWS - PAGE, false);
      const sizeMb = (stat.size / 1024 / 1024).toFixed(0);
      const what = `a page of ${PAGE} rows read back from the file (${ROWS.toLocaleString('en-US')} rows, ${sizeMb} MB CSV)`;
      return [
        {
          figure: `Results, ${what}: the last page`,
          carga: { value: lastPage, unit: 'ms' },
          baseline: { value: firstPage, unit: 'ms', label: 'the first page' },
          target: { kind: 'ratio-at-most', ratio: 2 },
          note: `median of ${RUNS}; row index ${(indexBytes / 1024).toFixed(0)} KB in the job folder (${index.size} positions, ${(indexBytes / ROWS).toFixed(3)} bytes a row), written by the sealing read (${(sealMs / 1000).toFixed(1)} s, as before)`,
        },
        {
          figure: `Results, ${what}: the last page read from the top (before the row index)`,
          carga: { value: lastFromTop, unit: 'ms' },
          baseline: { value: firstPage, unit: 'ms', label: 'the first page' },
          target: { kind: 'none' },
          note: 'one run: how every page far down was read before the index',
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
