import type { FileInfo } from '../../../shared/contract';
import { readCsvRecords, type CsvReadOptions, type RecordChunk } from './csv-records';
import { readSheet } from './xlsx-sheet';

/** XLSX rows handed on together: exceljs yields them one by one. */
const XLSX_CHUNK_ROWS = 256;

/** Every record of the file `info` describes, from its first line or sheet row (title and
 * header included), for readRows and countRows to agree on what a data row is. A CSV may be read
 * from a record's position on (`start`) and say where each chunk ends (`track`); a workbook is
 * always read whole and says nothing of positions. */
export function fileRecords(
  info: FileInfo,
  options: Pick<CsvReadOptions, 'signal' | 'bytes' | 'start' | 'track'> = {},
): AsyncGenerator<RecordChunk> {
  if (info.kind === 'xlsx') return sheetRecords(info);
  return readCsvRecords(
    info.path,
    { encoding: info.encoding ?? 'utf-8', delimiter: info.delimiter ?? ',' },
    options,
  );
}

async function* sheetRecords(info: FileInfo): AsyncGenerator<RecordChunk> {
  let chunk: RecordChunk = { rows: [], lines: [], flagged: null };
  for await (const row of readSheet(info.path, info.sheet)) {
    chunk.rows.push(row.cells);
    chunk.lines.push(row.number);
    if (chunk.rows.length >= XLSX_CHUNK_ROWS) {
      yield chunk;
      chunk = { rows: [], lines: [], flagged: null };
    }
  }
  if (chunk.rows.length > 0) yield chunk;
}
