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

/** What a value's button says to a screen reader: the value as shown (or that it is empty), its
 * column and row, and whether the row's explanation blames it. */
export function cellLabel(
  t: TFunction,
  cell: { value: string; column: string; row: number; failed: boolean },
): string {
  const { value, column, row, failed } = cell;
  return t(failed ? 'resultsDetail.failedCell' : 'a11y.cellValue', {
    value: value === '' ? t('a11y.emptyValue') : value,
    column,
    row,
  });
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
  return (row) => {
    let labels = known.get(row);
    if (!labels) {
      labels = labelsOf(t, lang, sheetCells, row);
      known.set(row, labels);
    }
    return labels;
  };
}

function labelsOf(t: TFunction, lang: Lang, sheetCells: SheetCellTexts, row: ResultRow): RowLabels {
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
        label = cellLabel(t, {
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
