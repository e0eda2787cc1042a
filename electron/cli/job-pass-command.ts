import { parseArgs } from 'node:util';
import type { Connection, JobSummary, Lang } from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { langFromLocale } from '../../shared/lang';
import { msg } from '../../shared/messages/catalog';
import type { Engine } from '../engine/engine';
import { JobStore } from '../engine/jobs/job-store';
import { langFromArgs } from './cli-lang';
import { reportingErrors } from './cli-errors';
import { withCliEngine } from './cli-engine';
import { jobsDirOf } from './cli-paths';
import { maxWaitOf } from './max-wait-flag';
import type { Command } from './command';
import { CONNECTION_FLAGS, dailyLimitOf, tokenFromEnv } from './connection-flags';
import { followJobPass } from './run-job-pass';

/** `resume` and `retry`: open a saved job, give its connection the token again (it is never
 * stored) and, when asked, another server or daily limit, then run one pass. */
export function jobPassCommand(
  name: 'resume' | 'retry',
  extraFlags: { uncertain?: { type: 'boolean' } },
  start: (engine: Engine, jobId: string, flags: { uncertain?: boolean }) => Promise<JobSummary>,
): Command {
  return async (args, io) => {
    const lang: Lang = langFromArgs(args) ?? langFromLocale(io.env.LANG);
    return reportingErrors(io, lang, async () => {
      const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...CONNECTION_FLAGS, ...extraFlags } });
      const jobId = positionals[0];
      if (!jobId) throw new CargaError(msg('cli.missing-job', { command: name }));
      const jobsDir = jobsDirOf(io, values['jobs-dir']);
      const spec = new JobStore(jobsDir).readSpec(jobId);
      const connection: Connection = { ...spec.connection };
      if (values.server) connection.server = values.server;
      const dailyLimit = dailyLimitOf(values['daily-limit']);
      if (dailyLimit) connection.dailyLimit = dailyLimit;
      const token = tokenFromEnv(io.env, values, connection);
      const maxWaitMs = maxWaitOf(values['max-wait']);
      return withCliEngine(io, lang, { jobsDir, sandbox: connection.server === 'sandbox', ...(maxWaitMs !== undefined ? { maxWaitMs } : {}) }, async (engine) => {
        await engine.useConnection(connection, token);
        const started = await start(engine, jobId, values as { uncertain?: boolean });
        return (await followJobPass(engine, started, io, lang, values.json ?? false)).code;
      });
    });
  };
}
