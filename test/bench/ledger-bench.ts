import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { destinationKey } from '../../electron/engine/ledger/destination';
import { LedgerFile } from '../../electron/engine/ledger/destination-ledger';
import type { MappedRecord } from '../../shared/mapping/mapped-record';
import { median, type BenchFigure, type BenchPart } from './bench-figure';

/** Rows in the ledger, as the memory bound is stated for. */
const ROWS = 1_000_000;
/** Rows timed per run: enough for a stable per-row cost against the full table. */
const TIMED = 200_000;
const RUNS = 3;
const DESTINATION = destinationKey({
  id: 'b',
  name: 'b',
  target: 'wolkvox-crm-cases',
  server: 'crm0000.wolkvox.com',
  operation: 'bench',
});

/** A case as the T1 target sends it: a dozen fields and custom fields. */
function record(i: number): MappedRecord {
  return {
    fields: {
      operation: 'bench',
      'case-type': 'Request',
      responsible: `agente${i % 40}@operacion`,
      owner: `supervisor${i % 5}@operacion`,
      contact: `cliente${i}@example.com`,
      description: `Información sobre el servicio ${i}`,
      status: 'Open',
      priority: 'high',
    },
    custom: { Ciudad: 'Bogotá', 'Fecha cierre': '20261130120000', Teléfono: String(3_000_000_000 + i) },
  };
}

/** µs per row over `ROWS` rows of `work`, the median of RUNS. */
function perRow(work: (i: number) => void): number {
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    for (let i = 0; i < TIMED; i++) work(i);
    runs.push(((performance.now() - started) * 1000) / TIMED);
  }
  return median(runs);
}

export const ledgerBench: BenchPart = {
  name: 'ledger',
  async run(): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'carga-ledger-bench-'));
    try {
      const ledger = LedgerFile.open(dir, DESTINATION);
      // A million accepted rows, appended as a run appends them (one write per request of 1 row
      // would be a million writes; batches of 10,000 as T3 does keep the bench short).
      const fingerprints = ledger.fingerprinter();
      const appendStarted = performance.now();
      for (let start = 0; start < ROWS; start += 10_000) {
        const batch: Buffer[] = [];
        for (let i = start; i < start + 10_000; i++) batch.push(fingerprints.fingerprint(record(i)));
        ledger.recordAccepted(batch, `job-${start % 7}`);
      }
      const appendUs = ((performance.now() - appendStarted) * 1000) / ROWS;

      // A re-drop: every row is fingerprinted and looked up (all found).
      let found = 0;
      const lookupUs = measureLookups(ledger, () => found++);
      const bareHashUs = perRow((i) =>
        createHash('sha256')
          .update(JSON.stringify(record(i)))
          .digest(),
      );
      ledger.close();

      const probe = await promisify(execFile)(process.execPath, [
        '--expose-gc',
        '--import',
        'tsx',
        join(import.meta.dirname, 'ledger-memory-probe.ts'),
        dir,
        DESTINATION,
      ]);
      const memory = JSON.parse(probe.stdout) as {
        rows: number;
        openMs: number;
        tableBytes: number;
        rssDelta: number;
      };
      const MB = 1024 * 1024;
      return [
        {
          figure: 'ledger: fingerprint + lookup per row (1M-row re-drop)',
          carga: { value: lookupUs, unit: 'µs' },
          baseline: { value: bareHashUs, unit: 'µs', label: 'SHA-256 of the record as JSON' },
          target: { kind: 'ratio-at-most', ratio: 2 },
          note: `${found.toLocaleString('en-US')} of ${(RUNS * TIMED).toLocaleString('en-US')} lookups found (all expected), in a table of ${ROWS.toLocaleString('en-US')}`,
        },
        {
          figure: 'ledger: fingerprint + append per accepted row',
          carga: { value: appendUs, unit: 'µs' },
          baseline: { value: bareHashUs, unit: 'µs', label: 'SHA-256 of the record as JSON' },
          target: { kind: 'ratio-at-most', ratio: 2.5 },
          note: 'written 10,000 rows per write, as a T3 batch is',
        },
        {
          figure: 'ledger: memory for 1M fingerprints (table)',
          carga: { value: memory.tableBytes / MB, unit: 'MB' },
          target: { kind: 'at-most', value: 64 },
          note: `${memory.rows.toLocaleString('en-US')} rows; whole process RSS grew ${(memory.rssDelta / MB).toFixed(1)} MB opening it`,
        },
        {
          figure: 'ledger: open a 1M-row ledger',
          carga: { value: memory.openMs, unit: 'ms' },
          target: { kind: 'none' },
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** µs per row to fingerprint each row again (a fresh pass, as a new job does) and look it up. */
function measureLookups(ledger: LedgerFile, onFound: () => void): number {
  return perRowPasses(() => {
    const pass = ledger.fingerprinter();
    return (i: number) => {
      if (ledger.lookup(pass.fingerprint(record(i)))) onFound();
    };
  });
}

/** Like perRow, with a fresh per-pass state each run (identical rows are numbered per pass). */
function perRowPasses(makeWork: () => (i: number) => void): number {
  const runs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const work = makeWork();
    const started = performance.now();
    for (let i = 0; i < TIMED; i++) work(i);
    runs.push(((performance.now() - started) * 1000) / TIMED);
  }
  return median(runs);
}
