import { createReadStream } from 'node:fs';
import type { Delimiter, Encoding } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';
import { createCsvParser } from './csv-parser';
import type { CsvParseResult } from './csv-parser';
import { fileSystemError } from './file-access';
import { MAX_RECORD_CHARS, MAX_RECORD_LABEL, STREAM_CHUNK_BYTES } from './file-limits';
import { sniffNewline } from './newline';
import { detectBom } from './sniff-encoding';
import { createDecoder } from './text-decoding';
import { Utf8StreamCheck } from './utf8-stream-check';

/** Records parsed from one piece of the file. Arrays rather than an object per record: this
 * runs for every row of files with millions of them. */
export interface RecordChunk {
  /** Cells as parsed, not yet aligned to the header. */
  rows: string[][];
  /** 1-based line (CSV) or sheet row (XLSX) where each record starts. */
  lines: number[];
  /** Records that could only be read by guessing (misplaced quotes): index in `rows` → why. */
  flagged: Map<number, Message> | null;
}

export interface CsvDialect {
  encoding: Encoding;
  delimiter: Delimiter;
}

export interface CsvReadOptions {
  /** Bytes read at a time. */
  chunkBytes?: number;
  signal?: AbortSignal;
}

/**
 * Every record of a CSV file, in order, from its first line (title and header lines included),
 * read only as fast as the consumer pulls. Throws a CargaError naming the row for a record larger
 * than MAX_RECORD_CHARS (a runaway quote would otherwise buffer the rest of the file), a quote
 * still open at the end of the file, or (UTF-8 files) bytes that are not UTF-8.
 */
export async function* readCsvRecords(path: string, dialect: CsvDialect, options: CsvReadOptions = {}): AsyncGenerator<RecordChunk> {
  const stream = createReadStream(path, { highWaterMark: options.chunkBytes ?? STREAM_CHUNK_BYTES, signal: options.signal });
  const decoder = createDecoder(dialect.encoding);
  let utf8: Utf8StreamCheck | null = null;
  let parse: ((input: string, final: boolean) => CsvParseResult) | null = null;
  /** The line break counted as a line: CR in CR-only files, else LF (CRLF holds one LF). */
  let lineBreak = '\n';
  /** Text not parsed yet: the incomplete last record. */
  let pending = '';
  /** Line where `pending` starts. */
  let line = 1;
  let first = true;

  const consume = (final: boolean): { chunk: RecordChunk | null; failure: CargaError | null } => {
    const result = parse!(pending, final);
    const { rows, errors, cursor } = result;
    const lines = new Array<number>(rows.length);
    let breaks = 0;
    for (let at = pending.indexOf(lineBreak); at !== -1 && at < cursor; at = pending.indexOf(lineBreak, at + 1)) breaks++;
    // The last record of the final parse has no line break after it.
    const terminated = final && rows.length > 0 ? rows.length - 1 : rows.length;
    if (breaks === terminated) {
      for (let i = 0; i < rows.length; i++) lines[i] = line + i;
    } else if (!linesByQuoteParity(pending, cursor, lineBreak, line, lines, terminated)) {
      // A stray quote inside an unquoted field fooled the parity count: count cell by cell.
      let current = line;
      for (let i = 0; i < rows.length; i++) {
        lines[i] = current;
        current += 1 + quotedBreaks(rows[i]!, lineBreak);
      }
    }
    const nextLine = line + breaks;
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
      const start = lines[error.row]!;
      const end = error.row + 1 < rows.length ? lines[error.row + 1]! : Math.max(nextLine, start + 1);
      flagged ??= new Map();
      flagged.set(error.row, msg('file.row-bad-quotes', { row: start, lines: end - start }));
    }
    line = nextLine;
    pending = final ? '' : pending.slice(cursor);
    if (!final && pending.length > MAX_RECORD_CHARS) {
      failure = new CargaError(msg('file.record-too-large', { row: line, limit: MAX_RECORD_LABEL }));
    }
    return { chunk: rows.length > 0 ? { rows, lines, flagged } : null, failure };
  };

  try {
    for await (const piece of stream as AsyncIterable<Buffer>) {
      let bytes = piece;
      if (first) {
        first = false;
        // A BOM is never data, whatever encoding the operator chose.
        const bom = detectBom(bytes);
        if (bom) bytes = bytes.subarray(bom.length);
        if (dialect.encoding === 'utf-8') utf8 = new Utf8StreamCheck(bom?.length ?? 0);
      }
      utf8?.push(bytes);
      const text = decoder.write(bytes);
      pending = pending.length === 0 ? text : pending + text;
      if (!parse) {
        const newline = sniffNewline(pending);
        if (newline === null) {
          if (pending.length > MAX_RECORD_CHARS) {
            throw new CargaError(msg('file.record-too-large', { row: line, limit: MAX_RECORD_LABEL }));
          }
          continue;
        }
        parse = createCsvParser(dialect.delimiter, newline);
        lineBreak = newline === '\r' ? '\r' : '\n';
      }
      const { chunk, failure } = consume(false);
      if (chunk) yield chunk;
      if (failure) throw failure;
    }
    utf8?.end();
    pending += decoder.end();
    if (!parse) {
      // The whole file is one line (or none); a trailing CR alone is its line break.
      const newline = sniffNewline(`${pending}\n`) ?? '\n';
      parse = createCsvParser(dialect.delimiter, newline);
      lineBreak = newline === '\r' ? '\r' : '\n';
    }
    const { chunk, failure } = consume(true);
    if (chunk) yield chunk;
    if (failure) throw failure;
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw fileSystemError(path, error, 'read');
  } finally {
    stream.destroy();
  }
}

function quotedBreaks(cells: readonly string[], lineBreak: string): number {
  let count = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf(lineBreak); at !== -1; at = cell.indexOf(lineBreak, at + 1)) count++;
  }
  return count;
}

/**
 * Fills `lines` with the line each record starts on, telling record ends from quoted line breaks
 * by the parity of the quotes before each break (an escaped `""` counts twice). Touches only the
 * breaks and quotes, not every cell. False when the breaks outside quotes do not match the
 * records the parser found.
 */
function linesByQuoteParity(text: string, end: number, lineBreak: string, firstLine: number, lines: number[], terminated: number): boolean {
  let line = firstLine;
  let record = 0;
  let inQuotes = false;
  let quote = text.indexOf('"');
  if (lines.length > 0) lines[0] = firstLine;
  for (let at = text.indexOf(lineBreak); at !== -1 && at < end; at = text.indexOf(lineBreak, at + 1)) {
    while (quote !== -1 && quote < at) {
      inQuotes = !inQuotes;
      quote = text.indexOf('"', quote + 1);
    }
    line++;
    if (!inQuotes) {
      record++;
      if (record < lines.length) lines[record] = line;
    }
  }
  return record === terminated;
}
