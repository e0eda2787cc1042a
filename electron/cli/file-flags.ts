import type { Delimiter, FileOptions } from '../../shared/contract';
import type { FILE_FLAGS, FlagValues } from './flags';

const DELIMITERS: Record<(typeof FILE_FLAGS)['delimiter']['choices'][number], Delimiter> = {
  ',': ',',
  ';': ';',
  tab: '\t',
  '|': '|',
};

/** The file overrides given as flags (already checked against their choices). */
export function fileOptionsFromFlags(flags: FlagValues<typeof FILE_FLAGS>): FileOptions {
  const options: FileOptions = {};
  if (flags.sheet) options.sheet = flags.sheet;
  if (flags.encoding) options.encoding = flags.encoding;
  if (flags.delimiter) options.delimiter = DELIMITERS[flags.delimiter];
  if (flags['header-row'] !== undefined) options.headerRow = flags['header-row'];
  return options;
}
