import type { TFunction } from 'i18next';

import type { ResultRow } from '../../shared/contract';
import { failureSource, type FailureSource } from '../../shared/errors/failure-source';
import type { Lang } from '../../shared/lang';
import { failureClassLabel, outcomeLabel } from '../app/kind-labels';
import type { SheetCellTexts } from '../app/sheet-cells';

/** What one row of the grid says, in the operator's language. */
export interface RowLabels {
  /** The row number's button: opens the row beside the list. */
  open: string;
  outcome: string;
  failureClass: string;
  explanation: string;
  /** Who gave the explanation (Carga's check, the CRM, the connection), and its lead-in. */
  source: FailureSource | null;
  sourceLead: string;
  /** Each value's button, by column. */
  cell(column: string): string;
}

/** A value's cell, as its button's label speaks of it. */
export interface LabelledCell {
  value: string;
  column: string;
  row: number;
  failed: boolean;
}

/** Markers no translation holds, standing in for a cell's value, column and row. */
const BLANKS = { value: '\ue000value\ue000', column: '\ue000column\ue000', row: '\ue000row\ue000' };
const BLANK = /\ue000(value|column|row)\ue000/;

/**
 * What a value's button says to a screen reader: the value as shown (or that it is empty), its
 * column and row, and whether the row's explanation blames it. Each text is translated once,
 * with markers in its blanks, and filled per cell by plain joins: i18next's interpolation, once
 * for every cell of every row scrolled into view, was a tenth of a fast scroll's script.
 */
export function cellLabeller(t: TFunction): (cell: LabelledCell) => string {
  const empty = t('a11y.emptyValue');
  const plain = t('a11y.cellValue', BLANKS).split(BLANK);
  const blamed = t('resultsDetail.failedCell', BLANKS).split(BLANK);
  return (cell) => {
    // Split on a capturing group: texts at even places, the blanks' names at odd ones.
    const parts = cell.failed ? blamed : plain;
    let label = parts[0] ?? '';
    for (let i = 1; i < parts.length; i += 2) {
      const blank = parts[i] as keyof LabelledCell;
      label += blank === 'value' && cell.value === '' ? empty : String(cell[blank]);
      label += parts[i + 1] ?? '';
    }
    return label;
  };
}

/**
 * The labels of each row, worked out once per row and language rather than at every render of a
 * row scrolled into view: i18next's lookups and interpolation, a dozen per row, were a large
 * part of what a fast scroll spent. A row changed by a fix is a new object, so it is labelled again.
 */
export function rowLabeller(
  t: TFunction,
  lang: Lang,
  sheetCells: SheetCellTexts,
): (row: ResultRow) => RowLabels {
  const known = new WeakMap<ResultRow, RowLabels>();
  const cellLabel = cellLabeller(t);
  return (row) => {
    let labels = known.get(row);
    if (!labels) {
      labels = labelsOf(t, lang, sheetCells, cellLabel, row);
      known.set(row, labels);
    }
    return labels;
  };
}

function labelsOf(
  t: TFunction,
  lang: Lang,
  sheetCells: SheetCellTexts,
  cellLabel: (cell: LabelledCell) => string,
  row: ResultRow,
): RowLabels {
  const source = row.failureClass ? failureSource(row.failureClass, row.code ?? '') : null;
  const cells = new Map<string, string>();
  return {
    open: t('resultsDetail.open', { row: row.row }),
    outcome: outcomeLabel(lang, row.outcome),
    failureClass: row.failureClass ? failureClassLabel(lang, row.failureClass) : '',
    explanation: row.explanation ? sheetCells.message(row.explanation) : (row.message ?? ''),
    source,
    sourceLead: source ? t(`resultsDetail.sourceLead.${source}`) : '',
    cell(column) {
      let label = cells.get(column);
      if (label === undefined) {
        label = cellLabel({
          value: sheetCells.cell(row.values[column] ?? ''),
          column,
          row: row.row,
          failed: row.failedColumn === column,
        });
        cells.set(column, label);
      }
      return label;
    },
  };
}
