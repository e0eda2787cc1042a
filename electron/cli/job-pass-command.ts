import type { Connection, JobSummary } from '../../shared/contract';
import type { Engine } from '../engine/engine';
import { JobStore } from '../engine/jobs/job-store';
import { withCliEngine } from './cli-engine';
import { jobsDirOf } from './cli-paths';
import { partyPasswordFromEnv, tokenFromEnv } from './connection-flags';
import type { CONNECTION_FLAGS, FlagTable, FlagValues, PARTY_PASSWORD_FLAG } from './flags';
import { maxWaitOf } from './max-wait-flag';
import type { CommandRun } from './run-command';
import { followJobPass } from './run-job-pass';

/** `resume` and `retry`: open a saved job, give its connection the token (and Thalamus's party
 * password) again, neither ever stored, and, when asked, another server or daily limit, then run
 * one pass. */
export function jobPassRun<T extends typeof CONNECTION_FLAGS & typeof PARTY_PASSWORD_FLAG & FlagTable>(
  start: (engine: Engine, jobId: string, flags: FlagValues<T>) => Promise<JobSummary>,
): CommandRun<T> {
  return async ({ flags, args: [jobId], io, lang }) => {
    const jobsDir = jobsDirOf(io, flags['jobs-dir']);
    const spec = new JobStore(jobsDir).readSpec(jobId!);
    const connection: Connection = { ...spec.connection };
    if (flags.server) connection.server = flags.server;
    if (flags['daily-limit']) connection.dailyLimit = flags['daily-limit'];
    const token = tokenFromEnv(io.env, flags, connection);
    const partyPassword = partyPasswordFromEnv(io.env, flags['party-password-env']);
    const maxWaitMs = maxWaitOf(flags['max-wait']);
    return withCliEngine(
      io,
      lang,
      { jobsDir, sandbox: connection.server === 'sandbox', maxWaitMs },
      async (engine) => {
        await engine.useConnection(connection, token, partyPassword);
        const started = await start(engine, jobId!, flags);
        return (await followJobPass(engine, started, io, lang, flags.json ?? false)).code;
      },
    );
  };
}
