import { RESUME } from './command-specs';
import { jobPassRun } from './job-pass-command';
import { commandOf } from './run-command';

/** `carga resume JOB`: sends only the rows still pending; nothing accepted is sent again. */
export const resume = commandOf(RESUME, () =>
  jobPassRun<typeof RESUME.flags>((engine, jobId) => engine.resumeJob({ jobId })),
);
