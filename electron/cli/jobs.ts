import { formatMessage, msg } from '../../shared/messages/catalog';
import { withCliEngine } from './cli-engine';
import { jobsDirOf } from './cli-paths';
import { EXIT } from './command';
import { JOBS } from './command-specs';
import { jsonSummary, statusText } from './job-output';
import { commandOf } from './run-command';

/** `carga jobs [--json]`: job summaries, newest first. */
export const jobs = commandOf(JOBS, () => async ({ flags, io, lang }) => {
  const jobsDir = jobsDirOf(io, flags['jobs-dir']);
  return withCliEngine(io, lang, { jobsDir, sandbox: false }, async (engine) => {
    const summaries = await engine.listJobs();
    if (flags.json) {
      io.stdout(
        JSON.stringify(
          summaries.map((summary) => ({
            ...jsonSummary(summary),
            createdAt: summary.createdAt,
            fileName: summary.fileName,
            target: summary.target,
          })),
        ) + '\n',
      );
    } else if (summaries.length === 0) {
      io.stdout(formatMessage(lang, msg('cli.no-jobs', { dir: jobsDir })) + '\n');
    } else {
      for (const summary of summaries) {
        io.stdout(
          `${summary.jobId}  ${statusText(summary.status, lang).padEnd(16)}  ok ${summary.ok}/${summary.total}  ✗ ${summary.failed}  ? ${summary.uncertain}  ${summary.fileName}\n`,
        );
      }
    }
    return EXIT.ok;
  });
});
