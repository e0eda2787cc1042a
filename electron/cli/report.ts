import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CargaError } from '../../shared/errors/carga-error';
import { langFromLocale } from '../../shared/lang';
import { msg } from '../../shared/messages/catalog';
import { langFromArgs } from './cli-lang';
import { reportingErrors } from './cli-errors';
import { withCliEngine } from './cli-engine';
import { jobsDirOf } from './cli-paths';
import { EXIT, type Command } from './command';
import { exportReportTo } from './report-file';

/** `carga report JOB --out FILE(.csv|.xlsx|.txt) [--failed-rows]`. */
export const report: Command = async (args, io) => {
  const lang = langFromArgs(args) ?? langFromLocale(io.env.LANG);
  return reportingErrors(io, lang, async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, 'failed-rows': { type: 'boolean' }, 'jobs-dir': { type: 'string' }, lang: { type: 'string' } },
    });
    const jobId = positionals[0];
    if (!jobId) throw new CargaError(msg('cli.missing-job', { command: 'report' }));
    if (!values.out) throw new CargaError(msg('cli.bad-format', { path: '' }));
    const out = resolve(io.cwd, values.out);
    return withCliEngine(io, lang, { jobsDir: jobsDirOf(io, values['jobs-dir']), sandbox: false }, async (engine) => {
      await exportReportTo(engine, jobId, out, io, lang, false, values['failed-rows'] ? 'failed-rows' : 'errors');
      return EXIT.ok;
    });
  });
};
