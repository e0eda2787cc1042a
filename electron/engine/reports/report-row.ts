import type { FailureClass } from '../../../shared/errors/failure-class';
import type { Message } from '../../../shared/messages/message';

/** One row of an error report, as the job store feeds it to the writers. Cell arrays are
 * aligned to the report's columns. */
export interface ReportRow {
  /** Spreadsheet row number, as Excel shows it. */
  row: number;
  /** The file's own cells. */
  original: readonly string[];
  /** The cells its last attempt sent (or Carga's check refused): what the explanation is about.
   * The file's own when absent. */
  sent?: readonly string[];
  /** The cells the next retry sends (the operator's fixes applied). `sent` when absent. */
  next?: readonly string[];
  outcome: 'failed' | 'uncertain' | 'skipped' | 'ok' | 'pending';
  /** A failure class (`row`, `uncertain`, ...) or `validation` for a problem found locally. */
  failureClass?: FailureClass | 'validation';
  /** `404`, `ECONNRESET`, `required-missing`. */
  code?: string;
  /** The CRM's own message, or the local problem code. */
  message?: string;
  explanation?: Message;
}
