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
import { openWorkbook, sheetRows, type OpenedWorkbook, type XlsxRow } from './xlsx-sheet';
import type { WorkbookSheet } from './xlsx-workbook';

/** Rows read from the top of the sheet to find the header and fill the preview. */
const HEAD_ROWS = 200;

/** The top of one sheet: enough rows to find its header and fill the preview. */
interface SheetHead {
  sheet: WorkbookSheet;
  rows: XlsxRow[];
  /** False when the sheet goes on past HEAD_ROWS. */
  complete: boolean;
  /** Why reading stopped early (a damaged part after some good rows). */
  problem: Message | null;
}

async function readHead(opened: OpenedWorkbook, sheet: WorkbookSheet): Promise<SheetHead> {
  const rows: XlsxRow[] = [];
  let complete = true;
  let problem: Message | null = null;
  try {
    for await (const row of sheetRows(opened, sheet)) {
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
  return { sheet, rows, complete, problem };
}

/** Data rows under a header-like row (two or more filled cells): a "Read me" sheet of single
 * lines of text scores 0, whatever its length. */
function dataRows(head: SheetHead): number {
  const records = head.rows.map((r) => r.cells);
  const header = findHeaderRecord(records);
  if (header < 0) return 0;
  if (records[header]!.filter((cell) => cell.trim() !== '').length < 2) return 0;
  return records.slice(header + 1).filter((cells) => !isBlankRecord(cells)).length;
}

/**
 * The sheet to open when the operator names none: among the visible sheets, the one with the most
 * data rows under a header-like row (the first one on a tie, and when none has any), with the
 * reason the File step and `inspect` show when the workbook has several sheets to choose from.
 */
async function chooseSheet(opened: OpenedWorkbook): Promise<{ head: SheetHead; reason: Message | null }> {
  const { sheets } = opened.workbook;
  const visible = sheets.filter((s) => s.visible && s.entry);
  const candidates = visible.length > 0 ? visible : [sheets[0]!];
  if (candidates.length === 1) return { head: await readHead(opened, candidates[0]!), reason: null };
  let best: { head: SheetHead; rows: number } | null = null;
  /** The most data rows of any sheet but the best: a tie has no reason to give. */
  let runnerUp = 0;
  for (const sheet of candidates) {
    let head: SheetHead;
    try {
      head = await readHead(opened, sheet);
    } catch (error) {
      // A damaged sheet the operator did not ask for must not stop the workbook from opening.
      if (isCargaError(error) && best) continue;
      throw error;
    }
    const rows = dataRows(head);
    if (!best || rows > best.rows) {
      if (best) runnerUp = Math.max(runnerUp, best.rows);
      best = { head, rows };
    } else runnerUp = Math.max(runnerUp, rows);
  }
  const { head, rows } = best!;
  if (rows <= runnerUp) return { head, reason: null };
  const others = candidates.filter((s) => s !== head.sheet).map((s) => s.name);
  return {
    head,
    reason: msg('file.sheet-chosen', {
      sheet: head.sheet.name,
      rows: head.complete ? String(rows) : `${rows}+`,
      others: others.join(', '),
    }),
  };
}

export async function openXlsx(path: string, size: number, options: FileOptions): Promise<FileInfo> {
  const name = basename(path);
  const opened = await openWorkbook(path);
  const names = opened.workbook.sheets.map((s) => s.name);
  let head: SheetHead;
  let sheetReason: Message | null = null;
  if (options.sheet === undefined) {
    ({ head, reason: sheetReason } = await chooseSheet(opened));
  } else {
    const wanted = opened.workbook.sheets.find((s) => s.name === options.sheet);
    if (!wanted)
      throw new CargaError(msg('file.sheet-not-found', { sheet: options.sheet, sheets: names.join(', ') }));
    head = await readHead(opened, wanted);
  }
  const { rows, complete, problem } = head;
  const choice = { sheets: names, sheet: head.sheet.name };

  const base = {
    path,
    name,
    size,
    kind: 'xlsx',
    encoding: null,
    bom: false,
    delimiter: null,
    ...choice,
    ...(sheetReason ? { sheetReason } : {}),
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
