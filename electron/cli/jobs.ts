import { parseArgs } from 'node:util';
import { langFromLocale } from '../../shared/lang';
import { formatMessage, msg } from '../../shared/messages/catalog';
import { langFromArgs } from './cli-lang';
import { reportingErrors } from './cli-errors';
import { withCliEngine } from './cli-engine';
import { jobsDirOf } from './cli-paths';
import { EXIT, type Command } from './command';
import { jsonSummary, statusText } from './job-output';

/** `carga jobs [--json]`: job summaries, newest first. */
export const jobs: Command = async (args, io) => {
  const lang = langFromArgs(args) ?? langFromLocale(io.env.LANG);
  return reportingErrors(io, lang, async () => {
    const { values } = parseArgs({ args, options: { 'jobs-dir': { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } } });
    const jobsDir = jobsDirOf(io, values['jobs-dir']);
    return withCliEngine(io, lang, { jobsDir, sandbox: false }, async (engine) => {
      const summaries = await engine.listJobs();
      if (values.json) {
        io.stdout(JSON.stringify(summaries.map((s) => ({ ...jsonSummary(s), createdAt: s.createdAt, fileName: s.fileName, target: s.target }))) + '\n');
      } else if (summaries.length === 0) {
        io.stdout(formatMessage(lang, msg('cli.no-jobs', { dir: jobsDir })) + '\n');
      } else {
        for (const s of summaries) {
          io.stdout(`${s.jobId}  ${statusText(s.status, lang).padEnd(16)}  ok ${s.ok}/${s.total}  ✗ ${s.failed}  ? ${s.uncertain}  ${s.fileName}\n`);
        }
      }
      return EXIT.ok;
    });
  });
};
