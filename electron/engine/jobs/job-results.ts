import type {
  JobHolder,
  JobProgress,
  JobStatus,
  JobSummary,
  ResultFilter,
  ResultRow,
  RowOutcome,
} from '../../../shared/contract';
import type { FailureClass } from '../../../shared/errors/failure-class';
import type { Message } from '../../../shared/messages/message';
import type { JobSpec } from './job-spec';
import type { JournalState } from './journal';

/** Where a job stands: its journal, and the running pass's live figures when one runs. */
export function jobSummary(
  spec: JobSpec,
  state: JournalState,
  live?: { status: JobStatus; progress: JobProgress },
): JobSummary {
  const total = live?.progress.total ?? state.total ?? state.states.size;
  const counts = state.states.count(total);
  return {
    jobId: spec.jobId,
    status: live?.status ?? (state.damage ? 'needs-review' : (state.status ?? 'paused')),
    total,
    ok: counts.ok,
    failed: counts.failed,
    uncertain: counts.uncertain + counts.sending,
    pending: counts.pending,
    skipped: counts.skipped,
    requests: live?.progress.requests ?? state.requests,
    createdAt: spec.createdAt,
    updatedAt: state.updatedAt ?? spec.createdAt,
    fileName: spec.file.name,
    fileKind: spec.file.kind,
    target: spec.connection.target,
    connectionName: spec.connection.name,
    ...(live?.progress.counting ? { counting: true } : {}),
    ...(state.damage ? { reason: state.damage } : state.reason ? { reason: state.reason } : {}),
    ...(state.alreadySent.size
      ? { alreadySentFrom: [...state.alreadySent].map(([jobId, { at, rows }]) => ({ jobId, at, rows })) }
      : {}),
  };
}

/** A pass's figures the journal does not hold: measured by the process that runs it, or by the
 * one following its journal. */
export interface PassFigures {
  status: JobStatus;
  /** Rows read so far, while the file's rows are still being counted. */
  seen: number;
  requests: number;
  rate: number;
  quotaLeft: number | null;
  dailyQuota: number | null;
  quotaResetsAt?: string;
  heldBy?: JobHolder;
}

/** A pass's progress from its journal: rows in flight have no outcome yet, so they are pending. */
export function passProgress(jobId: string, state: JournalState, figures: PassFigures): JobProgress {
  const total = state.total ?? Math.max(figures.seen, state.states.size);
  const { ok, failed, uncertain, skipped } = state.states.tally;
  const pending = Math.max(0, total - ok - failed - uncertain - skipped);
  const { status, requests, rate, quotaLeft, dailyQuota, quotaResetsAt, heldBy } = figures;
  return {
    jobId,
    status,
    total,
    ok,
    failed,
    uncertain,
    skipped,
    pending,
    requests,
    rate,
    etaSeconds: rate > 0 && state.total !== null ? Math.round(pending / rate) : null,
    quotaLeft,
    dailyQuota,
    ...(quotaResetsAt !== undefined ? { quotaResetsAt } : {}),
    ...(state.total === null ? { counting: true } : {}),
    ...(heldBy ? { heldBy } : {}),
  };
}

/** What Results lists when the operator has not chosen: the rows that did not go in. */
const NEEDS_OPERATOR: readonly RowOutcome[] = ['failed', 'uncertain', 'skipped'];

/** Rows matching the filter's outcomes, kinds and corrections, in file order: by default those
 * that need the operator (failed, uncertain, skipped); accepted rows when asked for, with their
 * CRM id. Its text is searched by `searchRows` (row-search.ts). */
