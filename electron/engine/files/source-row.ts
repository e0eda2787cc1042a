import type { Message } from '../../../shared/messages/message';

/** One data row as read from the file, before mapping. */
export interface SourceRow {
  /** 0-based data-row ordinal (the journal's key): the n-th row after the header. */
  index: number;
  /** 1-based row number as Excel shows it when it opens the file: one per record, title and
   * header rows counted (a quoted line break does not add one; a CSV's `sep=` line is not one). */
  row: number;
  /** Cells in column order (same length as FileInfo.columns; a short row is padded with '' and flagged). */
  cells: string[];
  /** Set when the row had more or fewer cells than the header (ragged). */
  ragged?: Message;
}
