import { describe, expect, it } from 'vitest';

import {
  ActiveJobs,
  afterJobEndedWithoutWindow,
  onLastWindowClosed,
} from '../../../electron/ipc/background-run';
import type { JobProgress, JobSummary } from '../../../shared/contract';

const counts = { total: 10, ok: 4, failed: 1, uncertain: 0, pending: 5, skipped: 0 };

function progress(jobId: string, status: JobProgress['status']): JobProgress {
  return { ...counts, jobId, status, requests: 5, rate: 2, etaSeconds: 3, quotaLeft: 100 };
}

function summary(jobId: string): JobSummary {
  return {
    ...counts,
    jobId,
    status: 'finished',
    requests: 10,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:01:00Z',
    fileName: 'casos.csv',
    target: 'wolkvox-crm-cases',
    connectionName: 'Sandbox',
  };
}

describe('ActiveJobs', () => {
  it('counts running and quota-waiting jobs from progress and status events', () => {
    const jobs = new ActiveJobs();
    jobs.observe({ type: 'job-progress', progress: progress('a', 'running') });
    jobs.observe({ type: 'job-status', jobId: 'b', status: 'waiting-quota' });
    jobs.observe({ type: 'job-progress', progress: progress('a', 'running') });
    expect(jobs.count).toBe(2);
  });

  it('forgets a job once it is paused, stopped, cancelled or finished', () => {
    const jobs = new ActiveJobs();
    for (const id of ['a', 'b', 'c', 'd']) jobs.observe({ type: 'job-status', jobId: id, status: 'running' });
    jobs.observe({ type: 'job-status', jobId: 'a', status: 'paused' });
    jobs.observe({ type: 'job-status', jobId: 'b', status: 'stopped' });
    jobs.observe({ type: 'job-progress', progress: progress('c', 'cancelled') });
    jobs.observe({ type: 'job-finished', summary: summary('d') });
    expect(jobs.count).toBe(0);
  });

  it('ignores events about other things', () => {
    const jobs = new ActiveJobs();
    jobs.observe({ type: 'connections-changed' });
    jobs.observe({ type: 'check-progress', checkId: 'c1', rows: 100 });
    expect(jobs.count).toBe(0);
  });
});

describe('closing the last window', () => {
  it('keeps the app running while a job is active, on every platform', () => {
    expect(onLastWindowClosed(1, 'linux')).toBe('keep-running');
    expect(onLastWindowClosed(2, 'win32')).toBe('keep-running');
    expect(onLastWindowClosed(1, 'darwin')).toBe('keep-running');
  });

  it('quits when nothing runs, except on macOS where the app stays in the dock', () => {
    expect(onLastWindowClosed(0, 'linux')).toBe('quit');
    expect(onLastWindowClosed(0, 'win32')).toBe('quit');
    expect(onLastWindowClosed(0, 'darwin')).toBe('stay-in-dock');
  });

  it('quits after the last background job ends, unless another still runs or on macOS', () => {
    expect(afterJobEndedWithoutWindow(0, 'linux')).toBe('quit');
    expect(afterJobEndedWithoutWindow(1, 'linux')).toBe('wait');
    expect(afterJobEndedWithoutWindow(0, 'darwin')).toBe('wait');
  });
});
