import { resolve } from 'node:path';

import type { Connection, FileOptions } from '../../shared/contract';
import type { Template } from '../../shared/template';
import { SANDBOX_DEFAULTS } from '../sandbox/seeded-data';
import { THALAMUS_PASSWORDLESS_TOUCHPOINT } from '../sandbox/thalamus-data';
import { withCliEngine } from './cli-engine';
import { jobsDirOf } from './cli-paths';
import { IMPORT } from './command-specs';
import { partyPasswordFromEnv, requireConnectionValues, tokenFromEnv } from './connection-flags';
import { fileOptionsFromFlags } from './file-flags';
import type { FlagValues } from './flags';
import { maxWaitOf } from './max-wait-flag';
import { exportReportTo } from './report-file';
import { commandOf, type CommandRun } from './run-command';
import { followJobPass } from './run-job-pass';
import { templateFromFlags, withDeclaredTypes } from './template-flags';

/** The connection a one-off import sends with: flags first, then the template, else the sandbox's. */
export function connectionFor(
  template: Template,
  flags: Partial<FlagValues<typeof IMPORT.flags>>,
): Connection {
  const remembered = template.connection;
  const server = flags.server ?? remembered.server ?? 'sandbox';
  const sandbox = server === 'sandbox';
  const campaign = template.target === 'wolkvox-campaign';
  const pick = (flag: string | undefined, saved: string | undefined, fallback?: string) =>
    flag ?? saved ?? (sandbox ? fallback : undefined);
  const connection: Connection = {
    id: 'cli',
    name: sandbox ? 'Sandbox' : server,
    target: template.target,
    server,
  };
  const operation = pick(flags.operation, remembered.operation, SANDBOX_DEFAULTS.operation);
  if (operation) connection.operation = operation;
  const campaignId = pick(flags['campaign-id'], remembered.campaignId, SANDBOX_DEFAULTS.campaigns[0]);
  if (campaignId && campaign) connection.campaignId = campaignId;
  const campaignType =
    flags['campaign-type'] ?? remembered.campaignType ?? (campaign ? 'predictive' : undefined);
  if (campaignType) connection.campaignType = campaignType;
  const campaignStatus = pick(
    flags['campaign-status'],
    remembered.campaignStatus,
    campaign ? 'active' : undefined,
  );
  if (campaignStatus) connection.campaignStatus = campaignStatus;
  const module = pick(
    flags.module,
    remembered.module,
    template.target === 'wolkvox-crm-records' ? 'contacts' : undefined,
  );
  if (module) connection.module = module;
  const touchpoint = pick(
    flags.touchpoint,
    remembered.touchpoint,
    template.target === 'thalamus-cases' ? THALAMUS_PASSWORDLESS_TOUCHPOINT : undefined,
  );
  if (touchpoint) connection.touchpoint = touchpoint;
  if (flags['daily-limit']) connection.dailyLimit = flags['daily-limit'];
  return connection;
}

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