export function filteredIndices(
  spec: JobSpec,
  state: JournalState,
  filter: ResultFilter | undefined,
): number[] {
  const outcomes = new Set(filter?.outcomes?.length ? filter.outcomes : NEEDS_OPERATOR);
  const classes = filter?.classes?.length ? new Set(filter.classes) : null;
  const matches = (index: number): boolean => {
    const detail = state.details.get(index);
    if (classes && (!detail || !classes.has(detail.failure.failureClass))) return false;
    return !filter?.corrected || hasUnsentFix(spec, state, index);
  };
  const indices: number[] = [];
  if (outcomes.has('ok') || outcomes.has('skipped') || outcomes.has('pending')) {
    // Accepted and skipped rows keep no detail: every row's state is looked at, in file order.
    for (let index = 0; index < state.states.size; index++)
      if (outcomes.has(state.states.get(index)) && matches(index)) indices.push(index);
    return indices;
  }
  for (const index of state.details.keys())
    if (outcomes.has(state.states.get(index)) && matches(index)) indices.push(index);
  return indices.sort((a, b) => a - b);
}

/** A fix the row's last attempt did not carry yet: what "retry only the rows I corrected" sends. */
export function hasUnsentFix(spec: JobSpec, state: JournalState, index: number): boolean {
  const fixes = state.fixes.get(index);
  if (!fixes) return false;
  const sent = state.details.get(index)?.cells;
  if (!sent) return true;
  return spec.file.columns.some(
    (column, i) => fixes[column] !== undefined && fixes[column] !== (sent[i] ?? ''),
  );
}

export function resultRow(spec: JobSpec, state: JournalState, index: number): ResultRow {
  const detail = state.details.get(index);
  const { columns } = spec.file;
  const fixes = state.fixes.get(index);
  const keyed = (cells: readonly string[]): Record<string, string> =>
    Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  const sent = detail?.cells ? keyed(detail.cells) : undefined;
  const values: Record<string, string> = {};
  for (const column of columns) values[column] = fixes?.[column] ?? sent?.[column] ?? '';
  const failure = detail?.failure;
  const crmId = state.crmIds.get(index);
  const failedColumn = failure ? columnAtFault(spec, failure.explanation) : undefined;
  return {
    row: detail?.row ?? rowNumberOf(spec, index),
    index,
    outcome: state.states.get(index),
    ...(failure
      ? {
          failureClass: failure.failureClass,
          code: failure.code,
          message: failure.message,
          explanation: failure.explanation,
        }
      : {}),
    ...(failedColumn ? { failedColumn } : {}),
    ...(crmId !== undefined ? { crmId } : {}),
    values,
    ...(sent ? { sent } : {}),
    ...(detail?.original ? { original: keyed(detail.original) } : {}),
    fixed: fixes !== undefined,
    ...(fixes && hasUnsentFix(spec, state, index) ? { unsentFix: true } : {}),
  };
}

/**
 * The file's column the explanation blames: the one it names, or the one mapped to the field it
 * names (`contact`, `form.Ciudad`, a module's `Ciudad`). None when it blames no single cell.
 */
export function columnAtFault(spec: JobSpec, explanation: Message): string | undefined {
  const { column, field } = explanation.params ?? {};
  if (typeof column === 'string' && spec.file.columns.includes(column)) return column;
  if (typeof field !== 'string' || field === '') return undefined;
  const mapped = Object.entries(spec.template.columns);
  return (
    mapped.find(([, key]) => key === field)?.[0] ?? mapped.find(([, key]) => key.endsWith(`.${field}`))?.[0]
  );
}

/** Failed and uncertain rows by failure class. */
export function failureBreakdown(state: JournalState): Partial<Record<FailureClass | 'validation', number>> {
  const counts: Partial<Record<FailureClass | 'validation', number>> = {};
  for (const [index, detail] of state.details) {
    const outcome = state.states.get(index);
    if (outcome !== 'failed' && outcome !== 'uncertain') continue;
    const kind = detail.failure.failureClass;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** A fallback for rows whose number was never read (exact when no quoted line breaks precede them). */
function rowNumberOf(spec: JobSpec, index: number): number {
  return spec.file.headerRow + 2 + index;
}
