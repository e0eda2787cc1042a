import { msg } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';

export interface NamedColumns {
  /** Header cells as written, one per column kept. */
  headers: string[];
  /** Unique, non-blank names (trimmed). */
  columns: string[];
  warnings: Message[];
}

/**
 * Names the columns of a header. Blank trailing header cells are dropped when no sample row has
 * data under them (Excel pads rows to the width of anything ever typed on the sheet); a blank
 * name elsewhere becomes `column_N` (N is its 1-based position), a repeated one `Name (2)`,
 * `Name (3)`: the same file always gets the same names, and each renaming is reported.
 */
export function nameColumns(
  headerCells: readonly string[],
  sampleRows: readonly (readonly string[])[],
): NamedColumns {
  let width = headerCells.length;
  while (
    width > 0 &&
    headerCells[width - 1]!.trim() === '' &&
    sampleRows.every((row) => (row[width - 1] ?? '').trim() === '')
  ) {
    width--;
  }
  const headers = headerCells.slice(0, width);
  const taken = new Set(headers.map((h) => h.trim()).filter((h) => h !== ''));
  const used = new Set<string>();
  const columns: string[] = [];
  const warnings: Message[] = [];
  headers.forEach((cell, i) => {
    const position = i + 1;
    const trimmed = cell.trim();
    if (trimmed === '') {
      const column = unique(`column_${position}`, taken, used);
      warnings.push(msg('file.header-blank', { position, column }));
      columns.push(column);
    } else if (used.has(trimmed)) {
      const column = unique(trimmed, taken, used);
      warnings.push(msg('file.header-duplicate', { header: trimmed, position, column }));
      columns.push(column);
    } else {
      columns.push(trimmed);
    }
    used.add(columns[i]!);
  });
  return { headers, columns, warnings };
}

/** `base` if free, else `base (2)`, `base (3)`…, never a name the header itself uses elsewhere. */
function unique(base: string, taken: ReadonlySet<string>, used: ReadonlySet<string>): string {
  if (!taken.has(base) && !used.has(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name) && !used.has(name)) return name;
  }
}
