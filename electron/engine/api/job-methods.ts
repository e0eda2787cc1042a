import { join } from 'node:path';

import { missingConnectionFields } from '../../../shared/connection-requirements';
import type { CargaApi, Lang, ReportFormat, ReportKind } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { openFile } from '../files/open-file';
import { reportFileName } from '../reports/report-file-name';
import type { EngineParts } from './engine-parts';

export type JobMethods = Pick<
  CargaApi,
  | 'startJob'
  | 'pauseJob'
  | 'resumeJob'
  | 'cancelJob'
  | 'retryJob'
  | 'fixRow'
  | 'getJob'
  | 'listJobs'
  | 'listResults'
  | 'failureBreakdown'
  | 'exportReport'
>;

/** A job's life (start, pause, resume, cancel, retry), its results and its reports. */
export function jobMethods(parts: EngineParts): JobMethods {
  const { connections, jobs } = parts;
  return {
    startJob: async ({ path, options: fileOptions, template, connectionId, allowDuplicates }) => {
      const connection = connections.find(connectionId);
      const missing = missingConnectionFields(connections.effective(connection));
      if (missing.length)
        throw new CargaError(
          msg('job.connection-incomplete', { name: connection.name, fields: missing.join(', ') }),
        );
      await connections.resolve(connection);
      const spec = await jobs.create({
        file: await openFile(path, fileOptions),
        template,
        connection,
        allowDuplicates,
      });
      return jobs.start(spec.jobId, { kind: 'run' });
    },
    pauseJob: async ({ jobId }) => jobs.pause(jobId),
    resumeJob: async ({ jobId }) => jobs.start(jobId, { kind: 'run' }),
    cancelJob: async ({ jobId }) => jobs.cancel(jobId),
    retryJob: async ({ jobId, includeUncertain, onlyCorrected, template }) => {
      if (template) await jobs.replaceTemplate(jobId, template);
      return jobs.start(jobId, { kind: 'retry', includeUncertain, onlyCorrected: onlyCorrected === true });
    },
    fixRow: async ({ jobId, index, values }) => jobs.fixRow(jobId, index, values),
    getJob: async ({ jobId }) => jobs.summary(jobId),
    listJobs: async () => jobs.list(),
    listResults: async ({ jobId, filter, offset, limit }) => jobs.results(jobId, filter, offset, limit),
    failureBreakdown: async ({ jobId }) => jobs.breakdown(jobId),
    exportReport: async ({ jobId, kind, format, path, lang }) =>
      exportReport(parts, jobId, kind, format, path, lang ?? parts.lang),
  };
}

async function exportReport(
  { jobs, jobsDir }: EngineParts,
  jobId: string,
  kind: ReportKind,
  format: ReportFormat,
  path: string | undefined,
  lang: Lang,
) {
  const spec = await jobs.spec(jobId);
  // The report writers (exceljs above all) load only when a report is exported: a job that
  // never exports one, and every CLI command, start without them.
  const { exportJobReport } = await import('../reports/export-job-report');
  return exportJobReport({
    jobs,
    spec,
    kind,
    format,
    path:
      path ?? join(jobsDir, jobId, reportFileName({ sourceName: spec.file.name, jobId, kind, format, lang })),
    lang,
  });
}
