import { useCallback, useEffect, useState } from 'react';

import type { JobCounts, JobHolder, JobStatus, JobSummary, Message } from '../../shared/contract';
import { useBridge } from '../app/bridge-context';
import { useEngineEvents } from '../app/use-engine-events';

export interface LiveJob {
  summary: JobSummary | null;
  status: JobStatus | null;
  counts: JobCounts | null;
  rate: number | null;
  etaSeconds: number | null;
  quotaLeft: number | null;
  dailyQuota: number | null;
  quotaResetsAt: string | null;
  requests: number;
  reason: Message | null;
  /** Another process runs the job (a terminal, another window): its progress comes from there. */
  heldBy: JobHolder | null;
  error: unknown;
}

const empty: LiveJob = {
  summary: null,
  status: null,
  counts: null,
  rate: null,
  etaSeconds: null,
  quotaLeft: null,
  dailyQuota: null,
  quotaResetsAt: null,
  requests: 0,
  reason: null,
  heldBy: null,
  error: null,
};

function countsOf(source: JobCounts): JobCounts {
  const { total, ok, failed, uncertain, pending, skipped, counting } = source;
  return { total, ok, failed, uncertain, pending, skipped, ...(counting ? { counting } : {}) };
}

function withSummary(previous: LiveJob, summary: JobSummary): LiveJob {
  return {
    ...previous,
    summary,
    status: summary.status,
    counts: countsOf(summary),
    requests: summary.requests,
    reason: summary.reason ?? null,
    heldBy: summary.heldBy ?? null,
    error: null,
  };
}

/** A job as it runs: read once, then kept current by the engine's (throttled) events and by
 * the summaries the operator's actions return. */
export function useLiveJob(jobId: string | null): { job: LiveJob; applySummary(summary: JobSummary): void } {
  const bridge = useBridge();
  const [job, setJob] = useState<LiveJob>(empty);

  useEffect(() => {
    if (!jobId) return;
    let current = true;
    bridge.getJob({ jobId }).then(
      (summary) => {
        if (!current) return;
        // Progress that arrived while this read was on its way is newer than the read.
        setJob((previous) =>
          previous.rate === null ? withSummary(previous, summary) : { ...previous, summary },
        );
      },
      (error: unknown) => current && setJob((previous) => ({ ...previous, error })),
    );
    return () => {
      current = false;
    };
  }, [bridge, jobId]);

  useEngineEvents((event) => {
    switch (event.type) {
      case 'job-progress':
        if (event.progress.jobId !== jobId) return;
        setJob((previous) => ({
          ...previous,
          status: event.progress.status,
          counts: countsOf(event.progress),
          rate: event.progress.rate,
          etaSeconds: event.progress.etaSeconds,
          quotaLeft: event.progress.quotaLeft,
          dailyQuota: event.progress.dailyQuota ?? previous.dailyQuota,
          quotaResetsAt: event.progress.quotaResetsAt ?? previous.quotaResetsAt,
          requests: event.progress.requests,
          heldBy: event.progress.heldBy ?? null,
        }));
        return;
      case 'job-status':
        if (event.jobId !== jobId) return;
        // Statuses come from the process that runs the job here, or when another one let it go.
        setJob((previous) => ({
          ...previous,
          status: event.status,
          reason: event.reason ?? null,
          heldBy: null,
        }));
        return;
      case 'job-counted':
        if (event.summary.jobId !== jobId) return;
        setJob((previous) => withSummary(previous, event.summary));
        return;
      case 'job-finished':
        if (event.summary.jobId !== jobId) return;
        setJob((previous) => ({ ...withSummary(previous, event.summary), etaSeconds: null }));
        return;
      default:
        return;
    }
  });

  const applySummary = useCallback(
    (summary: JobSummary) => {
      if (summary.jobId === jobId) setJob((previous) => withSummary(previous, summary));
    },
    [jobId],
  );

  return { job, applySummary };
}
