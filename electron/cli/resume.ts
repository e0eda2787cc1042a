import { jobPassCommand } from './job-pass-command';

/** `carga resume JOB`: sends only the rows still pending; nothing accepted is sent again. */
export const resume = jobPassCommand('resume', {}, (engine, jobId) => engine.resumeJob({ jobId }));
