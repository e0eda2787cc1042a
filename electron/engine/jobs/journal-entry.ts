import type { JobStatus } from '../../../shared/contract';
import type { FailureClass } from '../../../shared/errors/failure-class';
import type { Message } from '../../../shared/messages/message';
import type { ProblemCode } from '../../../shared/validation/problems';
import type { RowRanges } from './row-ranges';

/** Why a row failed or is uncertain, as the journal keeps it. */
export interface RowFailure {
  failureClass: FailureClass | 'validation';
  code: string;
  message: string;
  explanation: Message;
}

/** A local validation problem of a row, as the journal keeps it. */
export interface RowProblemNote {
  code: ProblemCode;
  column?: string;
  value?: string;
  message: Message;
}

/** One line of `outcomes.jsonl`. Short keys: a million-row job writes millions of these. */
export type JournalEntry =
  /** Rows about to go out in request `r`: without an outcome after a crash they are uncertain. */
  | { t: 'send'; r: number; i: RowRanges }
  /** `r` 0: no request, the destination's ledger shows this job had the rows accepted. */
  | { t: 'ok'; r: number; i: RowRanges; ids?: string[] }
  /** `v`: the rows' original cells (one array per row, in range order) and `n` their spreadsheet
   * row numbers, kept so results and reports never have to find the rows in the file again. */
  | { t: 'fail'; r: number; i: RowRanges; f: RowFailure; v?: string[][]; n?: number[] }
  | { t: 'unc'; r: number; i: RowRanges; f: RowFailure; v?: string[][]; n?: number[] }
  /** The CRM did not process request `r` (throttled, quota, stop, batch too big): rows are pending again. */
  | { t: 'unsent'; r: number }
  /** Rows refused by local validation: never sent. One entry per row, problems listed. */
  | { t: 'invalid'; i: number; p: RowProblemNote[]; v: string[]; n: number }
  /** A request that carried no rows (the quota read): it counts among the job's requests. */
  | { t: 'read'; r: number }
  /** Rows not sent: the operator chose to skip them, or (`j`) the destination's ledger shows
   * that job `j` had them accepted at `at`. */
  | { t: 'skip'; i: RowRanges; j?: string; at?: string }
  /** The whole file has been read once: its data-row count. */
  | { t: 'total'; n: number }
  | { t: 'status'; s: JobStatus; at: string; reason?: Message }
  /** Rows pending again though they had an answer: five identical rejections in a row showed a
   * setup problem, not theirs, so they are sent again after the fix. */
  | { t: 'requeue'; i: RowRanges }
  /** The operator fixed cells of a row; applied when it is sent again. */
  | { t: 'fix'; i: number; v: Record<string, string> };

const TYPES = new Set([
  'read',
  'send',
  'ok',
  'fail',
  'unc',
  'unsent',
  'invalid',
  'skip',
  'total',
  'status',
  'fix',
  'requeue',
]);

/** Lines are written by this program; a torn or foreign line is dropped rather than trusted. */
export function parseJournalLine(line: string): JournalEntry | null {
  if (!line) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const t = (value as { t?: unknown }).t;
  return typeof t === 'string' && TYPES.has(t) ? (value as JournalEntry) : null;
}
