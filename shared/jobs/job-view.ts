/**
 * What every screen shows of a job — its status badge, which buttons it offers, its speed and
 * its time left — derived from one place, so the run screen, the results and the history
 * never disagree (a job waiting for its quota is not "running at 0 rows/s", and Pause and
 * Resume never show together).
 */
import type { JobCounts, JobHolder, JobStatus } from '../contract';

export interface JobFacts {
  status: JobStatus;
  counts: JobCounts;
  /** Requests made so far: with the rows done, how many rows one request carries (a campaign
   * sends many in one). */
  requests: number;
  /** Rows per second the engine measured; null before the first measure. */
  rate: number | null;
  /** Requests the token may still make today; null when unknown. */
  quotaLeft: number | null;
  /** The day's budget of requests (the token's limit or the operator's cap); null when unknown. */
  dailyQuota: number | null;
  /** When the quota counter turns over (ISO), when known. */
  quotaResetsAt: string | null;
  /** Another process runs the job (a terminal, another window): null when none does. */
  heldBy: JobHolder | null;
}

/** How long the rows still to send need. */
export type TimeLeft =
  /** Nothing is on its way (ended, paused, stopped), or the speed is not known yet. */
  | { kind: 'none' }
  /** Today's quota holds every row left: at the current speed. */
  | { kind: 'seconds'; seconds: number }
  /** The rows need the quota of more days: `days` in all, the next turning over at `resetsAt`. */
  | { kind: 'quota-days'; rows: number; days: number; perDay: number; resetsAt: string | null }
  /** Waiting for the quota, whose daily size is not known: the rows go on at the reset. */
  | { kind: 'after-reset'; rows: number; resetsAt: string | null };

export interface JobView {
  /** The status shown: a running job without a single request left today shows as waiting. */
  status: JobStatus;
  /** Goes on by itself, without the operator (running or waiting for the quota). */
  live: boolean;
  ended: boolean;
  /** What this screen may do to the job: nothing while another process runs it (it is paused or
   * cancelled there), and never Pause and Resume together. */
  actions: { pause: boolean; resume: boolean; cancel: boolean };
  /** The process that runs the job, when it is another one: the screens say so instead. */
  heldBy: JobHolder | null;
  /** Rows per second while rows are really being sent; null otherwise. */
  rate: number | null;
  timeLeft: TimeLeft;
  /** When the quota turns over (ISO), when known: what a waiting job waits for. */
  resetsAt: string | null;
  done: number;
  percent: number;
  /** The total is still being counted while rows are sent: it and the percentage are not known yet. */
  counting: boolean;
}

export function jobView(facts: JobFacts): JobView {
  const { counts } = facts;
  const outOfQuota = facts.quotaLeft === 0 && counts.pending > 0;
  const status: JobStatus = facts.status === 'running' && outOfQuota ? 'waiting-quota' : facts.status;
  const live = status === 'running' || status === 'waiting-quota';
  const ended = status === 'finished' || status === 'cancelled';
  const done = counts.total - counts.pending;
  const here = facts.heldBy === null;
  return {
    status,
    live,
    ended,
    actions: {
      // A waiting job goes on by itself at the reset: it can be paused, not resumed.
      pause: here && live,
      resume: here && (status === 'paused' || status === 'stopped'),
      cancel: here && !ended,
    },
    heldBy: facts.heldBy,
    rate: status === 'running' && facts.rate !== null && facts.rate > 0 ? facts.rate : null,
    timeLeft: live ? timeLeftOf(counts.pending, status, facts) : { kind: 'none' },
    resetsAt: facts.quotaResetsAt,
    done,
    percent: counts.total > 0 ? (done / counts.total) * 100 : 0,
    counting: live && counts.counting === true,
  };
}

/** How long `rows` more would need at this job's pace and quota: what each retry choice says
 * before it starts, each with its own rows ("only the rows I corrected", "all failed rows"). */
export function timeLeftFor(rows: number, facts: JobFacts): TimeLeft {
  return timeLeftOf(rows, jobView(facts).status, facts);
}

function timeLeftOf(rows: number, status: JobStatus, facts: JobFacts): TimeLeft {
  if (rows === 0) return { kind: 'none' };
  const sent = facts.counts.ok + facts.counts.failed + facts.counts.uncertain;
  const rowsPerRequest = facts.requests > 0 && sent > facts.requests ? sent / facts.requests : 1;
  const requests = Math.ceil(rows / rowsPerRequest);
  const todayLeft = status === 'waiting-quota' ? 0 : facts.quotaLeft;
  if (todayLeft !== null && requests > todayLeft) {
    if (facts.dailyQuota === null || facts.dailyQuota <= 0)
      return { kind: 'after-reset', rows, resetsAt: facts.quotaResetsAt };
    const days = (todayLeft > 0 ? 1 : 0) + Math.ceil((requests - todayLeft) / facts.dailyQuota);
    return {
      kind: 'quota-days',
      rows,
      days,
      perDay: Math.floor(facts.dailyQuota * rowsPerRequest),
      resetsAt: facts.quotaResetsAt,
    };
  }
  const rate = facts.rate;
  return rate !== null && rate > 0 ? { kind: 'seconds', seconds: Math.round(rows / rate) } : { kind: 'none' };
}
