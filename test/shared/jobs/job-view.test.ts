import { describe, expect, it } from 'vitest';

import type { JobCounts } from '../../../shared/contract';
import { jobView, type JobFacts } from '../../../shared/jobs/job-view';

const RESET = '2026-12-01T00:07:32.487Z';

function facts(
  overrides: Partial<Omit<JobFacts, 'counts'>> & { counts?: Partial<JobCounts> } = {},
): JobFacts {
  const counts: JobCounts = {
    total: 20_000,
    ok: 4_490,
    failed: 0,
    uncertain: 0,
    pending: 15_510,
    skipped: 0,
    ...overrides.counts,
  };
  return {
    status: 'running',
    requests: 4_490,
    rate: 4,
    quotaLeft: 310,
    dailyQuota: 4_800,
    quotaResetsAt: RESET,
    heldBy: null,
    ...overrides,
    counts,
  };
}

describe('jobView: one reading of a job for every screen', () => {
  it('shows a running job with no request left today as waiting, without a speed', () => {
    const view = jobView(facts({ quotaLeft: 0, rate: 0 }));
    expect(view.status).toBe('waiting-quota');
    expect(view.rate).toBeNull();
    expect(view.actions).toEqual({ pause: true, resume: false, cancel: true });
  });

  it('offers no action on a job another process runs, whatever its status, and says who runs it', () => {
    const heldBy = { frontDoor: 'cli', pid: 4242 } as const;
    for (const status of ['running', 'paused', 'waiting-quota', 'stopped', 'waiting-crm'] as const) {
      const view = jobView(facts({ status, heldBy }));
      expect(view.actions, status).toEqual({ pause: false, resume: false, cancel: false });
      expect(view.heldBy).toEqual(heldBy);
    }
    // Its speed and time left still show: the terminal's pass is followed live.
    const running = jobView(facts({ heldBy, quotaLeft: null, rate: 10 }));
    expect(running).toMatchObject({ status: 'running', live: true, rate: 10 });
    expect(running.timeLeft).toEqual({ kind: 'seconds', seconds: 1_551 });
  });

  it('never offers Pause and Resume together, whatever the status', () => {
    for (const status of [
      'running',
      'paused',
      'waiting-quota',
      'stopped',
      'cancelled',
      'finished',
    ] as const) {
      const { actions } = jobView(facts({ status }));
      expect(actions.pause && actions.resume, status).toBe(false);
    }
    expect(jobView(facts({ status: 'paused' })).actions).toEqual({
      pause: false,
      resume: true,
      cancel: true,
    });
    expect(jobView(facts({ status: 'finished' })).actions).toEqual({
      pause: false,
      resume: false,
      cancel: false,
    });
  });

  it('counts the days of quota the rows left need, not seconds at today’s speed', () => {
    // 15,510 rows, 310 requests left today, 4,800 a day: today, then 4 more days (15,200 / 4,800 → 4).
    expect(jobView(facts()).timeLeft).toEqual({
      kind: 'quota-days',
      rows: 15_510,
      days: 5,
      perDay: 4_800,
      resetsAt: RESET,
    });
    // Waiting: nothing left today, so 15,510 / 4,800 → 4 days.
    expect(jobView(facts({ status: 'waiting-quota', quotaLeft: 0 })).timeLeft).toEqual({
      kind: 'quota-days',
      rows: 15_510,
      days: 4,
      perDay: 4_800,
      resetsAt: RESET,
    });
  });

  it('gives seconds when today’s quota holds every row left, and nothing before the speed is known', () => {
    expect(jobView(facts({ quotaLeft: 20_000, rate: 10 })).timeLeft).toEqual({
      kind: 'seconds',
      seconds: 1_551,
    });
    expect(jobView(facts({ quotaLeft: 20_000, rate: null })).timeLeft).toEqual({ kind: 'none' });
    expect(jobView(facts({ quotaLeft: null, rate: 5 })).timeLeft).toEqual({
      kind: 'seconds',
      seconds: 3_102,
    });
  });

  it('says the rows go on after the reset when the daily size of the quota is unknown', () => {
    expect(jobView(facts({ status: 'waiting-quota', dailyQuota: null })).timeLeft).toEqual({
      kind: 'after-reset',
      rows: 15_510,
      resetsAt: RESET,
    });
  });

  it('counts a campaign’s rows by the requests that carry them', () => {
    // 1,000 rows went in 1 request: the 15,510 left need 16 requests, well within today's 310.
    const view = jobView(
      facts({ requests: 1, counts: { ok: 1_000, pending: 15_510, total: 16_510 }, rate: 100 }),
    );
    expect(view.timeLeft).toEqual({ kind: 'seconds', seconds: 155 });
  });

  it('has no time left nor speed once the job is paused or ended', () => {
    expect(jobView(facts({ status: 'paused' })).timeLeft).toEqual({ kind: 'none' });
    expect(jobView(facts({ status: 'paused' })).rate).toBeNull();
    const finished = jobView(facts({ status: 'finished', counts: { ok: 20_000, pending: 0 } }));
    expect(finished).toMatchObject({
      ended: true,
      live: false,
      percent: 100,
      done: 20_000,
      timeLeft: { kind: 'none' },
    });
  });

  it('says the total is being counted while a running job sends before its count ended, never once it is known or ended', () => {
    expect(jobView(facts({ counts: { counting: true, total: 1_000, pending: 0, ok: 1_000 } })).counting).toBe(
      true,
    );
    expect(jobView(facts()).counting).toBe(false);
    expect(jobView(facts({ status: 'paused', counts: { counting: true } })).counting).toBe(false);
  });
});
