import type { Lang, ReportFormat, ReportKind, ResultRow } from '../../../shared/contract';
import type { JobManager } from '../jobs/job-manager';
import type { JobSpec } from '../jobs/job-spec';
import type { ReportRow } from './report-row';
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
  const { jobs, spec, path, lang } = input;
  const { jobId } = spec;
  const cellsOf = (row: ResultRow) => spec.file.columns.map((column) => row.values[column] ?? '');

  if (input.kind === 'errors') {
    async function* rows(): AsyncGenerator<ReportRow> {
      for await (const row of jobs.detailRows(jobId, ['failed', 'uncertain', 'skipped'])) {
        yield {
          row: row.row,
          values: cellsOf(row),
          outcome:
            row.outcome === 'failed' || row.outcome === 'uncertain' || row.outcome === 'skipped'
              ? row.outcome
              : 'failed',
          ...(row.failureClass ? { failureClass: row.failureClass } : {}),
          ...(row.code ? { code: row.code } : {}),
          ...(row.message ? { message: row.message } : {}),
          ...(row.explanation ? { explanation: row.explanation } : {}),
        };
      }
    }
    await writeErrorReport({
      path,
      format: input.format,
      columns: spec.file.headers,
      rows: rows(),
      lang,
      delimiter: REPORT_DELIMITERS[lang],
    });
  } else if (input.kind === 'failed-rows') {
    async function* rows(): AsyncGenerator<readonly string[]> {
      for await (const row of jobs.detailRows(jobId, ['failed'])) yield cellsOf(row);
    }
    await writeFailedRows({
      path,
      format: input.format,
      headers: spec.file.headers,
      rows: rows(),
      delimiter: spec.file.delimiter ?? ';',
    });
  } else {
    const summary = await jobs.summary(jobId);
    const breakdown = await jobs.breakdown(jobId);
    const problems = new Map<
      string,
      { code: string; count: number; explanation: ResultRow['explanation'] }
    >();
    for await (const row of jobs.detailRows(jobId, ['failed', 'uncertain'])) {
      const code = row.code ?? 'unknown';
      const entry = problems.get(code);
      if (entry) entry.count++;
      else if (row.explanation) problems.set(code, { code, count: 1, explanation: row.explanation });
    }
    await writeSummary({
      path,
      lang,
      summary,
      breakdown,
      problems: [...problems.values()].flatMap((p) =>
        p.explanation ? [{ code: p.code, count: p.count, explanation: p.explanation }] : [],
      ),
    });
  }
  return { path };
}
