import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
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

/** The sandbox runs in its own process, so the CPU measured here is the engine's alone; the
 * prebuilt command on this Node, one process whose own CPU time can be read (`sandboxCpuSeconds`). */
async function startSandboxProcess(): Promise<{ origin: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin/carga.js'),
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

/** CPU time (user + system, all threads) the process has used so far, from /proc; null where
 * there is none (not Linux). */
function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (in parentheses, which may hold spaces): utime and stime are
    // the 12th and 13th, in clock ticks of 1/100 s (USER_HZ, fixed in Linux's /proc interface).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Runs `run`, adding to `cpu` what the sandbox spent meanwhile answering it. */
async function withSandboxCpu(sandbox: ChildProcess, cpu: number[], run: () => Promise<ProcessRun>) {
  const before = cpuSecondsOf(sandbox.pid);
  const result = await run();
  const after = cpuSecondsOf(sandbox.pid);
  if (before !== null && after !== null) cpu.push(after - before);
  return result;
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
      const sandboxCpu = { carga: [] as number[], bare: [] as number[] };
      const t3 = await alternate(
        RUNS,
        () => withSandboxCpu(child, sandboxCpu.carga, () => cargaRun(records)),
        () => withSandboxCpu(child, sandboxCpu.bare, () => bareCampaignImport(records, origin)),
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
      // The sandbox answers on the same cores: however well Carga's run were spread over them,
      // its CPU and the sandbox's for that run could not take less than their sum ÷ the cores.
      const cores = availableParallelism();
      const sandboxCarga = sandboxCpu.carga.length > 0 ? median(sandboxCpu.carga) : null;
      const sandboxBare = sandboxCpu.bare.length > 0 ? median(sandboxCpu.bare) : null;
      const sandboxFigures: BenchFigure[] =
        sandboxCarga === null || sandboxBare === null
          ? []
          : [
              {
                figure: `T3 ${k(RECORDS)} campaign records, the sandbox's CPU time answering them`,
                carga: { value: sandboxCarga, unit: 's' },
                baseline: { value: sandboxBare, unit: 's', label: 'answering the bare client' },
                target: { kind: 'none' },
                note:
                  `what 0.8× would take here: Carga's run and the sandbox's answering it take ` +
                  `${(t3.carga.cpuSeconds + sandboxCarga).toFixed(2)} s of CPU on ${cores} cores, so even ` +
                  `spread perfectly over them the run could not end before ` +
                  `${((t3.carga.cpuSeconds + sandboxCarga) / cores).toFixed(2)} s (its start-up runs on one), ` +
                  `against the ${(t3.baseline.seconds / 0.8).toFixed(2)} s that 0.8× the bare client's rate ` +
                  `asks: every core busy for nearly the whole run, so a large part of the work of Carga's ` +
                  `one thread (reading, mapping, fingerprints) moved to a second thread beside the ` +
                  `sandbox's — not done: the rows, their fingerprints and their journal would cross threads ` +
                  `at every batch, and hashing alone on a worker was slower`,
              },
            ];
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
        // T3 is short of 0.8×; what it would take, measured: the sandbox's CPU line. History: 0.50× (29 Nov),
        // 0.56× (30 Nov: a turn of the event loop per batch of rows read, so a flushed send leaves
        // at once), then the canonical form of each fingerprint encoded straight into its buffer
        // and no per-row garbage in the journal's replay of sends (1 Dec: ~0.1 s less CPU). Tried
        // and dropped, measured on the whole job: hashing on a worker thread (slower: the forms
        // are built here and handed over, +15 MB), one join per canonical form (no faster), rows
        // held as JSON text between reading and sending (fewer scavenges, no faster: the text
        // costs what the GC saved). Not tried, measured first: the count alongside the pass on a
        // worker thread — the job without any count is only ~25 ms faster (~40 ms less CPU,
        // medians of 9), the most a worker could save before its own start-up.
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
            "Carga's thread is busy for all but ~30 ms of the job, so only less CPU makes it faster; " +
            'where it goes (--cpu-prof of one run, 1 Dec): garbage collection ~0.1–0.14 s (each row lives ' +
            'from its reading to its answer, copied by every scavenge meanwhile), fingerprints ~0.1–0.15 s ' +
            "(half of it SHA-256, one per row: the ledger's format on disk), the CSV parsed twice ~0.07 s " +
            '(the count alongside the pass, which also seals the file and writes the row index), loading ' +
            "the modules ~0.1 s, the ledger's table and appends ~0.07 s, the bodies' JSON ~0.06 s, " +
            'mapping ~0.05 s; the bare client only builds the bodies',
        },
        ...sandboxFigures,
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
