import type { JobSummary } from '../../../shared/contract';
import type { FailureSource } from '../../../shared/errors/failure-source';
import type { Lang } from '../../../shared/lang';
import { formatMessage, msg, type MessageCode } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';
import { PartialFile } from './partial-file';
import { explain, reportLabel } from './report-labels';

export interface SummaryOptions {
  /** Final path; the file is written beside it as `<path>.partial` and renamed when complete. */
  path: string;
  lang: Lang;
  summary: JobSummary;
  /** Failures per class (`row`, `validation`, …). */
  breakdown: Partial<Record<string, number>>;
  /** The most frequent problems, in the order to show them, each with who found it. */
  problems: { source: FailureSource; count: number; explanation: Message }[];
}

/** A short plain-text summary of a job in the operator's language: what was loaded, what
 * failed and why, and what to do next. UTF-8, CRLF so every Windows editor shows it right. */
export async function writeSummary(options: SummaryOptions): Promise<void> {
  const file = new PartialFile(options.path);
  try {
    await file.write(summaryText(options));
    await file.publish();
  } catch (error) {
    await file.discard();
    throw error;
  }
}

export function summaryText(options: Omit<SummaryOptions, 'path'>): string {
  const { lang, summary } = options;
  const text = (code: MessageCode, params?: Record<string, string | number>): string =>
    formatMessage(lang, msg(code, params));
  const numbers = new Intl.NumberFormat(lang === 'es' ? 'es-419' : 'en');
  const count = (value: number): string => numbers.format(value);

  const title = text('report.summary.title');
  const lines = [title, '='.repeat(title.length), ''];
  lines.push(
    text('report.summary.file', { value: summary.fileName }),
    text('report.summary.target', { value: reportLabel(lang, 'target', summary.target) }),
    text('report.summary.connection', { value: summary.connectionName }),
    text('report.summary.job', { value: summary.jobId }),
    text('report.summary.status', { value: reportLabel(lang, 'status', summary.status) }),
    text('report.summary.created', { value: summary.createdAt }),
    text('report.summary.updated', { value: summary.updatedAt }),
  );
  if (summary.reason) lines.push(text('report.summary.reason', { value: explain(lang, summary.reason) }));

  lines.push('', text('report.summary.rows'));
  for (const key of ['total', 'ok', 'failed', 'uncertain', 'skipped', 'pending'] as const) {
    lines.push(`  ${text(`report.summary.${key}`, { count: count(summary[key]) })}`);
  }
  lines.push(text('report.summary.requests', { count: count(summary.requests) }));

  const kinds = Object.entries(options.breakdown)
    .filter((entry): entry is [string, number] => entry[1] !== undefined && entry[1] > 0)
    .sort(([, a], [, b]) => b - a);
  if (kinds.length > 0) {
    lines.push('', text('report.summary.breakdown'));
    for (const [kind, value] of kinds) lines.push(`  ${reportLabel(lang, 'kind', kind)}: ${count(value)}`);
  }

  if (options.problems.length > 0) {
    lines.push('', text('report.summary.problems'));
    for (const problem of options.problems) {
      const source = text(`report.source.${problem.source}`);
      lines.push(`  ${source} (${count(problem.count)}): ${explain(lang, problem.explanation)}`);
    }
  }

  lines.push('', text('report.summary.next'));
  const steps: string[] = [];
  if (summary.uncertain > 0)
    steps.push(text('report.summary.next-uncertain', { count: count(summary.uncertain) }));
  if (summary.failed > 0) steps.push(text('report.summary.next-failed', { count: count(summary.failed) }));
  if (summary.pending > 0) steps.push(text('report.summary.next-pending', { count: count(summary.pending) }));
  if (steps.length === 0) steps.push(text('report.summary.next-none'));
  lines.push(...steps.map((step) => `  - ${step}`));

  return `${lines.join('\r\n')}\r\n`;
}
