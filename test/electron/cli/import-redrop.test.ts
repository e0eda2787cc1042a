import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type SandboxHandle } from '../../../electron/sandbox/sandbox';
import { EXAMPLES, runCarga, type CliRun } from '../../support/carga-cli';
import { CASE_HEADER, caseRow, TEST_TOKEN, writeCsv } from '../../support/import-fixture';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const TEMPLATE = join(EXAMPLES, 'casos-ejemplo.template.json');
const ROWS = 30;

let sandbox: SandboxHandle | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

/** The CLI run to its end against the job folders under `home`, with the sandbox's token. */
function carga(args: string[], home: string): Promise<CliRun> {
  return runCarga(args, { CARGA_HOME: home, CARGA_TOKEN: TEST_TOKEN });
}

interface ImportSummary {
  jobId: string;
  status: string;
  total: number;
  ok: number;
  skipped: number;
  pending: number;
  requests: number;
  alreadySentFrom: { jobId: string; at: string; rows: number }[];
}

function summaryOf(run: CliRun): ImportSummary {
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as ImportSummary;
}

/** The descriptions of every case the sandbox CRM holds, and how many times each. */
function casesInCrm(): Map<string, number> {
  const seen = new Map<string, number>();
  for (const accepted of sandbox?.accepted().cases ?? []) {
    const description = accepted.fields.description ?? '';
    seen.set(description, (seen.get(description) ?? 0) + 1);
  }
  return seen;
}

function duplicatesInCrm(): number {
  let duplicates = 0;
  for (const count of casesInCrm().values()) duplicates += count - 1;
  return duplicates;
}

async function setUp() {
  sandbox = await startSandbox({ tokens: [{ token: TEST_TOKEN, dailyLimit: 100_000 }] });
  const home = tempDir();
  const file = writeCsv(
    join(home, 'casos.csv'),
    CASE_HEADER,
    Array.from({ length: ROWS }, (_, i) => caseRow(i)),
  );
  const importFile = (path: string, ...extra: string[]) =>
    carga(['import', path, '--template', TEMPLATE, '--server', sandbox!.origin, '--json', ...extra], home);
  return { home, file, importFile };
}

describe('the same rows imported again to the same destination', () => {
  it('sends nothing the second time, names the earlier job, and sends again only with --allow-duplicates', async () => {
    const { home, file, importFile } = await setUp();
    const first = summaryOf(await importFile(file));
    expect(first).toMatchObject({ status: 'finished', ok: ROWS, skipped: 0 });
    const requestsBefore = sandbox!.stats().requests;

    const checked = await carga(
      ['check', file, '--template', TEMPLATE, '--server', sandbox!.origin, '--json'],
      home,
    );
    expect(JSON.parse(checked.stdout)).toMatchObject({
      validRows: ROWS,
      // Rows the run will skip cost no request: the estimate counts only the rows it will send.
      requests: 0,
      alreadySent: ROWS,
      alreadySentFrom: [{ jobId: first.jobId, rows: ROWS }],
    });
    const elsewhere = await carga(
      ['check', file, '--template', TEMPLATE, '--server', sandbox!.origin, '--operation', 'otra', '--json'],
      home,
    );
    expect(JSON.parse(elsewhere.stdout)).toMatchObject({
      validRows: ROWS,
      requests: ROWS,
      alreadySent: 0,
      alreadySentFrom: [],
    });

    const again = await importFile(file);
    expect(again.code).toBe(0);
    const second = summaryOf(again);
    expect(second).toMatchObject({ status: 'finished', total: ROWS, ok: 0, skipped: ROWS, pending: 0 });
    expect(second.alreadySentFrom).toEqual([{ jobId: first.jobId, at: expect.any(String), rows: ROWS }]);
    expect(casesInCrm().size).toBe(ROWS);
    expect(duplicatesInCrm()).toBe(0);
    // Nothing but the quota read went to the CRM.
    expect(sandbox!.stats().requests - requestsBefore).toBeLessThanOrEqual(1);

    const human = await carga(
      ['import', file, '--template', TEMPLATE, '--server', sandbox!.origin, '--lang', 'es'],
      home,
    );
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`Omitidas ${ROWS}`);
    expect(human.stdout).toContain(first.jobId);
    expect(human.stdout).toContain('--allow-duplicates');

    const forced = summaryOf(await importFile(file, '--allow-duplicates'));
    expect(forced).toMatchObject({ status: 'finished', ok: ROWS, skipped: 0 });
    expect(duplicatesInCrm()).toBe(ROWS);
  });

  it('sends only the rows a corrected copy changed, and both of two identical rows the first time', async () => {
    const { home, file, importFile } = await setUp();
    expect(summaryOf(await importFile(file))).toMatchObject({ ok: ROWS });

    const changed = new Set([3, 17, 29]);
    const rows = Array.from({ length: ROWS }, (_, i) =>
      changed.has(i) ? caseRow(i, { Descripción: `Caso corregido ${i}` }) : caseRow(i),
    );
    // A row repeated word for word is a second case the operator wants, not a re-drop.
    rows.push(caseRow(900), caseRow(900));
    const corrected = writeCsv(join(home, 'casos-corregido.csv'), CASE_HEADER, rows.reverse());
    const checked = await carga(
      ['check', corrected, '--template', TEMPLATE, '--server', sandbox!.origin, '--json'],
      home,
    );
    // The 5 rows it will send (3 corrected, 2 new) are the requests it needs.
    expect(JSON.parse(checked.stdout)).toMatchObject({ alreadySent: ROWS - 3, requests: 5 });
    const second = summaryOf(await importFile(corrected));
    expect(second).toMatchObject({ status: 'finished', total: ROWS + 2, ok: 5, skipped: ROWS - 3 });
    expect(casesInCrm().get('Caso de prueba número 900')).toBe(2);
    for (const i of changed) expect(casesInCrm().get(`Caso corregido ${i}`)).toBe(1);

    // Dropped again: every row, both copies of the repeated one included, is already there.
    expect(summaryOf(await importFile(corrected))).toMatchObject({ ok: 0, skipped: ROWS + 2 });
    expect(sandbox!.accepted().cases).toHaveLength(ROWS + 5);
  });
});

