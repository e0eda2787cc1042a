import type { FileKind } from '../../../shared/contract';
import type { Lang } from '../../../shared/lang';
import { DEFAULT_REPORT_DELIMITER, openCsvSheet } from './csv-writer';
import { alignCells, fileCell, fillSheet, type SheetWriter } from './sheet-writer';
import { columnWidth, openXlsxSheet } from './xlsx-writer';

export interface FailedRowsOptions {
  /** Final path; the file is written beside it as `<path>.partial` and renamed when complete. */
  path: string;
  format: 'csv' | 'xlsx';
  /** Header cells as written in the original file, so the file maps again as it did. */
  headers: readonly string[];
  rows: AsyncIterable<readonly string[]>;
  /** CSV only: the source file's delimiter when it had one; `;` otherwise (Excel in Spanish
   * locales splits on it). */
  delimiter?: string;
  /** The job's file: a workbook's date cells are written as dates (see DateCell), in `lang`'s
   * format. CSV when absent. */
  fileKind?: FileKind;
  lang?: Lang;
}

/** Language-neutral on purpose: this file is read back in, whatever the operator's language. */
const SHEET_NAME = 'Carga';

/** The failed rows in their original columns, ready to fix in Excel and load again. Cells that
 * would start a formula get a leading apostrophe, as in every export. */
export async function writeFailedRows(options: FailedRowsOptions): Promise<{ rows: number }> {
  const width = options.headers.length;
  const { fileKind = 'csv', lang = 'es' } = options;
  return fillSheet(openSheet(options), options.rows, (values) =>
    alignCells(values, width).map((value) => fileCell(lang, fileKind, value)),
  );
}

function openSheet(options: FailedRowsOptions): SheetWriter {
  const { path, headers } = options;
  if (options.format === 'csv') {
    return openCsvSheet({ path, header: headers, delimiter: options.delimiter ?? DEFAULT_REPORT_DELIMITER });
  }
  return openXlsxSheet({ path, sheetName: SHEET_NAME, header: headers, widths: headers.map(columnWidth) });
}
