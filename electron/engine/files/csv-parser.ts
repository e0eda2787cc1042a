import Papa from 'papaparse';

import type { Delimiter } from '../../../shared/contract';
import type { Newline } from './newline';

export interface CsvParseError {
  /** `MissingQuotes` (a quoted field runs to the end of the input) or `InvalidQuotes`. */
  code: string;
  /** Index in `rows` of the record the error belongs to (may equal rows.length: not yet complete). */
  row: number;
}

export interface CsvParseResult {
  rows: string[][];
  errors: CsvParseError[];
  /** Characters of the input consumed by complete records. */
  cursor: number;
}

/** The shape papaparse's low-level Parser returns (its typings say `any`). */
interface PapaResult {
  data: string[][];
  errors: { code: string; row: number }[];
  meta: { cursor: number };
}

/**
 * Papaparse's low-level record parser, fed text piece by piece: `final` false leaves the last,
 * possibly incomplete record unparsed (the caller keeps `input.slice(cursor)` for the next call).
 * Driving it directly, rather than through papaparse's stream wrappers, lets the reader pull
 * from the file at the consumer's pace, cap a runaway record and count lines.
 */
export function createCsvParser(
  delimiter: Delimiter,
  newline: Newline,
  preview = 0,
): (input: string, final: boolean) => CsvParseResult {
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"', escapeChar: '"', preview });
  return (input, final) => {
    const result = parser.parse(input, 0, !final) as PapaResult;
    return { rows: result.data, errors: result.errors, cursor: result.meta.cursor };
  };
}
