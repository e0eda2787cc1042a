import type { ParseArgsConfig } from 'node:util';
import type { Delimiter, Encoding, FileOptions } from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { msg } from '../../shared/messages/catalog';

/** Overrides of what was detected in the file. */
export const FILE_FLAGS = {
  sheet: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  'header-row': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];
const DELIMITERS: Record<string, Delimiter> = { ',': ',', ';': ';', '\t': '\t', tab: '\t', '|': '|' };

export function fileOptionsFromFlags(flags: { sheet?: string; encoding?: string; delimiter?: string; 'header-row'?: string }): FileOptions {
  const options: FileOptions = {};
  if (flags.sheet) options.sheet = flags.sheet;
  if (flags.encoding) {
    const encoding = ENCODINGS.find((e) => e === flags.encoding?.toLowerCase());
    if (!encoding) throw new CargaError(msg('file.inspect-bad-value', { option: '--encoding', value: flags.encoding, allowed: ENCODINGS.join(', ') }));
    options.encoding = encoding;
  }
  if (flags.delimiter) {
    const delimiter = DELIMITERS[flags.delimiter];
    if (!delimiter) throw new CargaError(msg('file.inspect-bad-value', { option: '--delimiter', value: flags.delimiter, allowed: '",", ";", tab, "|"' }));
    options.delimiter = delimiter;
  }
  if (flags['header-row'] !== undefined) {
    const row = Number(flags['header-row']);
    if (!Number.isInteger(row) || row < 0) throw new CargaError(msg('cli.bad-number', { flag: '--header-row', value: flags['header-row'] }));
    options.headerRow = row;
  }
  return options;
}
