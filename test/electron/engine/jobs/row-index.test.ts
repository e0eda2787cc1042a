import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createEngine } from '../../../../electron/engine/engine';
import { openFile } from '../../../../electron/engine/files/open-file';
import type { SourceRow } from '../../../../electron/engine/files/source-row';
import { jobFileOf } from '../../../../electron/engine/jobs/job-spec';
import { RowIndex } from '../../../../electron/engine/jobs/row-index';
import { sealedCount, sealedRowsAt } from '../../../../electron/engine/jobs/sealed-read';
import { SEAL_BLOCK_BYTES, SourceSeal } from '../../../../electron/engine/jobs/source-seal';
import { createMemoryVault } from '../../../../electron/engine/secrets/memory-vault';
import type { ResultRow } from '../../../../shared/contract';
import {
  CAMPAIGN_HEADER,
  CAMPAIGN_TEMPLATE,
  campaignRow,
  useImportFixtures,
  writeCsv,
  type ImportFixture,
} from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const openFixture = useImportFixtures();
const tempDir = useTempDirs();

const ROWS = 40_000;
/** A column the template leaves out, so the file spans several sealed blocks. */
const HEADER = [...CAMPAIGN_HEADER, 'Notas'];
const row = (i: number) => [...campaignRow(i), `nota ${i} ${'·'.repeat(i % 50)}`];

const campaign = {
  target: 'wolkvox-campaign',
  campaignId: '1001',
  campaignType: 'predictive',
  campaignStatus: 'active',
} as const;

/** Every row accepted: the journal keeps no cells of them, so Results reads them from the file. */
async function importAll(): Promise<{ fixture: ImportFixture; jobId: string; path: string }> {
  const fixture = await openFixture({ connection: campaign });
  const path = writeCsv(
    join(fixture.dir, 'campaña grande.csv'),
    HEADER,
    Array.from({ length: ROWS }, (_, i) => row(i)),
  );
  // Whole seconds, so the time can be put back to the nanosecond after a rewrite.
  utimesSync(path, 1_700_000_000, 1_700_000_000);
  expect(statSync(path).size).toBeGreaterThan(3 * SEAL_BLOCK_BYTES);
  const summary = await fixture.run(path, CAMPAIGN_TEMPLATE);
  expect(summary).toMatchObject({ status: 'finished', ok: ROWS });
  return { fixture, jobId: summary.jobId, path };
}

async function acceptedPage(fixture: ImportFixture, jobId: string, offset: number): Promise<ResultRow[]> {
  const page = await fixture.engine.listResults({ jobId, filter: { outcomes: ['ok'] }, offset, limit: 50 });
  expect(page.total).toBe(ROWS);
  return page.rows;
}

/** What the file holds for row index `i`, as Results shows it. */
function expected(i: number) {
  return {
    index: i,
    row: i + 2,
    outcome: 'ok',
    values: Object.fromEntries(HEADER.map((column, c) => [column, row(i)[c]])),
  };
}

describe('accepted rows far down a big file', () => {
  it('come back from the file with the values and Excel row numbers of their place, at the end as at the start', async () => {
    const { fixture, jobId } = await importAll();
    for (const offset of [0, ROWS / 2 + 7, ROWS - 50]) {
      const rows = await acceptedPage(fixture, jobId, offset);
      expect(rows).toHaveLength(50);
      rows.forEach((shown, k) => expect(shown).toMatchObject(expected(offset + k)));
    }
  });

  it('read through the index a read of the job wrote once, and without it (damaged) still right', async () => {
    const { fixture, jobId } = await importAll();
    const folder = join(fixture.dir, 'data', 'jobs', jobId);
    const indexPath = join(folder, 'source-rows.json');
    expect(existsSync(indexPath)).toBe(true);
    // A torn or tampered index is not trusted: the rows are read from the top instead.
    // A position in the middle moved a few bytes on: still in order, but it leads to other rows.
    const saved = JSON.parse(readFileSync(indexPath, 'utf8')) as { offsets: number[]; indices: number[] };
    const middle = Math.floor(saved.offsets.length / 2);
    saved.offsets[middle]! += 3;
    const first = saved.indices[middle]!;
    writeFileSync(indexPath, JSON.stringify(saved));
    // Another process (the CLI beside the app) opens the job afresh.
    const engine = await createEngine({
      dataDir: join(fixture.dir, 'data'),
      vault: createMemoryVault(),
      lang: 'en',
      frontDoor: 'cli',
      autoResume: false,
    });
    try {
      const rows = (
        await engine.listResults({ jobId, filter: { outcomes: ['ok'] }, offset: first, limit: 3 })
      ).rows;
      rows.forEach((shown, k) => expect(shown).toMatchObject(expected(first + k)));
    } finally {
      await engine.close();
    }
  });

  it('a changed file is refused as before: rows far down show no values, whichever block changed', async () => {
    const { fixture, jobId, path } = await importAll();
    const before = statSync(path, { bigint: true });
    // One byte of the first block, the size and modification time put back.
    const bytes = readFileSync(path);
    bytes[100] = bytes[100] === 0x41 ? 0x42 : 0x41;
    writeFileSync(path, bytes);
    utimesSync(path, Number(before.atimeMs) / 1000, Number(before.mtimeMs) / 1000);
    expect(statSync(path, { bigint: true }).mtimeNs).toBe(before.mtimeNs);

    const rows = await acceptedPage(fixture, jobId, ROWS - 50);
    expect(rows.map((shown) => shown.row)).toEqual(Array.from({ length: 50 }, (_, k) => ROWS - 50 + k + 2));
    expect(rows.every((shown) => Object.values(shown.values).every((value) => value === ''))).toBe(true);
  });
});

describe('rows scattered over a sealed file', () => {
  it('are each read from the index position before it, equal to a read from the top', async () => {
    const dir = tempDir();
    const path = writeCsv(
      join(dir, 'grande.csv'),
      HEADER,
      Array.from({ length: ROWS }, (_, i) => row(i)),
    );
    const info = await openFile(path);
    const folder = join(dir, 'job');
    mkdirSync(folder);
    const stat = statSync(path);
    const source = { path, name: 'grande.csv', size: stat.size, mtimeMs: stat.mtimeMs };
    const seal = SourceSeal.create(folder, source);
    const built = RowIndex.builder();
    expect(await sealedCount(info, seal, built.add)).toBe(ROWS);
    const file = jobFileOf(info, stat);
    RowIndex.write(folder, file, seal.fingerprint()!, built);
    const index = RowIndex.read(folder, file, SourceSeal.open(folder, source).fingerprint());
    expect(index?.size).toBeGreaterThan(20);

    const wanted = [0, 1, 999, 1_000, 17_345, 17_346, 30_000, ROWS - 2, ROWS - 1];
    const found: SourceRow[] = [];
    for await (const shown of sealedRowsAt(info, seal, index, wanted)) found.push(shown);
    expect(found.map((shown) => [shown.index, shown.row, shown.cells])).toEqual(
      wanted.map((i) => [i, i + 2, row(i)]),
    );
    // Without an index, the same rows from the top.
    const fromTop: SourceRow[] = [];
    for await (const shown of sealedRowsAt(info, seal, null, wanted)) fromTop.push(shown);
    expect(fromTop).toEqual(found);
    // The index of other bytes is not used.
    expect(RowIndex.read(folder, file, 'another file')).toBeNull();
  });
});
