import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type SandboxHandle } from '../../../electron/sandbox/sandbox';
import { EXAMPLES, runCarga, type CliRun } from '../../support/carga-cli';
import { CASE_HEADER, caseRow, TEST_TOKEN, writeCasesFolder, writeCsv } from '../../support/import-fixture';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const TEMPLATE = join(EXAMPLES, 'casos-ejemplo.template.json');

let sandbox: SandboxHandle | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

/** The CLI run to its end against the job folders under `home`, with the sandbox's token. */
function carga(args: string[], home: string): Promise<CliRun> {
  return runCarga(args, { CARGA_HOME: home, CARGA_TOKEN: TEST_TOKEN });
}

/** A finished import of `rows` cases, its job folder and the flags to reach it again. */
async function importedJob(rows: number) {
  sandbox = await startSandbox({ tokens: [{ token: TEST_TOKEN, dailyLimit: 100_000 }] });
  const { dir, jobsDir, file } = writeCasesFolder(tempDir(), rows);
  const common = ['--server', sandbox.origin, '--jobs-dir', jobsDir];
  const run = await carga(['import', file, '--template', TEMPLATE, ...common, '--json'], dir);
  expect(run.code).toBe(0);
  const jobId = readdirSync(jobsDir).find((name) => !name.startsWith('.'))!;
  return { dir, jobsDir, jobId, folder: join(jobsDir, jobId), common };
}

function accepted(): number {
  return sandbox!.accepted().cases.length;
}

describe('a job whose journal is lost or damaged', () => {
  it.each([
    ['emptied', (path: string) => writeFileSync(path, '')],
    ['deleted', (path: string) => rmSync(path)],
  ])(
    'refuses to resume when outcomes.jsonl was %s, says why, and lists the job as needing review',
    async (_how, damage) => {
      const { dir, jobsDir, jobId, folder, common } = await importedJob(12);
      expect(accepted()).toBe(12);
      damage(join(folder, 'outcomes.jsonl'));
      // The destination's ledger would prove which rows were accepted: it is lost as well.
      rmSync(join(dir, 'ledger'), { recursive: true, force: true });

      const resumed = await carga(['resume', jobId, ...common], dir);
      expect(resumed.code).toBe(3);
      expect(resumed.stdout).toContain('needs review');
      expect(resumed.stdout).toContain('record of sends is incomplete');
      expect(accepted()).toBe(12);

      const retried = await carga(['retry', jobId, ...common, '--json'], dir);
      expect(retried.code).toBe(3);
      expect(JSON.parse(retried.stdout)).toMatchObject({ status: 'needs-review' });
      expect(accepted()).toBe(12);

      const listed = await carga(['jobs', '--jobs-dir', jobsDir, '--json'], dir);
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toMatchObject([{ jobId, status: 'needs-review' }]);
    },
  );

  it('goes on without a duplicate when the journal is lost but the destination’s ledger proves what was accepted', async () => {
    const { dir, jobId, folder, common } = await importedJob(12);
    writeFileSync(join(folder, 'outcomes.jsonl'), '');
    const requests = sandbox!.stats().requests;
    const resumed = await carga(['resume', jobId, ...common, '--json'], dir);
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: 'finished', ok: 12, pending: 0 });
    expect(accepted()).toBe(12);
    // At most the quota read: not one row went out again.
    expect(sandbox!.stats().requests - requests).toBeLessThanOrEqual(1);
  });

  it('resends nothing when only the last complete line is lost', async () => {
    const { dir, jobId, folder, common } = await importedJob(8);
    const path = join(folder, 'outcomes.jsonl');
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    // Losing the last line (the final status) changes nothing; losing the last outcome is damage.
    for (const keep of [lines.length - 1, lines.length - 2]) {
      writeFileSync(path, lines.slice(0, keep).join('\n') + '\n');
      const resumed = await carga(['resume', jobId, ...common, '--json'], dir);
      expect([0, 3]).toContain(resumed.code);
      expect(accepted()).toBe(8);
    }
  });

  it('lists every job when one job folder is damaged', async () => {
    const { dir, jobsDir, jobId, folder, common } = await importedJob(3);
    const second = writeCsv(join(jobsDir, '..', 'otro.csv'), CASE_HEADER, [caseRow(50)]);
    expect((await carga(['import', second, '--template', TEMPLATE, ...common, '--json'], dir)).code).toBe(0);
    writeFileSync(join(folder, 'job.json'), '{"version": 1, "jobId": ');

    const listed = await carga(['jobs', '--jobs-dir', jobsDir, '--json'], dir);
    expect(listed.code).toBe(0);
    const jobs = JSON.parse(listed.stdout) as { jobId: string; status: string }[];
    expect(jobs).toHaveLength(2);
    expect(jobs.find((job) => job.jobId === jobId)).toMatchObject({ status: 'needs-review' });
    expect(jobs.find((job) => job.jobId !== jobId)).toMatchObject({ status: 'finished' });

    const resumed = await carga(['resume', jobId, ...common], dir);
    expect(resumed.code).not.toBe(0);
    expect(resumed.stderr).toContain('cannot be read');
    expect(resumed.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
