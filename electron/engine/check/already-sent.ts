import type { AlreadySent, Connection } from '../../../shared/contract';
import { compileMapping } from '../../../shared/mapping/compile-mapping';
import { effectiveTemplate } from '../../../shared/mapping/effective-template';
import type { CompiledMapping } from '../../../shared/mapping/mapped-record';
import type { Template } from '../../../shared/template';
import type { RowToCheck } from '../../../shared/validation/check-row';
import type { LedgerFile } from '../ledger/destination-ledger';
import type { RowFingerprinter } from '../ledger/row-fingerprint';

/**
 * Counts, during a check, the rows a run would skip because the destination already accepted
 * them, and from which jobs. Rows are mapped as a run to `connection` maps them, so the
 * fingerprints are the run's own. With an empty ledger nothing can have been sent: no work.
 */
export class AlreadySentTally {
  private readonly mapping: CompiledMapping | null;
  private readonly fingerprints: RowFingerprinter | null;
  private readonly byJob = new Map<string, AlreadySent>();
  private rows = 0;

  constructor(
    private readonly ledger: LedgerFile,
    template: Template,
    connection: Connection,
    columns: string[],
  ) {
    const empty = ledger.size === 0;
    this.mapping = empty ? null : compileMapping(effectiveTemplate(template, connection), columns);
    this.fingerprints = empty ? null : ledger.fingerprinter();
  }

  addRow(source: RowToCheck): void {
    if (!this.mapping || !this.fingerprints || source.ragged) return;
    const mapped = this.mapping.mapRow(source.cells, source.index, source.row);
    if (mapped.problems.length > 0) return;
    const hit = this.ledger.lookup(this.fingerprints.fingerprint(mapped.record));
    if (!hit) return;
    this.rows++;
    const earlier = this.byJob.get(hit.jobId);
    if (earlier) earlier.rows++;
    else this.byJob.set(hit.jobId, { jobId: hit.jobId, at: hit.at, rows: 1 });
  }

  result(): { alreadySent: number; alreadySentFrom: AlreadySent[] } {
    return {
      alreadySent: this.rows,
      alreadySentFrom: [...this.byJob.values()].sort((a, b) => (a.at < b.at ? -1 : 1)),
    };
  }
}
