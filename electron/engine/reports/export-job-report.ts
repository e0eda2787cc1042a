import type { Lang, ReportFormat, ReportKind, ResultRow } from '../../../shared/contract';
import { failureSource, type FailureSource } from '../../../shared/errors/failure-source';
import type { Message } from '../../../shared/messages/message';
import { sheetCellMessage } from '../../../shared/sheet-cell-text';
import type { JobManager } from '../jobs/job-manager';
import type { JobSpec } from '../jobs/job-spec';
import type { ReportRow } from './report-row';
import { writeAcceptedRows, type AcceptedRow } from './write-accepted-rows';
import { writeErrorReport } from './write-error-report';
import { writeFailedRows } from './write-failed-rows';
import { writeSummary } from './write-summary';

/** The error report is read in a spreadsheet in the operator's language: Excel in Spanish
 * splits CSV on `;` (the decimal comma takes `,`), Excel in English on `,`. The failed rows keep
 * their file's own delimiter, since they go back into that file's workflow. */
const REPORT_DELIMITERS: Record<Lang, string> = { es: ';', en: ',' };

/** Writes one of a job's reports from its journal, streaming rows, and says where it went. */
export async function exportJobReport(input: {
  jobs: JobManager;
  spec: JobSpec;
  kind: ReportKind;
  format: ReportFormat;
  path: string;
  lang: Lang;
}): Promise<{ path: string }> {
  const { jobs, spec, path, lang, format } = input;
  const { jobId } = spec;
  const { columns, headers, kind: fileKind } = spec.file;
  const cellsOf = (values: Record<string, string> | undefined) =>
    values ? columns.map((column) => values[column] ?? '') : undefined;

  switch (input.kind) {
    case 'errors': {
      async function* rows(): AsyncGenerator<ReportRow> {
        for await (const row of jobs.detailRows(jobId, ['failed', 'uncertain'])) {
          const sent = cellsOf(row.sent) ?? cellsOf(row.values) ?? [];
          yield {
            row: row.row,
            original: cellsOf(row.original) ?? sent,
            sent,
            next: cellsOf(row.values) ?? sent,
            outcome: row.outcome === 'uncertain' ? 'uncertain' : 'failed',
            ...(row.failureClass ? { failureClass: row.failureClass } : {}),
            ...(row.code ? { code: row.code } : {}),
            ...(row.message ? { message: row.message } : {}),
            ...(row.explanation ? { explanation: row.explanation } : {}),
          };
        }
      }
      await writeErrorReport({
        path,
        format,
        columns: headers,
        rows: rows(),
        lang,
        delimiter: REPORT_DELIMITERS[lang],
        fileKind,
      });
      break;
    }
    case 'failed-rows': {
      async function* rows(): AsyncGenerator<readonly string[]> {
        for await (const row of jobs.detailRows(jobId, ['failed'])) yield cellsOf(row.values) ?? [];
      }
      await writeFailedRows({
        path,
        format,
        headers,
        rows: rows(),
        delimiter: spec.file.delimiter ?? ';',
        fileKind,
        lang,
      });
      break;
    }
    case 'accepted': {
      async function* rows(): AsyncGenerator<AcceptedRow> {
        for await (const row of jobs.acceptedRows(jobId))
          yield {
            row: row.row,
            values: cellsOf(row.values) ?? [],
            ...(row.crmId ? { crmId: row.crmId } : {}),
          };
      }
      await writeAcceptedRows({
        path,
        format,
        columns: headers,
        rows: rows(),
        lang,
        delimiter: REPORT_DELIMITERS[lang],
        fileKind,
      });
      break;
    }
    case 'summary': {
      const summary = await jobs.summary(jobId);
      const breakdown = await jobs.breakdown(jobId);
      // An explanation quoting a workbook date quotes it as the other reports do.
      const problems = (await commonProblems(jobs, jobId)).map((problem) => ({
        ...problem,
        explanation: sheetCellMessage(lang, problem.explanation, fileKind),
      }));
      await writeSummary({ path, lang, summary, breakdown, problems });
      break;
    }
  }
  return { path };
}

/** Failed and uncertain rows grouped by what explains them (the same explanation, whatever
 * row it names), the most frequent first. */
async function commonProblems(
  jobs: JobManager,
  jobId: string,
): Promise<{ source: FailureSource; count: number; explanation: Message }[]> {
  const problems = new Map<string, { source: FailureSource; count: number; explanation: Message }>();
  for await (const row of jobs.detailRows(jobId, ['failed', 'uncertain'])) {
    if (!row.explanation) continue;
    const source = failureSource(row.failureClass ?? 'row', row.code ?? '');
    const key = `${source}:${problemKey(row)}`;
    const entry = problems.get(key);
    if (entry) entry.count++;
    else problems.set(key, { source, count: 1, explanation: row.explanation });
  }
  return [...problems.values()].sort((a, b) => b.count - a.count);
}

/** An explanation's code without the row it names (`….at-row`, `….at-cell`, `….at-value`). */
function problemKey(row: ResultRow): string {
  return (row.explanation?.code ?? row.code ?? '').replace(/\.at-(row|cell|value)$/, '');
}
