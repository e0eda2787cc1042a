import type { Delimiter, Encoding } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';
import { createCsvParser, type CsvParseResult } from './csv-parser';
import { fileSystemError } from './file-access';
import { fileChunks } from './file-chunks';
import { CSV_CHUNK_BYTES, MAX_RECORD_CHARS, MAX_RECORD_LABEL } from './file-limits';
import { foreignRecords } from './foreign-records';
import { sniffNewline, type Newline } from './newline';
import { encodedLength, type RecordPosition } from './record-position';
import { separatorLine } from './sniff-delimiter';
import { detectBom } from './sniff-encoding';
import { createDecoder } from './text-decoding';

/** Records parsed from one piece of the file. Arrays rather than an object per record: this
 * runs for every row of files with millions of them. */
export interface RecordChunk {
  /** Cells as parsed, not yet aligned to the header. */
  rows: string[][];
  /** 1-based row of each record as Excel shows the file: one per record (CSV; title and header
   * rows counted, a quoted line break not) or the sheet's row number (XLSX). */
  lines: number[];
  /** Records that could only be read by guessing (misplaced quotes): index in `rows` → why. */
  flagged: Map<number, Message> | null;
  /** Where the record after these starts (asked for with `track`; missing once unknowable). */
  next?: RecordPosition;
}

export interface CsvDialect {
  encoding: Encoding;
  delimiter: Delimiter;
}

export interface CsvReadOptions {
  /** Bytes read at a time. */
  chunkBytes?: number;
  signal?: AbortSignal;
  /** The file's bytes from another source (a job's verified reading) instead of a read stream. */
  bytes?: () => AsyncIterable<Buffer>;
  /** Reads from this record on, not from the file's start (`bytes` then starts at its offset). */
  start?: RecordPosition;
  /** Says in each chunk where the next record starts (one more pass over the text). */
  track?: boolean;
}

/**
 * Every record of a CSV file, in order, from its first line (title and header lines included),
 * read only as fast as the consumer pulls. Throws a CargaError naming the row for a record larger
 * than MAX_RECORD_CHARS (a runaway quote would otherwise buffer the rest of the file) or a quote
 * still open at the end of the file. Records written in another encoding than the file is read
 * in are flagged, like records with misplaced quotes.
 */
export async function* readCsvRecords(
  path: string,
  dialect: CsvDialect,
  options: CsvReadOptions = {},
): AsyncGenerator<RecordChunk> {
  const source =
    options.bytes?.() ??
    fileChunks(path, {
      pieceBytes: options.chunkBytes ?? CSV_CHUNK_BYTES,
      start: options.start?.offset ?? 0,
      signal: options.signal,
    });
  const decoder = createDecoder(dialect.encoding);
  const foreign = foreignRecords(dialect.encoding);
  const encodingName = dialect.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252';
  const { start } = options;
  let parse: ((input: string, final: boolean) => CsvParseResult) | null = null;
  let newline: Newline = start?.newline ?? '\n';
  /** The line break a quoted value's lines are counted by: CR in CR-only files, else LF. */
  let lineBreak = '\n';
  const useNewline = (found: Newline) => {
    newline = found;
    parse = createCsvParser(dialect.delimiter, found);
    lineBreak = found === '\r' ? '\r' : '\n';
  };
  if (start) useNewline(start.newline);
  /** Byte offset in the file where `pending` starts, while tracked (null once unknowable). */
  let offset: number | null = options.track ? (start?.offset ?? 0) : null;
  /** Text not parsed yet: the incomplete last record. */
  let pending = '';
  /** Row where `pending` starts, as Excel numbers it: one per record, a quoted line break is
   * not a row, and the `sep=` line Excel hides is row 0. */
  let row = start?.row ?? 1;
  let first = !start;

  const consume = (final: boolean): { chunk: RecordChunk | null; failure: CargaError | null } => {
    const { rows, errors, cursor } = parse!(pending, final);
    const lines = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) lines[i] = row + i;
    let flagged: Map<number, Message> | null = null;
    let failure: CargaError | null = null;
    for (const error of errors) {
      if (error.row >= rows.length) continue;
      if (error.code === 'MissingQuotes') {
        failure = new CargaError(msg('file.unclosed-quote', { row: lines[error.row]! }));
        rows.length = error.row;
        lines.length = error.row;
        break;
      }
      flagged ??= new Map();
      flagged.set(
        error.row,
        msg('file.row-bad-quotes', {
          row: lines[error.row]!,
          lines: 1 + quotedBreaks(rows[error.row]!, lineBreak),
        }),
      );
    }
    if (foreign?.suspect) {
      for (let i = 0; i < rows.length; i++) {
        if (!foreign.isForeign(rows[i]!)) continue;
        flagged ??= new Map();
        if (!flagged.has(i))
          flagged.set(i, msg('file.row-other-encoding', { row: lines[i]!, encoding: encodingName }));
      }
    }
    row += rows.length;
    let next: RecordPosition | undefined;
    if (offset !== null && !final && failure === null) {
      const consumed = encodedLength(pending.slice(0, cursor), dialect.encoding);
      offset = consumed === null ? null : offset + consumed;
      if (offset !== null) next = { offset, row, newline };
    }
    pending = final ? '' : pending.slice(cursor);
    foreign?.settle(pending);
    if (!final && pending.length > MAX_RECORD_CHARS) {
      failure = new CargaError(msg('file.record-too-large', { row, limit: MAX_RECORD_LABEL }));
    }
    return { chunk: rows.length > 0 ? { rows, lines, flagged, ...(next ? { next } : {}) } : null, failure };
  };

  try {
    for await (const piece of source) {
      let bytes = piece;
      if (first) {
        first = false;
        // A BOM is never data, whatever encoding the operator chose.
        const bom = detectBom(bytes);
        if (bom) bytes = bytes.subarray(bom.length);
        if (bom && offset !== null) offset += bom.length;
      }
      const text = decoder.write(bytes);
      foreign?.chunk(bytes, text);
      pending = pending.length === 0 ? text : pending + text;
      if (!parse) {
        const newline = sniffNewline(pending);
        if (newline === null) {
          if (pending.length > MAX_RECORD_CHARS) {
            throw new CargaError(msg('file.record-too-large', { row, limit: MAX_RECORD_LABEL }));
          }
          continue;
        }
        useNewline(newline);
        if (separatorLine(pending)) row = 0;
      }
      const { chunk, failure } = consume(false);
      if (chunk) yield chunk;
      if (failure) throw failure;
    }
    pending += decoder.end();
    if (!parse) {
      // The whole file is one line (or none); a trailing CR alone is its line break.
      useNewline(sniffNewline(`${pending}\n`) ?? '\n');
      if (separatorLine(pending)) row = 0;
    }
    const { chunk, failure } = consume(true);
    if (chunk) yield chunk;
    if (failure) throw failure;
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw fileSystemError(path, error, 'read');
  }
}

function quotedBreaks(cells: readonly string[], lineBreak: string): number {
  let count = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf(lineBreak); at !== -1; at = cell.indexOf(lineBreak, at + 1)) count++;
  }
  return count;
}
