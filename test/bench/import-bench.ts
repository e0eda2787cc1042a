import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createEngine } from '../../electron/engine/engine';
import { createMemoryVault } from '../../electron/engine/secrets/memory-vault';
import { SANDBOX_TOKEN } from '../../electron/sandbox/sandbox';
import {
  CAMPAIGN_HEADER,
  CAMPAIGN_TEMPLATE,
  campaignRow,
  CASE_HEADER,
  caseRow,
  CASES_TEMPLATE,
  writeCsv,
} from '../support/import-fixture';
import { median, type BenchFigure, type BenchPart } from './bench-figure';
import { alternate, runProcess, type ProcessRun } from './measure-process';

const ROOT = join(import.meta.dirname, '../..');
const LATENCY_MS = 20;
/** Two runs of different sizes: the difference cancels what every job pays once (opening the
 * file, counting rows, reading the quota), leaving the steady request rate. */
const SHORT_RUN = 200;
const CASES = 800;
const RECORDS = 100_000;
/** A T3 import this small is almost all fixed cost: what every job pays once, whatever its size. */
const FEW_RECORDS = 1_000;
const RUNS = 3;

/** The sandbox runs in its own process, so the CPU measured here is the engine's alone. */
async function startSandboxProcess(): Promise<{ origin: string; child: ChildProcess }> {
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    [
      join(ROOT, 'electron/cli.ts'),
      'sandbox',
      '--latency',
      String(LATENCY_MS),
      '--daily-limit',
      '10000000',
      '--quiet',
      '--lang',
      'en',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
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

/** T3 as an operator runs it: the installed command (its own Node flags), a whole process, with
 * its peak RSS. */
function cargaCampaignImport(
  file: string,
  template: string,
  origin: string,
  home: string,
  { youngGenerationCapped = true } = {},
): Promise<ProcessRun> {
  // Plain `node bin/carga.js` ignores the interpreter line, and with it the cap on V8's young
  // generation: what an engine started without the flag (the app on Windows or macOS) does.
  const [command, args] = youngGenerationCapped
    ? [join(ROOT, 'bin/carga.js'), []]
    : [process.execPath, [join(ROOT, 'bin/carga.js')]];
  return runProcess(
    command,
    [
      ...args,
      'import',
      file,
      '--template',
      template,
      '--server',
      origin,
      '--campaign-id',
      '1001',
      '--campaign-type',
      'predictive',
      '--campaign-status',
      'active',
      '--json',
      '--lang',
      'en',
    ],
    {
      env: { CARGA_HOME: home, CARGA_TOKEN: SANDBOX_TOKEN },
    },
  );
}

/** T1's bare baseline against the same sandbox process: requests per second from its first
 * request to its last answer (its start-up is not in it, as the steady rate leaves Carga's out). */
async function bareCasesRate(file: string, origin: string): Promise<number> {
  const run = await runProcess(process.execPath, [
    join(import.meta.dirname, 'bare/case-client.mjs'),
    file,
    origin,
    SANDBOX_TOKEN,
  ]);
  const { ok, seconds } = JSON.parse(run.stdout) as { ok: number; seconds: number };
  return ok / seconds;
}

function bareCampaignImport(file: string, origin: string): Promise<ProcessRun> {
  return runProcess(process.execPath, [
    join(import.meta.dirname, 'bare/campaign-client.mjs'),
    file,
    origin,
    SANDBOX_TOKEN,
  ]);
}

export const importBench: BenchPart = {
  name: 'import',
  async run(): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'carga-bench-'));
    const { origin, child } = await startSandboxProcess();
    const engineWith = async (dataDir: string, benchUnflushedSends: boolean) => {
      const made = await createEngine({
        dataDir,
        vault: createMemoryVault(),
        lang: 'en',
        frontDoor: 'cli',
        autoResume: false,
        benchUnflushedSends,
      });
      await made.saveConnection({
        connection: {
          id: 'cases',
          name: 'bench',
          target: 'wolkvox-crm-cases',
          server: origin,
          operation: 'demo',
        },
        token: SANDBOX_TOKEN,
      });
      return made;
    };
    const engine = await engineWith(dir, false);
    // The same engine without the fdatasync of each `sending` record: what that flush costs here.
    const unflushedEngine = await engineWith(join(dir, 'unflushed'), true);
    try {
      let fileNumber = 0;
      const casesFile = (rows: number) =>
        // Rows of their own: the destination ledger would skip rows an earlier run sent.
        writeCsv(
          join(dir, `cases-${++fileNumber}.csv`),
          CASE_HEADER,
          Array.from({ length: rows }, (_, i) => caseRow(fileNumber * 100_000 + i)),
        );
      const timedRun = async (rows: number, on = engine) => {
        const path = casesFile(rows);
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const started = await on.startJob({ path, template: CASES_TEMPLATE, connectionId: 'cases' });
        const summary = await on.settled(started.jobId);
        const cpu = process.cpuUsage(cpu0);
        return { summary, seconds: (performance.now() - t0) / 1000, cpuMs: (cpu.user + cpu.system) / 1000 };
      };
      // Alternated with the bare client, median of RUNS: the machine's load moves both alike.
      const steadyRates: number[] = [];
      const unflushedRates: number[] = [];
      const bareRates: number[] = [];
      const cpuPerRequest: number[] = [];
      let accepted = '';
      for (let run = 0; run < RUNS; run++) {
        const short = await timedRun(SHORT_RUN);
        const { summary, seconds, cpuMs } = await timedRun(CASES);
        steadyRates.push((summary.requests - short.summary.requests) / (seconds - short.seconds));
        cpuPerRequest.push(cpuMs / summary.requests);
        accepted = `${summary.ok}/${CASES} ok`;
        bareRates.push(await bareCasesRate(casesFile(CASES), origin));
        const shortUnflushed = await timedRun(SHORT_RUN, unflushedEngine);
        const unflushed = await timedRun(CASES, unflushedEngine);
        unflushedRates.push(
          (unflushed.summary.requests - shortUnflushed.summary.requests) /
            (unflushed.seconds - shortUnflushed.seconds),
        );
      }
      const ideal = 2 / (LATENCY_MS / 1000);

      const records = writeCsv(
        join(dir, 'campaign.csv'),
        CAMPAIGN_HEADER,
        Array.from({ length: RECORDS }, (_, i) => campaignRow(i)),
      );
      const fewRecords = writeCsv(
        join(dir, 'campaign-few.csv'),
        CAMPAIGN_HEADER,
        Array.from({ length: FEW_RECORDS }, (_, i) => campaignRow(i)),
      );
      const template = join(dir, 'campaign.template.json');
      writeFileSync(template, JSON.stringify(CAMPAIGN_TEMPLATE));
      // A home of its own for every run: its destination ledger is empty, so every record goes.
      let home = 0;
      const cargaRun = (file: string, options?: { youngGenerationCapped: boolean }) =>
        cargaCampaignImport(file, template, origin, join(dir, `home-${home++}`), options);
      const t3 = await alternate(
        RUNS,
        () => cargaRun(records),
        () => bareCampaignImport(records, origin),
      );
      const fixed = await alternate(
        RUNS,
        () => cargaRun(fewRecords),
        () => bareCampaignImport(fewRecords, origin),
      );
      const uncapped: number[] = [];
      for (let i = 0; i < RUNS; i++)
        uncapped.push((await cargaRun(records, { youngGenerationCapped: false })).peakRssMb);
      const rate = (seconds: number) => RECORDS / seconds;
      // The records past what every job pays once: the hot path's own rate.
      const pastFixed = (whole: number, few: number) => (RECORDS - FEW_RECORDS) / Math.max(whole - few, 1e-3);
      const cargaPastFixed = pastFixed(t3.carga.seconds, fixed.carga.seconds);
      const barePastFixed = pastFixed(t3.baseline.seconds, fixed.baseline.seconds);
      const k = (n: number) => `${(n / 1000).toFixed(0)}k`;
      return [
        {
          figure: `T1 steady rate, one case per request, ${LATENCY_MS} ms latency`,
          carga: { value: median(steadyRates), unit: 'requests/s' },
          baseline: {
            value: median(bareRates),
            unit: 'requests/s',
            label: 'bare client (node:http, keep-alive, 2 in flight), same sandbox',
          },
          target: { kind: 'ratio-at-least', ratio: 0.95 },
          note: `${accepted}; ${median(cpuPerRequest).toFixed(3)} ms CPU per request in the engine; the ideal, 2 in flight ÷ latency, is ${ideal} requests/s; without the fdatasync of each \`sending\` record (the one cost the bare client has not, which the promise that a send is on disk before it leaves cannot skip) the same engine runs at ${median(unflushedRates).toFixed(1)} requests/s, ${(median(unflushedRates) / median(bareRates)).toFixed(2)}× the bare client`,
        },
        // T3 is still short of 0.8× (30 Nov 22:00, idle machine: 0.56×, 0.96 s CPU against 0.44 s
        // bare, 168 MB, 243 MB without the cap; the session before ended at 0.50×). Done since: a
        // turn of the event loop per batch of rows read while requests are in flight (a flushed
        // send waited up to a whole batch's reading, ~40 ms, to leave). Tried and dropped, measured
        // on the whole job: hashing the fingerprints on a worker thread (0.94 s against 0.83 s
        // without, +15 MB: the forms still have to be built here and handed over), and building
        // each canonical form with one join instead of additions (a third fewer bytes allocated,
        // no faster). Why the rest is missed: the CPU line.
        {
          figure: `T3 ${k(RECORDS)} campaign records at ${LATENCY_MS} ms, whole process`,
          carga: { value: rate(t3.carga.seconds), unit: 'records/s' },
          baseline: { value: rate(t3.baseline.seconds), unit: 'records/s', label: 'bare client, plain Node' },
          target: { kind: 'ratio-at-least', ratio: 0.8 },
          note:
            `same server, 10,000 records a request, 2 in flight, the same bytes; Carga pays ` +
            `${fixed.carga.seconds.toFixed(2)} s per job whatever its size (${k(FEW_RECORDS)} records: ` +
            `start-up, the job folder and journal on disk, the quota read, which goes on while the first ` +
            `batch is read) against ${fixed.baseline.seconds.toFixed(2)} s bare; past that, ` +
            `${(cargaPastFixed / barePastFixed).toFixed(2)}× the bare client's rate (next line)`,
        },
        {
          figure: `T3 records/s past the fixed cost of a job (${k(RECORDS)} − ${k(FEW_RECORDS)} records)`,
          carga: { value: cargaPastFixed, unit: 'records/s' },
          baseline: { value: barePastFixed, unit: 'records/s', label: 'bare client, plain Node' },
          target: { kind: 'none' },
          note:
            'per record Carga also maps and validates, fingerprints it for the ledger (SHA-256: the ' +
            'format on disk) and journals each request before it leaves; the next batch is read while ' +
            'two requests are in flight; its first batch goes alone until the CRM takes its size (a ' +
            'license cap is learnt from one refusal, not two; SPEC does not ask it), which costs only ' +
            'what that round trip exceeds the reading of the next batch, done meanwhile',
        },
        {
          figure: `T3 ${k(RECORDS)} campaign records, CPU time (user + system)`,
          carga: { value: t3.carga.cpuSeconds, unit: 's' },
          baseline: { value: t3.baseline.cpuSeconds, unit: 's', label: 'bare client, plain Node' },
          target: { kind: 'none' },
          note:
            "why T3 misses 0.8×: Carga's thread is busy for all but ~30 ms of the job, and the sandbox " +
            'answers on the same 2 cores, so only less CPU makes it faster; where it goes (--cpu-prof of ' +
            'one run): garbage collection ~0.16 s (each row lives from its reading to its answer, ' +
            'copied by every scavenge meanwhile), fingerprints ~0.15 s (SHA-256 per row, the ' +
            "ledger's format on disk), the CSV parsed twice ~0.06 s (the count alongside the pass, " +
            "which also writes the row index), loading the modules ~0.1 s, the ledger's table and " +
            'appends ~0.05 s, mapping ~0.05 s; the bare client only builds the bodies',
        },
        {
          figure: `T3 ${k(RECORDS)} campaign records, peak RSS`,
          carga: { value: t3.carga.peakRssMb, unit: 'MB' },
          baseline: { value: t3.baseline.peakRssMb, unit: 'MB', label: 'bare client, plain Node' },
          target: { kind: 'at-most', value: 200 },
          note:
            "with V8's young generation capped (--max-semi-space-size=8): bin/carga.js, npm run " +
            'carga, npm run web, npm start, the Linux app',
        },
        {
          figure: `T3 ${k(RECORDS)} campaign records, peak RSS with Node's default young generation`,
          carga: { value: median(uncapped), unit: 'MB' },
          target: { kind: 'none' },
          note:
            'plain `node bin/carga.js`; so runs the engine of the app on Windows and macOS, whose ' +
            'launchers pass no V8 flags. V8 grows the young generation by what survives its scavenges, ' +
            'and every row survives from its reading to the answer to its request (cells, mapped record, ' +
            'fingerprint; three batches at most): under 200 MB without the flag would need the rows in ' +
            'flight held as compact bytes per batch (body, fingerprints, indices), the rows of a failed ' +
            'request read again from the sealed file — not done',
        },
      ];
    } finally {
      await engine.close();
      await unflushedEngine.close();
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
