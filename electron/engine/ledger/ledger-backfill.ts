import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { compileMapping } from '../../../shared/mapping/compile-mapping';
import { effectiveTemplate } from '../../../shared/mapping/effective-template';
import { fileInfoOf, type JobSpec } from '../jobs/job-spec';
import type { JobStore } from '../jobs/job-store';
import { parseJournalLine } from '../jobs/journal-entry';
import { eachIndex } from '../jobs/row-ranges';
import { sealedRows } from '../jobs/sealed-read';
import { SourceSeal } from '../jobs/source-seal';
import { destinationKey } from './destination';
import type { LedgerFile } from './destination-ledger';

/** Rows written to the ledger per append while filling it back. */
const BATCH = 10_000;

/**
 * Puts back into a destination's ledger the rows that jobs' journals say it accepted and the
 * ledger lacks (the ledger was deleted, damaged, or lost its tail in a power cut). Each job's
 * rows are fingerprinted again from its file, exactly as its runs did. A job whose file is
 * gone or changed cannot be fingerprinted; its own journal still keeps its rows from being
 * sent twice by that job.
 */
export async function backfillFromJournals(
  ledger: LedgerFile,
  destination: string,
  store: JobStore,
): Promise<number> {
  let added = 0;
  for (const jobId of store.list()) {
    let spec: JobSpec;
    try {
      spec = store.readSpec(jobId);
      if (destinationKey(spec.connection) !== destination) continue;
    } catch {
      continue;
    }
    const recorded = ledger.acceptedBy(jobId);
    const claimed = okCountFromSummary(store, jobId);
    if (claimed !== null && claimed <= recorded) continue;
    const journal = await readAccepted(store.journalPath(jobId));
    if (journal.ok.size <= recorded) continue;
    // Only the bytes the job sent from: rows read from a changed file would be other rows.
    const seal = SourceSeal.open(store.folder(jobId), spec.file);
    if (!seal.unchanged()) continue;
    added += await refingerprint(ledger, spec, journal, seal);
  }
  return added;
}

/** The summary's count, when it was written after the journal's last line. */
function okCountFromSummary(store: JobStore, jobId: string): number | null {
  const folder = store.folder(jobId);
  const summary = statSync(join(folder, 'summary.json'), { throwIfNoEntry: false });
  const journal = statSync(join(folder, 'outcomes.jsonl'), { throwIfNoEntry: false });
  if (!summary || !journal || summary.mtimeMs < journal.mtimeMs) return null;
  return store.readSummary(jobId)?.ok ?? null;
}

interface Accepted {
  ok: Set<number>;
  fixes: Map<number, Record<string, string>>;
}

/** Read only: another process may be running this job and appending to its journal. */
async function readAccepted(path: string): Promise<Accepted> {
  const accepted: Accepted = { ok: new Set(), fixes: new Map() };
  if (!statSync(path, { throwIfNoEntry: false })) return accepted;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    const entry = parseJournalLine(line);
    if (entry?.t === 'ok') for (const index of eachIndex(entry.i)) accepted.ok.add(index);
    if (entry?.t === 'fix') accepted.fixes.set(entry.i, { ...accepted.fixes.get(entry.i), ...entry.v });
  }
  return accepted;
}

async function refingerprint(
  ledger: LedgerFile,
  spec: JobSpec,
  accepted: Accepted,
  seal: SourceSeal,
): Promise<number> {
  const mapping = compileMapping(effectiveTemplate(spec.template, spec.connection), spec.file.columns);
  const fingerprints = ledger.fingerprinter();
  const at = new Date(spec.createdAt);
  let missing: Buffer[] = [];
  let added = 0;
  const flush = () => {
    ledger.recordAccepted(missing, spec.jobId, Number.isNaN(at.getTime()) ? undefined : at);
    added += missing.length;
    missing = [];
  };
  try {
    for await (const batch of sealedRows(fileInfoOf(spec), seal)) {
      for (const source of batch) {
        const fixes = accepted.fixes.get(source.index);
        const cells = fixes
          ? spec.file.columns.map((column, i) => fixes[column] ?? source.cells[i] ?? '')
          : source.cells;
        const mapped = mapping.mapRow(cells, source.index, source.row);
        if (mapped.problems.length > 0 || source.ragged) continue;
        // Every valid row is fingerprinted, accepted or not, so identical rows number as in the run.
        const fp = fingerprints.fingerprint(mapped.record);
        if (accepted.ok.has(source.index) && !ledger.lookup(fp)) missing.push(fp);
        if (missing.length >= BATCH) flush();
      }
    }
  } catch {
    // The file became unreadable on the way: what was read is kept.
  }
  flush();
  return added;
}
