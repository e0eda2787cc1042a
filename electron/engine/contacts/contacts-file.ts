import { writeFileSync } from 'node:fs';

import type { ContactColumns } from '../../../shared/missing-contacts';
import type { ContactGroup } from './missing-contact-cases';

/**
 * Writes the contacts to create as a CSV the contacts import reads like any file: the chosen
 * columns under their own names, one row per contact (its first case's cells). Cells are written
 * as they are, every one quoted: this file is read by Carga, never opened as a spreadsheet, so no
 * formula neutralising (it would change a phone such as `+57 300…`).
 */
export function writeContactsFile(
  path: string,
  columns: ContactColumns,
  groups: readonly ContactGroup[],
): void {
  const chosen = Object.values(columns);
  const lines = [chosen.map(quote).join(',')];
  for (const group of groups) {
    const values = group.cases[0]?.values ?? {};
    lines.push(chosen.map((column) => quote(values[column] ?? '')).join(','));
  }
  writeFileSync(path, lines.join('\r\n') + '\r\n', { encoding: 'utf8', flag: 'wx' });
}

function quote(cell: string): string {
  return `"${cell.replace(/"/g, '""')}"`;
}
