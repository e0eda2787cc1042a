import type { TFunction } from 'i18next';

import type { JobSummary } from '../../shared/contract';
import { jobView, type JobView, type TimeLeft } from '../../shared/jobs/job-view';
import type { Lang } from '../../shared/lang';
import { formatDuration, formatNumber, formatResetTime } from '../app/format';
import type { LiveJob } from './use-live-job';

/** The job as the run and results screens show it, once its status and counts are known. */
export function liveJobView(job: LiveJob): JobView | null {
  if (job.status === null || job.counts === null) return null;
  return jobView({
    status: job.status,
    counts: job.counts,
    requests: job.requests,
    rate: job.rate,
    quotaLeft: job.quotaLeft,
    dailyQuota: job.dailyQuota,
    quotaResetsAt: job.quotaResetsAt ?? resetOf(job.reason?.params?.resetsAt),
    heldBy: job.heldBy,
  });
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
