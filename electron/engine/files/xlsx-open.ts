import { basename } from 'node:path';

import type { FileInfo, FileOptions } from '../../../shared/contract';
import { CargaError, isCargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';
import { nameColumns } from './column-names';
import { PREVIEW_ROWS } from './file-limits';
import { findHeaderRecord, isBlankRecord } from './header-row';
import { shapeCells } from './shape-row';
import { scientificText } from './xlsx-cell-text';
import { readSheet, type SheetChoice, type XlsxRow } from './xlsx-sheet';

/** Rows read from the top of the sheet to find the header and fill the preview. */
const HEAD_ROWS = 200;

export async function openXlsx(path: string, size: number, options: FileOptions): Promise<FileInfo> {
  const name = basename(path);
  let choice: SheetChoice = { sheets: [], sheet: '' };
  const rows: XlsxRow[] = [];
  let complete = true;
  let problem: Message | null = null;
  try {
    for await (const row of readSheet(path, options.sheet ?? null, (c) => (choice = c))) {
      rows.push(row);
      if (rows.length >= HEAD_ROWS) {
        complete = false;
        break;
      }
    }
  } catch (error) {
    if (!isCargaError(error) || rows.length === 0) throw error;
    problem = error.detail;
  }

  const base = {
    path,
    name,
    size,
    kind: 'xlsx',
    encoding: null,
    bom: false,
    delimiter: null,
    ...choice,
    rowCount: null,
  } as const;
  const records = rows.map((r) => r.cells);
  let header: number;
  if (options.headerRow !== undefined) {
    const line = options.headerRow + 1;
    header = rows.findIndex((r) => r.number === line);
    if (header < 0 || isBlankRecord(records[header]!))
      throw new CargaError(msg('file.header-row-not-found', { line }));
  } else {
    header = findHeaderRecord(records);
    if (header < 0) {
      return {
        ...base,
        headerRow: 0,
        headers: [],
        columns: [],
        preview: [],
        warnings: [msg('file.sheet-empty', { sheet: choice.sheet })],
      };
    }
  }

  const sample = rows
    .slice(header + 1)
    .filter((r) => !isBlankRecord(r.cells))
    .slice(0, PREVIEW_ROWS);
  const {
    headers,
    columns,
    warnings: naming,
  } = nameColumns(
    records[header]!,
    sample.map((r) => r.cells),
  );
  const preview = sample.map((r) => {
    shapeCells(r.cells, columns.length, r.number, false);
    return Object.fromEntries(columns.map((column, c) => [column, r.cells[c]!]));
  });

  const warnings: Message[] = [];
  if (records.slice(0, header).some((cells) => !isBlankRecord(cells))) {
    warnings.push(msg('file.header-below-title', { line: rows[header]!.number }));
  }
  warnings.push(...naming, ...numberWarnings(sample, columns));
  if (complete && !problem && sample.length === 0) warnings.push(msg('file.no-data-rows'));
  if (problem) warnings.push(problem);

  return {
    ...base,
    headerRow: rows[header]!.number - 1,
    headers,
    columns,
    preview,
    previewRows: sample.map((r) => r.number),
    warnings,
  };
}

/** One warning per column and kind, with the first value as the example. */
function numberWarnings(sample: readonly XlsxRow[], columns: readonly string[]): Message[] {
  const seen = new Set<string>();
  const warnings: Message[] = [];
  for (const row of sample) {
    for (const { column, note, value } of row.notes ?? []) {
      const key = `${note}:${column}`;
      if (column >= columns.length || seen.has(key)) continue;
      seen.add(key);
      const code = note === 'scientific' ? 'file.xlsx-scientific' : 'file.xlsx-digits-lost';
      const example =
        note === 'scientific' ? `${scientificText(value)} → ${row.cells[column]!}` : row.cells[column]!;
      warnings.push(msg(code, { column: columns[column]!, example }));
    }
  }
  return warnings;
}
