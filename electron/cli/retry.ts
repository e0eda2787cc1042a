import { RETRY } from './command-specs';
import { jobPassRun } from './job-pass-command';
import { commandOf } from './run-command';

/** `carga retry JOB [--uncertain]`: sends the failed rows again, and the uncertain ones only when asked. */
export const retry = commandOf(RETRY, () =>
  jobPassRun<typeof RETRY.flags>((engine, jobId, flags) =>
    engine.retryJob({ jobId, includeUncertain: flags.uncertain ?? false }),
  ),
);
