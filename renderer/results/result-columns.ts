import type { ResultRow } from '../../shared/contract';

// Two lines of explanation in small type: at 1024×700 the grid (60% of the height) shows 8 rows.
export const ROW_HEIGHT = 44;

export interface FixedColumn {
  key: 'row' | 'outcome' | 'class' | 'explanation' | 'crmId';
  width: number;
}

export const FIXED_COLUMNS: FixedColumn[] = [
  { key: 'row', width: 80 },
  { key: 'outcome', width: 130 },
  { key: 'class', width: 150 },
  { key: 'explanation', width: 420 },
  { key: 'crmId', width: 120 },
];

export const VALUE_COLUMN_WIDTH = 180;

/** The spreadsheet's columns as the rows carry them; the file's own order when it is known. */
export function valueColumns(known: readonly string[] | null, sample: ResultRow | undefined): string[] {
  if (known && known.length > 0) return [...known];
  return sample ? Object.keys(sample.values) : [];
}

/** Only rows that did not go in can be fixed and sent again. */
export function isFixable(row: ResultRow): boolean {
  return row.outcome === 'failed' || row.outcome === 'uncertain';
}
