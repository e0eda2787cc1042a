import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Delimiter, FileInfo, Lang, Message } from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { LANGS, langFromLocale } from '../../shared/lang';
import { formatMessage, msg } from '../../shared/messages/catalog';
import type { MessageCode } from '../../shared/messages/catalog';
import { countRows } from '../engine/files/count-rows';
import { openFile } from '../engine/files/open-file';
import { langFromArgs } from './cli-lang';
import { reportingErrors } from './cli-errors';
import { EXIT, type Command } from './command';
import { fileOptionsFromFlags, FILE_FLAGS } from './file-flags';

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
 * `carga inspect FILE [--sheet NAME] [--encoding E] [--delimiter D] [--header-row N] [--json]
 * [--lang es|en]`: what was detected in a spreadsheet, its exact number of data rows and its
 * first rows. Exit 0, or 2 on a usage error or a file that cannot be read (one line on stderr).
 */
export const inspect: Command = async (args, io) => {
  const lang = langFromArgs(args) ?? langFromLocale(io.env.LANG);
  return reportingErrors(io, lang, async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...FILE_FLAGS, json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout(formatMessage(lang, msg('file.inspect-usage')) + '\n');
      return EXIT.ok;
    }
    if (values.lang !== undefined && !(LANGS as readonly string[]).includes(values.lang)) {
      throw new CargaError(msg('file.inspect-bad-value', { option: '--lang', value: values.lang, allowed: LANGS.join(', ') }));
    }
    const [file, extra] = positionals;
    if (file === undefined) throw new CargaError(msg('file.inspect-missing-file'));
    if (extra !== undefined) throw new CargaError(msg('file.inspect-extra-argument', { argument: extra }));

    const opened = await openFile(resolve(io.cwd, file), fileOptionsFromFlags(values));
    const info: FileInfo = { ...opened, rowCount: await countRows(opened) };
    io.stdout(values.json ? renderJson(info, lang) : renderText(info, lang));
    return EXIT.ok;
  });
};

function renderJson(info: FileInfo, lang: Lang): string {
  const { path, name, kind, size, encoding, bom, delimiter, headerRow, headers, columns, sheets, sheet, rowCount, preview } = info;
  const warnings = info.warnings.map((w) => ({ code: w.code, params: w.params ?? {}, text: formatMessage(lang, w) }));
  return JSON.stringify({ path, name, kind, size, encoding, bom, delimiter, headerRow, headers, columns, sheets, sheet, rowCount, preview, warnings }) + '\n';
}

function renderText(info: FileInfo, lang: Lang): string {
  const text = (message: Message) => formatMessage(lang, message);
  const label = (code: MessageCode) => text(msg(code));
  const number = new Intl.NumberFormat(lang === 'es' ? 'es-CO' : 'en-US', { maximumFractionDigits: 1 });
  const lines = [`${label('file.inspect-label-file')}: ${info.name} (${info.kind.toUpperCase()}, ${fileSize(info.size, number)})`];
  if (info.kind === 'xlsx') {
    lines.push(`${label('file.inspect-label-sheet')}: ${info.sheet ?? ''}`, `${label('file.inspect-label-sheets')}: ${info.sheets.join(', ')}`);
  } else {
    lines.push(`${label('file.inspect-label-encoding')}: ${info.encoding ?? ''}${info.bom ? ` (${label('file.inspect-label-bom')})` : ''}`);
    if (info.delimiter) lines.push(`${label('file.inspect-label-delimiter')}: ${label(DELIMITER_NAMES[info.delimiter])}`);
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
  else lines.push(`${text(msg('file.inspect-label-preview', { count: rows.length }))}:`, ...table(info.columns, rows));
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
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ').trimEnd();
  return [line(grid[0]!), widths.map((w) => '-'.repeat(w)).join('-+-'), ...grid.slice(1).map(line)];
}
