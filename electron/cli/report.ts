import { resolve } from 'node:path';

import { CargaError } from '../../shared/errors/carga-error';
import { msg } from '../../shared/messages/catalog';
import { withCliEngine } from './cli-engine';
import { jobsDirOf } from './cli-paths';
import { EXIT } from './command';
import { REPORT } from './command-specs';
import { exportReportTo } from './report-file';
import { commandOf } from './run-command';

/** `carga report JOB --out FILE(.csv|.xlsx|.txt) [--failed-rows | --accepted]`. */
export const report = commandOf(REPORT, () => async ({ flags, args: [jobId], io, lang }) => {
  if (!flags.out) throw new CargaError(msg('cli.bad-format', { path: '' }));
  if (flags['failed-rows'] && flags.accepted) throw new CargaError(msg('cli.report-one-kind'));
  const kind = flags.accepted ? 'accepted' : flags['failed-rows'] ? 'failed-rows' : 'errors';
  const out = resolve(io.cwd, flags.out);
  return withCliEngine(
    io,
    lang,
    { jobsDir: jobsDirOf(io, flags['jobs-dir']), sandbox: false },
    async (engine) => {
      await exportReportTo(engine, jobId!, out, io, lang, false, kind);
      return EXIT.ok;
    },
  );
});
