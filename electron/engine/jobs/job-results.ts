import type { JobProgress, JobStatus, JobSummary, ResultFilter, ResultRow } from '../../../shared/contract';
import type { FailureClass } from '../../../shared/errors/failure-class';
import type { JobSpec } from './job-spec';
import type { JournalState, RowDetail } from './journal';

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
    target: spec.connection.target,
    connectionName: spec.connection.name,
    ...(live?.progress.counting ? { counting: true } : {}),
    ...(state.damage ? { reason: state.damage } : state.reason ? { reason: state.reason } : {}),
    ...(state.alreadySent.size
      ? { alreadySentFrom: [...state.alreadySent].map(([jobId, { at, rows }]) => ({ jobId, at, rows })) }
      : {}),
  };
}

/** Rows that need the operator (failed, uncertain, skipped) matching the filter, in file order. */
export function filteredIndices(state: JournalState, filter: ResultFilter | undefined): number[] {
  const outcomes = filter?.outcomes?.length ? new Set(filter.outcomes) : null;
  const classes = filter?.classes?.length ? new Set(filter.classes) : null;
  const text = filter?.text?.trim().toLocaleLowerCase() || null;
  const indices: number[] = [];
  for (const [index, detail] of state.details) {
    const outcome = state.states.get(index);
    if (outcome === 'ok' || outcome === 'pending' || outcome === 'sending') continue;
    if (outcomes && !outcomes.has(outcome)) continue;
    if (classes && !classes.has(detail.failure.failureClass)) continue;
    if (text && !matchesText(detail, text)) continue;
    indices.push(index);
  }
  return indices.sort((a, b) => a - b);
}

export function resultRow(spec: JobSpec, state: JournalState, index: number): ResultRow {
  const detail = state.details.get(index);
  const { columns } = spec.file;
  const fixes = state.fixes.get(index);
  const values: Record<string, string> = {};
  columns.forEach((column, i) => {
    values[column] = fixes?.[column] ?? detail?.cells?.[i] ?? '';
  });
  const failure = detail?.failure;
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
    values,
    fixed: fixes !== undefined,
  };
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

function matchesText(detail: Readonly<RowDetail>, text: string): boolean {
  if (detail.failure.message.toLocaleLowerCase().includes(text)) return true;
  if (detail.failure.code.toLocaleLowerCase().includes(text)) return true;
  return detail.cells?.some((cell) => cell.toLocaleLowerCase().includes(text)) ?? false;
}

/** A fallback for rows whose number was never read (exact when no quoted line breaks precede them). */
function rowNumberOf(spec: JobSpec, index: number): number {
  return spec.file.headerRow + 2 + index;
}