describe('the journal and the ledger are each the other’s safety net', () => {
  it('a job whose journal was deleted resumes without sending a row again', async () => {
    const { home, file, importFile } = await setUp();
    const first = summaryOf(await importFile(file));
    rmSync(join(home, 'jobs', first.jobId, 'outcomes.jsonl'));

    const resumed = await carga(['resume', first.jobId, '--server', sandbox!.origin, '--json'], home);
    expect(summaryOf(resumed)).toMatchObject({ status: 'finished', ok: ROWS, skipped: 0, pending: 0 });
    expect(sandbox!.accepted().cases).toHaveLength(ROWS);
  });

  it('a job whose journal lost its second half resumes without sending a row again', async () => {
    const { home, file, importFile } = await setUp();
    const first = summaryOf(await importFile(file));
    const journal = join(home, 'jobs', first.jobId, 'outcomes.jsonl');
    const lines = readFileSync(journal, 'utf8').split('\n');
    writeFileSync(journal, lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n');

    const resumed = await carga(['resume', first.jobId, '--server', sandbox!.origin, '--json'], home);
    expect(summaryOf(resumed)).toMatchObject({ status: 'finished', ok: ROWS, pending: 0 });
    expect(sandbox!.accepted().cases).toHaveLength(ROWS);
  });

  it('a new job on the same file sends nothing after the ledger was deleted: the earlier journal still counts', async () => {
    const { home, file, importFile } = await setUp();
    const first = summaryOf(await importFile(file));
    for (const name of readdirSync(join(home, 'ledger'))) rmSync(join(home, 'ledger', name));

    const second = summaryOf(await importFile(file));
    expect(second).toMatchObject({ status: 'finished', ok: 0, skipped: ROWS });
    expect(second.alreadySentFrom.map((earlier) => earlier.jobId)).toEqual([first.jobId]);
    expect(sandbox!.accepted().cases).toHaveLength(ROWS);
  });

  it('after the ledger was deleted, an earlier job’s rows are never taken from its file rewritten with the same size and time', async () => {
    const { home, file, importFile } = await setUp();
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(summaryOf(await importFile(file))).toMatchObject({ ok: ROWS });
    for (const name of readdirSync(join(home, 'ledger'))) rmSync(join(home, 'ledger', name));
    // Other rows, byte for byte as long, with the modification time put back.
    writeCsv(
      file,
      CASE_HEADER,
      Array.from({ length: ROWS }, (_, i) => caseRow(i, { Ciudad: 'Lima' })),
    );
    utimesSync(file, 1_700_000_000, 1_700_000_000);

    // The earlier journal cannot vouch for these rows: none was sent, so all of them go now.
    const second = summaryOf(await importFile(file));
    expect(second).toMatchObject({ status: 'finished', ok: ROWS, skipped: 0 });
    expect(sandbox!.accepted().cases.filter((c) => c.form.Ciudad === 'Lima')).toHaveLength(ROWS);
  });
});
