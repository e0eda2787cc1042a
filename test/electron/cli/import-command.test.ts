import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type SandboxHandle } from '../../../electron/sandbox/sandbox';
import { EXAMPLES, runCarga } from '../../support/carga-cli';
import { TEST_TOKEN } from '../../support/import-fixture';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

let sandbox: SandboxHandle | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

describe('carga import', () => {
  it('imports the example into the embedded sandbox with exit 0 and one JSON summary', async () => {
    const home = tempDir();
    const result = await runCarga(
      [
        'import',
        join(EXAMPLES, 'casos-ejemplo.csv'),
        '--template',
        join(EXAMPLES, 'casos-ejemplo.template.json'),
        '--json',
      ],
      { CARGA_HOME: home },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(summary).sort()).toEqual([
      'alreadySentFrom',
      'failed',
      'jobId',
      'ok',
      'pending',
      'requests',
      'skipped',
      'status',
      'total',
      'uncertain',
    ]);
    expect(summary).toMatchObject({
      status: 'finished',
      total: 20,
      ok: 20,
      failed: 0,
      uncertain: 0,
      pending: 0,
      requests: 21,
    });
  });

  it('exports the loaded rows with the ids the CRM gave them (--accepted), one report at a time', async () => {
    const home = tempDir();
    const imported = await runCarga(
      [
        'import',
        join(EXAMPLES, 'casos-ejemplo.csv'),
        '--template',
        join(EXAMPLES, 'casos-ejemplo.template.json'),
        '--json',
      ],
      { CARGA_HOME: home },
    );
    const { jobId } = JSON.parse(imported.stdout) as { jobId: string };
    const out = join(home, 'cargadas.csv');
    const exported = await runCarga(['report', jobId, '--out', out, '--accepted', '--lang', 'en'], {
      CARGA_HOME: home,
    });
    expect(exported.code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const header = lines[0]!.split(',');
    expect(header[0]).toBe('Row');
    expect(header.at(-1)).toBe('CRM ID');
    // Every row of the example went in, each with the id the sandbox gave it, all different.
    const ids = lines.slice(1).map((line) => line.split(',').at(-1));
    expect(ids).toHaveLength(20);
    expect(ids.every((id) => id !== undefined && id !== '')).toBe(true);
    expect(new Set(ids).size).toBe(20);

    const both = await runCarga(
      ['report', jobId, '--out', out, '--accepted', '--failed-rows', '--lang', 'en'],
      {
        CARGA_HOME: home,
      },
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Choose one report');
  });

  it('exits 1 with the failures explained when some rows fail, and writes the report', async () => {
    const home = tempDir();
    const report = join(home, 'errores.csv');
    const result = await runCarga(
      [
        'import',
        join(EXAMPLES, 'casos-con-errores.csv'),
        '--template',
        join(EXAMPLES, 'casos-ejemplo.template.json'),
        '--report',
        report,
        '--lang',
        'es',
      ],
      { CARGA_HOME: home },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/fallidas [1-9]/);
    const csv = readFileSync(report, 'utf8');
    expect(csv.startsWith('\uFEFFFila;')).toBe(true);
    expect(csv).toContain('no es una fecha que exista');
  });

  it('exits 3, resumable, when the CRM refuses the token; 2 when the token or the file is missing', async () => {
    sandbox = await startSandbox({ tokens: [{ token: TEST_TOKEN, dailyLimit: 1000 }] });
    const home = tempDir();
    const args = [
      'import',
      join(EXAMPLES, 'casos-ejemplo.csv'),
      '--template',
      join(EXAMPLES, 'casos-ejemplo.template.json'),
      '--server',
      sandbox.origin,
    ];
    const refused = await runCarga([...args, '--json'], { CARGA_HOME: home, CARGA_TOKEN: 'wrong-token' });
    expect(refused.code).toBe(3);
    expect(JSON.parse(refused.stdout)).toMatchObject({ status: 'stopped', ok: 0, pending: 20 });

    const jobId = (JSON.parse(refused.stdout) as { jobId: string }).jobId;
    const resumed = await runCarga(['resume', jobId, '--server', sandbox.origin, '--json'], {
      CARGA_HOME: home,
      CARGA_TOKEN: TEST_TOKEN,
    });
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: 'finished', ok: 20 });

    const noToken = await runCarga(args, { CARGA_HOME: home });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('CARGA_TOKEN');
    const noFile = await runCarga(['import', join(home, 'nope.csv'), '--target', 'wolkvox-crm-cases'], {
      CARGA_HOME: home,
    });
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).not.toMatch(/\n\s+at /);
  });

  it('never writes the token anywhere: jobs, journals, ledgers, reports or output', async () => {
    sandbox = await startSandbox({ tokens: [{ token: TEST_TOKEN, dailyLimit: 1000 }] });
    const home = tempDir();
    const env = { CARGA_HOME: home, CARGA_TOKEN: TEST_TOKEN };
    const server = ['--server', sandbox.origin];
    const outputs = [
      await runCarga(
        [
          'import',
          join(EXAMPLES, 'casos-con-errores.csv'),
          '--template',
          join(EXAMPLES, 'casos-ejemplo.template.json'),
          ...server,
          '--report',
          join(home, 'r.xlsx'),
        ],
        env,
      ),
    ];
    const jobId = readdirSync(join(home, 'jobs')).find((name) => !name.startsWith('.'))!;
    outputs.push(await runCarga(['retry', jobId, '--uncertain', ...server], env));
    outputs.push(await runCarga(['report', jobId, '--out', join(home, 'r.csv')], env));
    outputs.push(await runCarga(['report', jobId, '--out', join(home, 'failed.csv'), '--failed-rows'], env));
    outputs.push(await runCarga(['report', jobId, '--out', join(home, 'summary.txt')], env));
    outputs.push(await runCarga(['jobs', '--json'], env));
    for (const output of outputs) {
      expect(output.stdout + output.stderr).not.toContain(TEST_TOKEN);
    }
    const files = filesUnder(home);
    expect(files.length).toBeGreaterThan(6);
    for (const file of files) expect(readFileSync(file).includes(TEST_TOKEN), file).toBe(false);
  });
});
