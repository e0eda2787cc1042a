import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Connection, FileOptions } from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { langFromLocale } from '../../shared/lang';
import { msg } from '../../shared/messages/catalog';
import type { Template } from '../../shared/template';
import { SANDBOX_DEFAULTS } from '../sandbox/sandbox';
import { langFromArgs } from './cli-lang';
import { reportingErrors } from './cli-errors';
import { withCliEngine } from './cli-engine';
import { jobsDirOf } from './cli-paths';
import type { Command } from './command';
import { CONNECTION_FLAGS, dailyLimitOf, tokenFromEnv } from './connection-flags';
import { fileOptionsFromFlags, FILE_FLAGS } from './file-flags';
import { exportReportTo } from './report-file';
import { followJobPass } from './run-job-pass';
import { templateFromFlags, TEMPLATE_FLAGS } from './template-flags';

/** The connection a one-off import sends with: flags first, then the template, else the sandbox. */
interface ConnectionFlags {
  server?: string;
  operation?: string;
  'campaign-id'?: string;
  'campaign-type'?: string;
  'campaign-status'?: string;
  'daily-limit'?: string;
}

function connectionFor(template: Template, flags: ConnectionFlags): Connection {
  const remembered = template.connection;
  const server = flags.server ?? remembered.server ?? 'sandbox';
  const sandbox = server === 'sandbox';
  const pick = (flag: string | undefined, saved: string | undefined, fallback?: string) => flag ?? saved ?? (sandbox ? fallback : undefined);
  const connection: Connection = {
    id: 'cli',
    name: sandbox ? 'Sandbox' : server,
    target: template.target,
    server,
  };
  const operation = pick(flags.operation, remembered.operation, SANDBOX_DEFAULTS.operation);
  if (operation) connection.operation = operation;
  const campaignId = pick(flags['campaign-id'], remembered.campaignId, SANDBOX_DEFAULTS.campaigns[0]);
  if (campaignId && template.target === 'wolkvox-campaign') connection.campaignId = campaignId;
  const campaignType = flags['campaign-type'] ?? remembered.campaignType ?? (template.target === 'wolkvox-campaign' ? 'predictive' : undefined);
  if (campaignType === 'predictive' || campaignType === 'preview') connection.campaignType = campaignType;
  else if (campaignType) throw new CargaError(msg('file.inspect-bad-value', { option: '--campaign-type', value: campaignType, allowed: 'predictive, preview' }));
  const campaignStatus = pick(flags['campaign-status'], remembered.campaignStatus, template.target === 'wolkvox-campaign' ? 'active' : undefined);
  if (campaignStatus) connection.campaignStatus = campaignStatus;
  if (remembered.module) connection.module = remembered.module;
  const dailyLimit = dailyLimitOf(flags['daily-limit']);
  if (dailyLimit) connection.dailyLimit = dailyLimit;
  return connection;
}

export const importCommand: Command = async (args, io) => {
  const lang = langFromArgs(args) ?? langFromLocale(io.env.LANG);
  return reportingErrors(io, lang, async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...CONNECTION_FLAGS,
        ...FILE_FLAGS,
        ...TEMPLATE_FLAGS,
        operation: { type: 'string' },
        'campaign-id': { type: 'string' },
        'campaign-type': { type: 'string' },
        'campaign-status': { type: 'string' },
        report: { type: 'string' },
        'allow-duplicates': { type: 'boolean' },
      },
    });
    const file = positionals[0];
    if (!file) throw new CargaError(msg('cli.missing-file', { command: 'import' }));
    const template = templateFromFlags(io.cwd, values);
    const connection = connectionFor(template, values);
    const token = tokenFromEnv(io.env, values, connection);
    const options: FileOptions = { ...template.file, ...fileOptionsFromFlags(values) };

    return withCliEngine(io, lang, { jobsDir: jobsDirOf(io, values['jobs-dir']), sandbox: connection.server === 'sandbox' }, async (engine) => {
      await engine.useConnection(connection, token);
      const started = await engine.startJob({
        path: resolve(io.cwd, file),
        options,
        template,
        connectionId: connection.id,
        allowDuplicates: values['allow-duplicates'] ?? false,
      });
      const { code, summary } = await followJobPass(engine, started, io, lang, values.json ?? false);
      if (values.report) await exportReportTo(engine, summary.jobId, resolve(io.cwd, values.report), io, lang, values.json ?? false);
      return code;
    });
  });
};
