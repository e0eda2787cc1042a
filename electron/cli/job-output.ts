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
  const { jobId, status, total, ok, failed, uncertain, pending, skipped, requests } = summary;
  return {
    jobId,
    status,
    total,
    ok,
    failed,
    uncertain,
    pending,
    skipped,
    alreadySentFrom: summary.alreadySentFrom ?? [],
    requests,
  };
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
  const text = (code: Parameters<typeof msg>[0], params: Record<string, string | number>) =>
    formatMessage(lang, msg(code, params));
  io.stdout(
    [
      text('cli.summary.job', { jobId, status: statusText(summary.status, lang) }),
      `  ${text('cli.summary.rows', { total, ok, failed, uncertain, pending })}`,
      ...skippedLines(summary, lang),
      `  ${text('cli.summary.requests', { requests })}`,
      ...(summary.reason ? [`  ${formatMessage(lang, summary.reason)}`] : []),
    ].join('\n') + '\n',
  );
}

/** Rows not sent because the destination had them already, and from which earlier jobs. */
function skippedLines(summary: JobSummary, lang: Lang): string[] {
  if (summary.skipped === 0) return [];
  const lines = [`  ${formatMessage(lang, msg('ledger.skipped', { count: summary.skipped }))}`];
  const day = new Intl.DateTimeFormat(lang === 'es' ? 'es-CO' : 'en-US', { dateStyle: 'medium' });
  for (const earlier of summary.alreadySentFrom ?? []) {
    const date = Number.isNaN(Date.parse(earlier.at)) ? '?' : day.format(new Date(earlier.at));
    lines.push(
      `    ${formatMessage(lang, msg('ledger.skipped-from', { rows: earlier.rows, jobId: earlier.jobId, date }))}`,
    );
  }
  if (summary.alreadySentFrom?.length) lines.push(`  ${formatMessage(lang, msg('ledger.send-again-hint'))}`);
  return lines;
}
