import { extname } from 'node:path';

import type { Lang, ReportFormat, ReportKind } from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { formatMessage, msg } from '../../shared/messages/catalog';
import type { Engine } from '../engine/engine';
import type { CliIO } from './command';

/** The file's extension says the format: .csv, .xlsx, or .txt for the summary. */
export async function exportReportTo(
  engine: Engine,
  jobId: string,
  path: string,
  io: CliIO,
  lang: Lang,
  quiet: boolean,
  kind: ReportKind = 'errors',
): Promise<void> {
  const ext = extname(path).toLowerCase();
  const format: ReportFormat | null = ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : null;
  const reportKind: ReportKind = ext === '.txt' ? 'summary' : kind;
  if (!format && reportKind !== 'summary') throw new CargaError(msg('cli.bad-format', { path }));
  const written = await engine.exportReport({ jobId, kind: reportKind, format: format ?? 'csv', path });
  if (!quiet) io.stderr(formatMessage(lang, msg('cli.report-written', { path: written.path })) + '\n');
}
