import { resolve } from 'node:path';

import type { Delimiter, FileInfo, Lang, Message } from '../../shared/contract';
import { formatMessage, msg, type MessageCode } from '../../shared/messages/catalog';
import { countRows } from '../engine/files/count-rows';
import { openFile } from '../engine/files/open-file';
import { EXIT } from './command';
import { INSPECT } from './command-specs';
import { fileOptionsFromFlags } from './file-flags';
import { commandOf, type CommandRun } from './run-command';

/** Rows of the preview table in the readable summary (the JSON carries all of FileInfo's). */
const TABLE_ROWS = 10;
const CELL_WIDTH = 24;

const DELIMITER_NAMES: Record<Delimiter, MessageCode> = {
  ',': 'file.inspect-delimiter-comma',
  ';': 'file.inspect-delimiter-semicolon',
  '\t': 'file.inspect-delimiter-tab',
  '|': 'file.inspect-delimiter-pipe',
};

/**
 * `carga inspect FILE`: what was detected in a spreadsheet, its exact number of data rows and its
 * first rows. Exit 0, or 2 on a usage error or a file that cannot be read (one line on stderr).
 */
export const runInspect: CommandRun<typeof INSPECT.flags> = async ({ flags, args: [file], io, lang }) => {
  const opened = await openFile(resolve(io.cwd, file!), fileOptionsFromFlags(flags));
  const info: FileInfo = { ...opened, rowCount: await countRows(opened) };
  io.stdout(flags.json ? renderJson(info, lang) : renderText(info, lang));
  return EXIT.ok;
};

export const inspect = commandOf(INSPECT, () => runInspect);

function renderJson(info: FileInfo, lang: Lang): string {
  const {
    path,
    name,
    kind,
    size,
    encoding,
    bom,
    delimiter,
    headerRow,
    headers,
    columns,
    sheets,
    sheet,
    rowCount,
    preview,
    previewRows,
  } = info;
  const warnings = info.warnings.map((w) => ({
    code: w.code,
    params: w.params ?? {},
    text: formatMessage(lang, w),
  }));
  return (
    JSON.stringify({
      path,
      name,
      kind,
      size,
      encoding,
      bom,
      delimiter,
      headerRow,
      headers,
      columns,
      sheets,
      sheet,
      ...(info.sheetReason ? { sheetReason: formatMessage(lang, info.sheetReason) } : {}),
      rowCount,
      preview,
      previewRows,
      warnings,
    }) + '\n'
  );
}

function renderText(info: FileInfo, lang: Lang): string {
  const text = (message: Message) => formatMessage(lang, message);
  const label = (code: MessageCode) => text(msg(code));
  const number = new Intl.NumberFormat(lang === 'es' ? 'es-CO' : 'en-US', { maximumFractionDigits: 1 });
  const lines = [
    `${label('file.inspect-label-file')}: ${info.name} (${info.kind.toUpperCase()}, ${fileSize(info.size, number)})`,
  ];
  if (info.kind === 'xlsx') {
    lines.push(
      `${label('file.inspect-label-sheet')}: ${info.sheet ?? ''}`,
      `${label('file.inspect-label-sheets')}: ${info.sheets.join(', ')}`,
    );
    if (info.sheetReason) lines.push(`  ${text(info.sheetReason)}`);
  } else {
    lines.push(
      `${label('file.inspect-label-encoding')}: ${info.encoding ?? ''}${info.bom ? ` (${label('file.inspect-label-bom')})` : ''}`,
    );
    if (info.delimiter)
      lines.push(`${label('file.inspect-label-delimiter')}: ${label(DELIMITER_NAMES[info.delimiter])}`);
  }
  const headerCode = info.kind === 'xlsx' ? 'file.inspect-header-sheet-row' : 'file.inspect-header-line';
  lines.push(
    `${label('file.inspect-label-header-line')}: ${text(msg(headerCode, { line: info.headerRow + 1, headerRow: info.headerRow }))}`,
    `${label('file.inspect-label-rows')}: ${number.format(info.rowCount ?? 0)}`,
    `${label('file.inspect-label-columns')} (${info.columns.length}): ${info.columns.join(', ')}`,
  );
  if (info.warnings.length > 0) {
    lines.push('', `${label('file.inspect-label-warnings')}:`, ...info.warnings.map((w) => `  ! ${text(w)}`));
  }
  const rows = info.preview.slice(0, TABLE_ROWS);
  lines.push('');
  if (rows.length === 0) lines.push(label('file.inspect-no-preview'));
  else
    lines.push(
      `${text(msg('file.inspect-label-preview', { count: rows.length }))}:`,
      ...table(info.columns, rows),
    );
  return lines.join('\n') + '\n';
}

function fileSize(bytes: number, number: Intl.NumberFormat): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / (1024 * 1024))} MB`;
}

/** A plain-text table: one line per row, line breaks in cells shown as ⏎, long cells cut. */
function table(columns: readonly string[], rows: readonly Record<string, string>[]): string[] {
  const shown = (value: string) => {
    const flat = value.replace(/\r\n|\r|\n/g, '⏎').replace(/\t/g, ' ');
    return flat.length > CELL_WIDTH ? `${flat.slice(0, CELL_WIDTH - 1)}…` : flat;
  };
  const grid = [columns.map(shown), ...rows.map((row) => columns.map((c) => shown(row[c] ?? '')))];
  const widths = columns.map((_, c) => Math.max(...grid.map((cells) => cells[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join(' | ')
      .trimEnd();
  return [line(grid[0]!), widths.map((w) => '-'.repeat(w)).join('-+-'), ...grid.slice(1).map(line)];
}
