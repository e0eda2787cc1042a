import type { JobStatus, JobSummary, Lang } from '../../shared/contract';
import { formatMessage, msg } from '../../shared/messages/catalog';
import { EXIT, type CliIO } from './command';

/** 0 every row ok; 1 finished with failed or uncertain rows; 3 stopped and resumable. */
export function exitCodeOf(summary: JobSummary): number {
  if (summary.status !== 'finished') return EXIT.stopped;
  return summary.failed > 0 || summary.uncertain > 0 ? EXIT.rowsFailed : EXIT.ok;
}

/** The `--json` contract: one object, these keys, nothing else on stdout. */
export function jsonSummary(summary: JobSummary) {
  const { jobId, status, total, ok, failed, uncertain, pending, requests } = summary;
  return { jobId, status, total, ok, failed, uncertain, pending, requests };
}

/** A job's status in the same words as its report and the app. */
export function statusText(status: JobStatus, lang: Lang): string {
  return formatMessage(lang, msg(`report.status.${status}`));
}

export function printSummary(io: CliIO, summary: JobSummary, lang: Lang, json: boolean): void {
  if (json) {
    io.stdout(JSON.stringify(jsonSummary(summary)) + '\n');
    return;
  }
  const { jobId, total, ok, failed, uncertain, pending, requests } = summary;
  const text = (code: Parameters<typeof msg>[0], params: Record<string, string | number>) => formatMessage(lang, msg(code, params));
  io.stdout(
    [
      text('cli.summary.job', { jobId, status: statusText(summary.status, lang) }),
      `  ${text('cli.summary.rows', { total, ok, failed, uncertain, pending })}`,
      `  ${text('cli.summary.requests', { requests })}`,
      ...(summary.reason ? [`  ${formatMessage(lang, summary.reason)}`] : []),
    ].join('\n') + '\n',
  );
}
