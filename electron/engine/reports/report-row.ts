import type { Message } from '../../../shared/messages/message';

/** One row of an error report, as the job store feeds it to the writers. */
export interface ReportRow {
  /** Spreadsheet row number, as Excel shows it. */
  row: number;
  /** Original cells aligned to the report's columns, with the operator's fixes applied. */
  values: readonly string[];
  outcome: 'failed' | 'uncertain' | 'skipped' | 'ok' | 'pending';
  /** A failure class (`row`, `uncertain`, ...) or `validation` for a problem found locally. */
  failureClass?: string;
  /** `404`, `ECONNRESET`, `phone-too-short`. */
  code?: string;
  /** The CRM's own message, or the local problem code. */
  message?: string;
  explanation?: Message;
}
