import type { FileKind } from '../../../shared/contract';
import { failureSource } from '../../../shared/errors/failure-source';
import type { Lang } from '../../../shared/lang';
import { formatMessage, msg, type MessageCode } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';
import { sheetCellMessage, sheetCellText } from '../../../shared/sheet-cell-text';
import { DEFAULT_REPORT_DELIMITER, openCsvSheet } from './csv-writer';
import { explain, otherLang, reportLabel } from './report-labels';
import type { ReportRow } from './report-row';
import { alignCells, fileCell, fillSheet, type SheetCell, type SheetWriter } from './sheet-writer';
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
  /** The job's file: a workbook's date cells are written as dates (see DateCell). CSV when absent. */
  fileKind?: FileKind;
}

const TRAILING_HEADERS: MessageCode[] = [
  'report.header.outcome',
  'report.header.kind',
  'report.header.source',
  'report.header.explanation',
  'report.header.explanation-other',
  'report.header.answer',
  'report.header.sent',
  'report.header.unsent-fix',
];

/**
 * The error report: for each row, its spreadsheet row number, the file's own cells, the outcome,
 * the kind of failure and who found it in words, the explanation in `lang` and in the other
 * language, the CRM's original answer (code and message) when it answered, and the cells its
 * last attempt sent and the fixes not sent yet where they differ — so the explanation always
 * sits beside the values it is about. Streams: rows are written as they come.
 */
export async function writeErrorReport(options: ErrorReportOptions): Promise<{ rows: number }> {
  const { lang, columns } = options;
  const kind = options.fileKind ?? 'csv';
  const other = otherLang(lang);
  const explained = (language: Lang, message: Message | undefined) =>
    explain(language, message && sheetCellMessage(language, message, kind));
  const header = [
    formatMessage(lang, msg('report.header.row')),
    ...columns,
    ...TRAILING_HEADERS.map((code) => formatMessage(lang, msg(code))),
  ];
  const sheet = openSheet(options, header);
  const width = columns.length;
  return fillSheet(sheet, options.rows, (row): SheetCell[] => {
    const original = alignCells(row.original, width);
    const sent = alignCells(row.sent ?? row.original, width);
    const next = alignCells(row.next ?? row.sent ?? row.original, width);
    const source =
      row.failureClass === undefined ? undefined : failureSource(row.failureClass, row.code ?? '');
    return [
      row.row,
      ...original.map((value) => fileCell(lang, kind, value)),
      reportLabel(lang, 'outcome', row.outcome),
      row.failureClass === undefined ? '' : reportLabel(lang, 'kind', row.failureClass),
      source === undefined ? '' : formatMessage(lang, msg(`report.source.${source}`)),
      explained(lang, row.explanation),
      explained(other, row.explanation),
      // Carga's own check has no answer to quote: its problem codes are internal words.
      source === 'check' || source === undefined ? '' : answerText(row.code, row.message),
      changes(lang, kind, columns, original, sent),
      changes(lang, kind, columns, sent, next),
    ];
  });
}

function answerText(code: string | undefined, message: string | undefined): string {
  return [code, message].filter((part) => part !== undefined && part !== '').join(' · ');
}

/** `Column: «value»` for each cell of `after` that differs from `before`, one per line. */
function changes(
  lang: Lang,
  kind: FileKind,
  columns: readonly string[],
  before: readonly string[],
  after: readonly string[],
): string {
  const lines: string[] = [];
  columns.forEach((column, i) => {
    const value = after[i] ?? '';
    if (value !== (before[i] ?? ''))
      lines.push(
        formatMessage(lang, msg('report.change', { column, value: sheetCellText(lang, value, kind) })),
      );
  });
  return lines.join('\n');
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
    widths: [8, ...options.columns.map(columnWidth), 14, 26, 22, 60, 60, 40, 40, 40],
  });
}
