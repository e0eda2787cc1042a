import { HEADER_SCAN_ROWS } from './file-limits';

function filledCells(cells: readonly string[]): number {
  let filled = 0;
  for (const cell of cells) if (cell.trim() !== '') filled++;
  return filled;
}

/**
 * Index of the header among the first records: the first one with most of its cells filled,
 * measured against the fullest record near the top. Title lines above a header ("Reporte de
 * casos - Noviembre", "Generado: 01/11/2026") fill one or two cells, even when Excel pads them
 * with delimiters to the table's width. -1 when every record is blank.
 */
export function findHeaderRecord(records: readonly (readonly string[])[]): number {
  const scanned = records.slice(0, HEADER_SCAN_ROWS).map(filledCells);
  const fullest = Math.max(0, ...scanned);
  if (fullest === 0) return -1;
  const needed = fullest === 1 ? 1 : Math.max(2, Math.ceil(fullest * 0.6));
  return scanned.findIndex((filled) => filled >= needed);
}

/** Whether a record has no data at all (blank lines, `;;;;` rows Excel leaves below a table). */
export function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.length > 0 && cell.trim() !== '') return false;
  return true;
}
