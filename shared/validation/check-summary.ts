import type { CheckResult } from '../contract';
import type { Message } from '../messages/message';
import type { ProblemCode, RowProblem } from './problems';

/** Examples kept per kind of problem: enough to see the pattern, few enough to read. */
export const EXAMPLES_PER_KIND = 5;

/** Requests a run needs to send `validRows` rows, `maxBatch` rows per request. */
export function requestsNeeded(validRows: number, maxBatch: number): number {
  return validRows === 0 ? 0 : Math.ceil(validRows / Math.max(1, maxBatch));
}

/**
 * Days of quota a run needs: 1 when today's remainder covers it, else today plus as many full
 * days as the rest needs. null when the quota is unknown (no connection, or not read yet).
 */
export function quotaDaysNeeded(
  requests: number,
  quota: { remainingToday: number; dailyLimit: number } | null,
): number | null {
  if (quota === null) return null;
  const remainingToday = Math.max(0, quota.remainingToday);
  if (requests <= remainingToday) return 1;
  if (quota.dailyLimit <= 0) return null;
  return 1 + Math.ceil((requests - remainingToday) / quota.dailyLimit);
}

/**
 * Counts rows and problems while rows stream past, keeping only counters and the first few
 * problems of each kind, so a million-row check holds no more than a handful of rows.
 * Feed it one call per row (with that row's problems, empty when the row may be sent).
 */
export class CheckTally {
  private totalRows = 0;
  private invalidRows = 0;
  private readonly counts = new Map<ProblemCode, number>();
  private readonly examples = new Map<ProblemCode, RowProblem[]>();

  constructor(private readonly examplesPerKind: number = EXAMPLES_PER_KIND) {}

  addRow(problems: readonly RowProblem[]): void {
    this.totalRows++;
    if (problems.length === 0) return;
    this.invalidRows++;
    for (const problem of problems) {
      this.counts.set(problem.code, (this.counts.get(problem.code) ?? 0) + 1);
      const kept = this.examples.get(problem.code) ?? [];
      if (kept.length < this.examplesPerKind) {
        kept.push(problem);
        this.examples.set(problem.code, kept);
      }
    }
  }

  get rows(): number {
    return this.totalRows;
  }

  /** The result so far. Examples come grouped by kind, kinds in the order first met. */
  result(input: {
    mappingProblems: Message[];
    maxBatch: number;
    quota?: { remainingToday: number; dailyLimit: number } | null;
  }): CheckResult {
    const validRows = this.totalRows - this.invalidRows;
    const requests = requestsNeeded(validRows, input.maxBatch);
    return {
      totalRows: this.totalRows,
      validRows,
      invalidRows: this.invalidRows,
      problemCounts: Object.fromEntries(this.counts),
      examples: [...this.examples.values()].flat(),
      mappingProblems: input.mappingProblems,
      requests,
      quotaDays: quotaDaysNeeded(requests, input.quota ?? null),
    };
  }
}
