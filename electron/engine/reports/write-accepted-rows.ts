import type { FileKind } from '../../../shared/contract';
import type { Lang } from '../../../shared/lang';
import { formatMessage, msg } from '../../../shared/messages/catalog';
import { DEFAULT_REPORT_DELIMITER, openCsvSheet } from './csv-writer';
import { alignCells, fileCell, fillSheet, type SheetWriter } from './sheet-writer';
import { columnWidth, openXlsxSheet } from './xlsx-writer';

/** One accepted row: its spreadsheet row number, the cells the CRM accepted, and its CRM id. */
export interface AcceptedRow {
  row: number;
  values: readonly string[];
  crmId?: string;
}

export interface AcceptedRowsOptions {
  /** Final path; the file is written beside it as `<path>.partial` and renamed when complete. */
  path: string;
  format: 'csv' | 'xlsx';
  columns: readonly string[];
  rows: AsyncIterable<AcceptedRow>;
  lang: Lang;
  delimiter?: string;
  /** The job's file: a workbook's date cells are written as dates (see DateCell). CSV when absent. */
  fileKind?: FileKind;
}

/** The success report: every row the CRM accepted, with the id it gave (empty where the CRM
 * gives none, as batch targets do), beside the error report. Streams like it. */
export async function writeAcceptedRows(options: AcceptedRowsOptions): Promise<{ rows: number }> {
  const { lang, columns } = options;
  const header = [
    formatMessage(lang, msg('report.header.row')),
    ...columns,
    formatMessage(lang, msg('report.header.crm-id')),
  ];
  return fillSheet(openSheet(options, header), options.rows, (row) => [
    row.row,
    ...alignCells(row.values, columns.length).map((value) =>
      fileCell(lang, options.fileKind ?? 'csv', value),
    ),
    row.crmId ?? '',
  ]);
}

function openSheet(options: AcceptedRowsOptions, header: string[]): SheetWriter {
  if (options.format === 'csv')
    return openCsvSheet({
      path: options.path,
      header,
      delimiter: options.delimiter ?? DEFAULT_REPORT_DELIMITER,
    });
  return openXlsxSheet({
    path: options.path,
    sheetName: formatMessage(options.lang, msg('report.sheet.accepted')),
    header,
    widths: [8, ...options.columns.map(columnWidth), 20],
  });
}
