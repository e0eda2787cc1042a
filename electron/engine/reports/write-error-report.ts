import type { Lang } from '../../../shared/lang';
import { formatMessage, msg, type MessageCode } from '../../../shared/messages/catalog';
import { DEFAULT_REPORT_DELIMITER, openCsvSheet } from './csv-writer';
import { explain, otherLang, reportLabel } from './report-labels';
import type { ReportRow } from './report-row';
import { alignCells, fillSheet, type SheetCell, type SheetWriter } from './sheet-writer';
import { columnWidth, openXlsxSheet } from './xlsx-writer';

export interface ErrorReportOptions {
  /** Final path; the file is written beside it as `<path>.partial` and renamed when complete. */
  path: string;
  format: 'csv' | 'xlsx';
  /** The file's columns, in order; each row's values are aligned to them. */
  columns: readonly string[];
  rows: AsyncIterable<ReportRow>;
  /** Language of the header and of the first explanation column. */
  lang: Lang;
  /** CSV only. Defaults to `;`, which Excel in Spanish locales splits on (it reads `,` as the
   * decimal separator). */
  delimiter?: string;
}

const TRAILING_HEADERS: MessageCode[] = [
  'report.header.outcome',
  'report.header.kind',
  'report.header.code',
  'report.header.message',
  'report.header.explanation',
  'report.header.explanation-other',
];

/**
 * The error report: for each row, its spreadsheet row number, the original cells, the outcome,
 * the kind of failure, the CRM's code and message, and the explanation in `lang` and in the
 * other language. Streams: rows are written as they come, so a job of any size fits.
 */
export async function writeErrorReport(options: ErrorReportOptions): Promise<{ rows: number }> {
  const { lang, columns } = options;
  const other = otherLang(lang);
  const header = [
    formatMessage(lang, msg('report.header.row')),
    ...columns,
    ...TRAILING_HEADERS.map((code) => formatMessage(lang, msg(code))),
  ];
  const sheet = openSheet(options, header);
  return fillSheet(sheet, options.rows, (row): SheetCell[] => [
    row.row,
    ...alignCells(row.values, columns.length),
    reportLabel(lang, 'outcome', row.outcome),
    row.failureClass === undefined ? '' : reportLabel(lang, 'kind', row.failureClass),
    row.code ?? '',
    row.message ?? '',
    explain(lang, row.explanation),
    explain(other, row.explanation),
  ]);
}

function openSheet(options: ErrorReportOptions, header: string[]): SheetWriter {
  if (options.format === 'csv') {
    return openCsvSheet({
      path: options.path,
      header,
      delimiter: options.delimiter ?? DEFAULT_REPORT_DELIMITER,
    });
  }
  return openXlsxSheet({
    path: options.path,
    sheetName: formatMessage(options.lang, msg('report.sheet.errors')),
    header,
    widths: [8, ...options.columns.map(columnWidth), 14, 26, 12, 40, 60, 60],
  });
}
