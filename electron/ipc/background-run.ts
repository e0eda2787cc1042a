import type { EngineEvent, JobStatus } from '../../shared/contract';

/** Statuses in which a job still has work the process must stay alive for. A paused or stopped
 * job waits for the operator, whose next launch resumes it from the journal. */
const ACTIVE: ReadonlySet<JobStatus> = new Set(['running', 'waiting-quota', 'waiting-crm']);

/**
 * Which jobs are running, learnt from the engine's events. The desktop app keeps going when its
 * window is closed while a job is active (the process lives on, a notification says so, the next
 * launch or a click on the notification shows the window again) and quits when it is not.
 */
export class ActiveJobs {
  private readonly active = new Set<string>();

  observe(event: EngineEvent): void {
    if (event.type === 'job-progress') this.set(event.progress.jobId, event.progress.status);
    else if (event.type === 'job-status') this.set(event.jobId, event.status);
    else if (event.type === 'job-finished') this.active.delete(event.summary.jobId);
  }

  get count(): number {
    return this.active.size;
  }

  private set(jobId: string, status: JobStatus): void {
    if (ACTIVE.has(status)) this.active.add(jobId);
    else this.active.delete(jobId);
  }
}

export type WindowClosedAction = 'quit' | 'keep-running' | 'stay-in-dock';

/** What the app does when its last window closes. */
export function onLastWindowClosed(activeJobs: number, platform: NodeJS.Platform): WindowClosedAction {
  if (activeJobs > 0) return 'keep-running';
  // macOS apps stay in the dock until the operator quits them.
  return platform === 'darwin' ? 'stay-in-dock' : 'quit';
}

/** What the app does when a job ends while no window is open. */
export function afterJobEndedWithoutWindow(activeJobs: number, platform: NodeJS.Platform): 'quit' | 'wait' {
  return activeJobs === 0 && platform !== 'darwin' ? 'quit' : 'wait';
}
