import { basename } from 'node:path';

import type { Encoding, FileInfo, FileOptions } from '../../../shared/contract';
import { CargaError, isCargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';
import { nameColumns } from './column-names';
import { readCsvRecords, type CsvDialect } from './csv-records';
import { offendingPlace, scanEncoding, scannedEncoding } from './encoding-scan';
import { HEAD_BYTES, PREVIEW_ROWS } from './file-limits';
import { findHeaderRecord, isBlankRecord } from './header-row';
import { looksBinary } from './looks-binary';
import { sniffNewline } from './newline';
import { shapeCells } from './shape-row';
import { separatorLine, sniffDelimiter } from './sniff-delimiter';
import { detectBom, sniffEncoding } from './sniff-encoding';
import { createDecoder } from './text-decoding';

/** Records read from the top of the file to find the header and fill the preview. */
const HEAD_RECORDS = 200;
/** Pieces of HEAD_BYTES read at most for them (rows of a few kilobytes each). */
const HEAD_PIECES = 4;

interface HeadRecords {
  rows: string[][];
  lines: number[];
  /** The whole file was read. */
  complete: boolean;
  /** Why reading stopped early, when the file breaks after its first rows. */
  problem: Message | null;
}

export async function openCsv(
  path: string,
  size: number,
  head: Uint8Array,
  readAt: (position: number, length: number) => Promise<Uint8Array>,
  options: FileOptions,
): Promise<FileInfo> {
  const name = basename(path);
  const isWholeFile = head.length >= size;
  const bom = detectBom(head);
  const headText = (encoding: Encoding): string => {
    const decoder = createDecoder(encoding);
    return decoder.write(Buffer.from(head.subarray(bom?.length ?? 0))) + (isWholeFile ? decoder.end() : '');
  };
  let encoding = options.encoding ?? (await sniffEncoding(head, size, readAt));
  let sample = headText(encoding);
  if (looksBinary(sample)) throw new CargaError(msg('file.binary', { name }));
  // The head decides little: a file is only UTF-8 if all of it is, and may mix in the other.
  let mixed: Message | null = null;
  if (encoding === 'utf-8' || encoding === 'windows-1252') {
    const scan = await scanEncoding(path, bom?.length ?? 0);
    const found = scannedEncoding(scan);
    if (options.encoding === undefined && !bom && found !== encoding) {
      encoding = found;
      sample = headText(encoding);
    }
    const place = offendingPlace(scan, encoding);
    if (place)
      mixed = msg('file.mixed-encoding', {
        encoding: encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252',
        ...place,
      });
  }

  const declared = separatorLine(sample);
  let delimiter = options.delimiter ?? declared;
  if (!delimiter) {
    const newline = sniffNewline(isWholeFile ? `${sample}\n` : sample) ?? '\n';
    delimiter = sniffDelimiter(sample, newline, isWholeFile);
  }
  const dialect: CsvDialect = { encoding, delimiter };
  const records = await readHeadRecords(path, dialect);
  const { rows, lines } = records;

  // An Excel `sep=` line is not a title: never the header, never reported as skipped.
  const first = declared && lines[0] === 0 ? 1 : 0;
  let header: number;
  if (options.headerRow !== undefined) {
    const line = options.headerRow + 1;
    header = lines.indexOf(line);
    if (header < 0 || isBlankRecord(rows[header]!))
      throw new CargaError(msg('file.header-row-not-found', { line }));
  } else {
    const found = findHeaderRecord(rows.slice(first));
    if (found < 0) {
      if (records.problem) throw new CargaError(records.problem);
      throw new CargaError(msg('file.empty', { name }));
    }
    header = first + found;
  }

  const sampleIndexes: number[] = [];
  for (let i = header + 1; i < rows.length && sampleIndexes.length < PREVIEW_ROWS; i++) {
    if (!isBlankRecord(rows[i]!)) sampleIndexes.push(i);
  }
  const {
    headers,
    columns,
    warnings: naming,
  } = nameColumns(
    rows[header]!,
    sampleIndexes.map((i) => rows[i]!),
  );
  const preview = sampleIndexes.map((i) => {
    const cells = rows[i]!;
    shapeCells(cells, columns.length, lines[i]!, true);
    return Object.fromEntries(columns.map((column, c) => [column, cells[c]!]));
  });

  const warnings: Message[] = mixed ? [mixed] : [];
  if (rows.slice(first, header).some((cells) => !isBlankRecord(cells))) {
    warnings.push(msg('file.header-below-title', { line: lines[header]! }));
  }
  warnings.push(...naming);
  if (records.complete && !records.problem && sampleIndexes.length === 0)
    warnings.push(msg('file.no-data-rows'));
  if (records.problem) warnings.push(records.problem);

  return {
    path,
    name,
    size,
    kind: 'csv',
    encoding,
    bom: bom !== null,
    delimiter,
    headerRow: lines[header]! - 1,
    headers,
    columns,
    sheets: [],
    sheet: null,
    preview,
    previewRows: sampleIndexes.map((i) => lines[i]!),
    rowCount: null,
    warnings,
  };
}

/** The first records, through the same reader `readRows` uses, so lines and records agree. A
 * file that breaks after its first rows still opens (the break becomes a warning, and reading
 * all rows reports it again); one that breaks before any row does not. */
async function readHeadRecords(path: string, dialect: CsvDialect): Promise<HeadRecords> {
  const head: HeadRecords = { rows: [], lines: [], complete: true, problem: null };
  let pieces = 0;
  try {
    for await (const chunk of readCsvRecords(path, dialect, { chunkBytes: HEAD_BYTES })) {
      head.rows.push(...chunk.rows);
      head.lines.push(...chunk.lines);
      if (head.rows.length >= HEAD_RECORDS || ++pieces >= HEAD_PIECES) {
        head.complete = false;
        break;
      }
    }
  } catch (error) {
    if (!isCargaError(error) || head.rows.length === 0) throw error;
    head.problem = error.detail;
  }
  return head;
}
