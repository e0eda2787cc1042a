/** A cell of a keyboard-navigable grid: row ordinal and column position, both from 0. */
export interface GridCell {
  row: number;
  column: number;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/**
 * Where a key moves the active cell of a grid (WAI-ARIA grid pattern): arrows by one, Home and
 * End to the row's ends (with Ctrl, the grid's), Page Up and Down by `page` rows. Null for a
 * key that does not move.
 */
export function gridMove(
  key: string,
  ctrl: boolean,
  from: GridCell,
  size: { rows: number; columns: number; page: number },
): GridCell | null {
  const at = (row: number, column: number): GridCell => ({
    row: clamp(row, 0, size.rows - 1),
    column: clamp(column, 0, size.columns - 1),
  });
  switch (key) {
    case 'ArrowUp':
      return at(from.row - 1, from.column);
    case 'ArrowDown':
      return at(from.row + 1, from.column);
    case 'ArrowLeft':
      return at(from.row, from.column - 1);
    case 'ArrowRight':
      return at(from.row, from.column + 1);
    case 'Home':
      return ctrl ? at(0, 0) : at(from.row, 0);
    case 'End':
      return ctrl ? at(size.rows - 1, size.columns - 1) : at(from.row, size.columns - 1);
    case 'PageUp':
      return at(from.row - size.page, from.column);
    case 'PageDown':
      return at(from.row + size.page, from.column);
    default:
      return null;
  }
}
