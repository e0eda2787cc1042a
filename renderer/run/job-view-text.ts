import type { TFunction } from 'i18next';

import type { JobSummary } from '../../shared/contract';
import { jobView, timeLeftFor, type JobFacts, type JobView, type TimeLeft } from '../../shared/jobs/job-view';
import type { Lang } from '../../shared/lang';
import { formatDuration, formatNumber, formatResetTime } from '../app/format';
import type { LiveJob } from './use-live-job';

/** The job as the run and results screens show it, once its status and counts are known. */
export function liveJobView(job: LiveJob): JobView | null {
  const facts = liveJobFacts(job);
  return facts && jobView(facts);
}

/** What a retry of `rows` rows would need, told before it starts; null while today's quota is
 * not known (the engine still says it when the retry starts). */
export function retryTimeLeft(job: LiveJob, rows: number): TimeLeft | null {
  const facts = liveJobFacts(job);
  if (!facts || facts.quotaLeft === null || rows === 0) return null;
  return timeLeftFor(rows, facts);
}

function liveJobFacts(job: LiveJob): JobFacts | null {
  if (job.status === null || job.counts === null) return null;
  return {
    status: job.status,
    counts: job.counts,
    requests: job.requests,
    rate: job.rate,
    quotaLeft: job.quotaLeft,
    dailyQuota: job.dailyQuota,
    quotaResetsAt: job.quotaResetsAt ?? resetOf(job.reason?.params?.resetsAt),
    heldBy: job.heldBy,
  };
}

/** A saved job (history): no live speed or quota, only its status and counts. */
export function summaryJobView(summary: JobSummary): JobView {
  return jobView({
    status: summary.status,
    counts: summary,
    requests: summary.requests,
    rate: null,
    quotaLeft: null,
    dailyQuota: null,
    quotaResetsAt: resetOf(summary.reason?.params?.resetsAt),
    heldBy: summary.heldBy ?? null,
  });
}

/** When the quota turns over, in the operator's words ("at midnight" when unknown). */
export function resetText(lang: Lang, t: TFunction, resetsAt: string | null): string {
  return resetsAt ? formatResetTime(lang, resetsAt) : t('jobView.resetUnknown');
}

/** A retry's estimate: its quota days, or that today's quota holds it. */
export function retryTimeLeftText(lang: Lang, t: TFunction, rows: number, timeLeft: TimeLeft): string {
  return timeLeft.kind === 'quota-days' || timeLeft.kind === 'after-reset'
    ? timeLeftText(lang, t, timeLeft)
    : t('jobView.fitsToday', { count: rows, rows: formatNumber(lang, rows) });
}

export function timeLeftText(lang: Lang, t: TFunction, timeLeft: TimeLeft): string {
  switch (timeLeft.kind) {
    case 'none':
      return '—';
    case 'seconds':
      return formatDuration(timeLeft.seconds);
    case 'quota-days':
      return t('jobView.quotaDays', {
        count: timeLeft.days,
        rows: formatNumber(lang, timeLeft.rows),
        perDay: formatNumber(lang, timeLeft.perDay),
        reset: resetText(lang, t, timeLeft.resetsAt),
      });
    case 'after-reset':
      return t('jobView.afterReset', {
        rows: formatNumber(lang, timeLeft.rows),
        reset: resetText(lang, t, timeLeft.resetsAt),
      });
  }
}

function resetOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
