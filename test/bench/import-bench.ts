import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../electron/engine/engine';
import { createMemoryVault } from '../../electron/engine/secrets/memory-vault';
import { SANDBOX_TOKEN } from '../../electron/sandbox/sandbox';
import { CAMPAIGN_HEADER, CAMPAIGN_TEMPLATE, campaignRow, CASE_HEADER, CASES_TEMPLATE, caseRow, writeCsv } from '../support/import-fixture';

const ROOT = join(import.meta.dirname, '../..');
const LATENCY_MS = 20;
/** Two runs of different sizes: the difference cancels what every job pays once (opening the
 * file, counting rows, reading the quota), leaving the steady request rate. */
const SHORT_RUN = 200;
const CASES = 800;
const RECORDS = 100_000;

/** The sandbox runs in its own process, so the CPU measured here is the engine's alone. */
async function startSandboxProcess(): Promise<{ origin: string; child: ChildProcess }> {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'electron/cli.ts'), 'sandbox', '--latency', String(LATENCY_MS), '--daily-limit', '10000000', '--quiet', '--lang', 'en'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) resolve(match[0]);
    });
    child.once('exit', () => reject(new Error('the sandbox did not start')));
  });
  child.stdout?.resume();
  return { origin, child };
}

export async function importBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'carga-bench-'));
  const { origin, child } = await startSandboxProcess();
  const engine = await createEngine({ dataDir: dir, vault: createMemoryVault(), lang: 'en', frontDoor: 'cli', autoResume: false });
  try {
    await engine.saveConnection({ connection: { id: 'cases', name: 'bench', target: 'wolkvox-crm-cases', server: origin, operation: 'demo' }, token: SANDBOX_TOKEN });
    await engine.saveConnection({
      connection: { id: 'campaign', name: 'bench', target: 'wolkvox-campaign', server: origin, campaignId: '1001', campaignType: 'predictive', campaignStatus: 'active' },
      token: SANDBOX_TOKEN,
    });

    const timedRun = async (rows: number) => {
      const path = writeCsv(join(dir, `cases-${rows}.csv`), CASE_HEADER, Array.from({ length: rows }, (_, i) => caseRow(i)));
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const started = await engine.startJob({ path, template: CASES_TEMPLATE, connectionId: 'cases' });
      const summary = await engine.settled(started.jobId);
      const cpu = process.cpuUsage(cpu0);
      return { summary, seconds: (performance.now() - t0) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 };
    };
    const short = await timedRun(SHORT_RUN);
    const { summary, seconds, cpuMs } = await timedRun(CASES);
    const perSecond = summary.requests / seconds;
    const steady = (summary.requests - short.summary.requests) / (seconds - short.seconds);
    const ideal = 2 / (LATENCY_MS / 1000);

    const records = writeCsv(join(dir, 'campaign.csv'), CAMPAIGN_HEADER, Array.from({ length: RECORDS }, (_, i) => campaignRow(i)));
    const t1 = performance.now();
    const batch = await engine.startJob({ path: records, template: CAMPAIGN_TEMPLATE, connectionId: 'campaign' });
    const batchSummary = await engine.settled(batch.jobId);
    const batchSeconds = (performance.now() - t1) / 1000;

    console.log(`\nImport against the sandbox at ${LATENCY_MS} ms latency (sandbox in its own process)`);
    console.log(`  T1 cases, one per request: ${summary.ok}/${CASES} ok, ${summary.requests} requests in ${seconds.toFixed(2)} s`);
    console.log(`    whole job: ${perSecond.toFixed(1)} requests/s; ideal 2/latency = ${ideal.toFixed(1)}; ratio ${(perSecond / ideal).toFixed(3)}`);
    console.log(`    steady rate (${CASES} − ${SHORT_RUN} rows): ${steady.toFixed(1)} requests/s; ratio ${(steady / ideal).toFixed(3)} (target ≥ 0.95)`);
    console.log(`    CPU ${(cpuMs / summary.requests).toFixed(3)} ms per request (engine process)`);
    console.log(`  T3 campaign records, batches of ≤ 10,000: ${batchSummary.ok}/${RECORDS} ok, ${batchSummary.requests} requests in ${batchSeconds.toFixed(2)} s`);
    console.log(`    ${(batchSummary.ok / batchSeconds).toFixed(0)} records/s`);
  } finally {
    await engine.close();
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
