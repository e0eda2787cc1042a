import { jobPassCommand } from './job-pass-command';

/** `carga retry JOB [--uncertain]`: sends the failed rows again, and the uncertain ones only when asked. */
export const retry = jobPassCommand('retry', { uncertain: { type: 'boolean' } }, (engine, jobId, flags) =>
  engine.retryJob({ jobId, includeUncertain: flags.uncertain ?? false }),
);
