import { resolve } from 'node:path';

import type { FileOptions } from '../../shared/contract';
import { connectionFor } from './cli-connection';
import { withCliEngine } from './cli-engine';
import { jobsDirOf } from './cli-paths';
import { IMPORT } from './command-specs';
import { partyPasswordFromEnv, requireConnectionValues, tokenFromEnv } from './connection-flags';
import { fileOptionsFromFlags } from './file-flags';
import { maxWaitOf } from './max-wait-flag';
import { exportReportTo } from './report-file';
import { commandOf, type CommandRun } from './run-command';
import { followJobPass } from './run-job-pass';
import { templateFromFlags, withDeclaredTypes } from './template-flags';

/** `carga import FILE`: one pass of a new job, with its progress, summary and exit code. */
export const runImport: CommandRun<typeof IMPORT.flags> = async ({ flags, args: [file], io, lang }) => {
  const template = withDeclaredTypes(templateFromFlags(io.cwd, flags), flags.type ?? []);
  const connection = connectionFor(template, flags);
  requireConnectionValues(connection);
  const token = tokenFromEnv(io.env, flags, connection);
  const partyPassword = partyPasswordFromEnv(io.env, flags['party-password-env']);
  const options: FileOptions = { ...template.file, ...fileOptionsFromFlags(flags) };

  const maxWaitMs = maxWaitOf(flags['max-wait']);
  return withCliEngine(
    io,
    lang,
    { jobsDir: jobsDirOf(io, flags['jobs-dir']), sandbox: connection.server === 'sandbox', maxWaitMs },
    async (engine) => {
      await engine.useConnection(connection, token, partyPassword);
      const started = await engine.startJob({
        path: resolve(io.cwd, file!),
        options,
        template,
        connectionId: connection.id,
        allowDuplicates: flags['allow-duplicates'] ?? false,
      });
      const { code, summary } = await followJobPass(engine, started, io, lang, flags.json ?? false);
      if (flags.report)
        await exportReportTo(
          engine,
          summary.jobId,
          resolve(io.cwd, flags.report),
          io,
          lang,
          flags.json ?? false,
        );
      return code;
    },
  );
};

export const importCommand = commandOf(IMPORT, () => runImport);
