import { Badge, Box, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';

import type { ResultRow, RowOutcome } from '../../shared/contract';
import { useSheetCells, type SheetCellTexts } from '../app/sheet-cells';
import { useLang } from '../i18n/use-lang';
import { EditableCell } from './EditableCell';
import { clamp, gridMove, type GridCell } from './grid-keys';
import { FIXED_COLUMNS, isFixable, ROW_HEIGHT, VALUE_COLUMN_WIDTH, valueColumns } from './result-columns';
import type { ResultPager } from './result-pager';
import { rowLabeller, type RowLabels } from './row-labels';
import { RowPanel } from './RowPanel';

const HEADER_HEIGHT = 44;
/** Rows Page Up and Page Down move by. */
const PAGE_ROWS = 10;
const MIN_HEIGHT = 160;
const MAX_HEIGHT = 560;
/** Joins column names into one comparable key; no header holds it. */
const COLUMN_SEPARATOR = '\u0000';

const OUTCOME_COLORS: Record<RowOutcome, string> = {
  ok: 'teal',
  failed: 'red',
  uncertain: 'yellow',
  pending: 'gray',
  sending: 'blue',
  skipped: 'gray',
};
/** The colours of Mantine's light badge, on a plain element (see .carga-outcome). */
const OUTCOME_STYLES = Object.fromEntries(
  Object.entries(OUTCOME_COLORS).map(([outcome, color]) => [
    outcome,
    { background: `var(--mantine-color-${color}-light)`, color: `var(--mantine-color-${color}-light-color)` },
  ]),
) as Record<RowOutcome, CSSProperties>;

interface ResultsTableProps {
  pager: ResultPager;
  /** The file's columns when the wizard knows them (else taken from the rows). */
  columns: readonly string[] | null;
  onFix: (row: ResultRow, column: string, value: string) => Promise<void>;
}

/**
 * A virtualized grid: only the rows in view (plus a few) are in the DOM, and only their pages
 * are fetched, so 100,000 failed rows scroll as smoothly as ten.
 */
export const ResultsTable = memo(function ResultsTable({ pager, columns, onFix }: ResultsTableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const sheetCells = useSheetCells();
  const labelsOf = useMemo(() => rowLabeller(t, lang, sheetCells), [t, lang, sheetCells]);
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The journal index of the row whose details are open. */
  const [details, setDetails] = useState<number | null>(null);
  useSyncExternalStore(pager.subscribe, pager.getVersion);
  const total = pager.total ?? 0;

  // TanStack Virtual keeps its own mutable state; the compiler is told not to memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // A scroll renders with React's next commit, not synchronously inside the scroll event: at
    // a fling's speed, a synchronous render at every event was most of each frame's script.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? pager.pageSize - 1;

  useEffect(() => {
    pager.ensure(first, last);
    pager.prefetch(first, last);
  }, [pager, first, last]);

  useEffect(() => {
    // Another filter is another list: start it from the top.
    virtualizer.scrollToOffset(0);
  }, [pager, virtualizer]);

  // The same list while the columns stay the same, so rows already drawn need not draw again.
  const columnsKey = valueColumns(columns, pager.rowAt(first)).join(COLUMN_SEPARATOR);
  const shownColumns = useMemo(
    () => (columnsKey === '' ? [] : columnsKey.split(COLUMN_SEPARATOR)),
    [columnsKey],
  );
  const width =
    FIXED_COLUMNS.reduce((sum, column) => sum + column.width, 0) + shownColumns.length * VALUE_COLUMN_WIDTH;
  const headers: { key: string; label: string; width: number }[] = [
    ...FIXED_COLUMNS.map((column) => ({
      key: column.key,
      label: t(`results.columns.${column.key}`),
      width: column.width,
    })),
    ...shownColumns.map((column) => ({ key: `value:${column}`, label: column, width: VALUE_COLUMN_WIDTH })),
  ];

  const helpId = useId();
  const columnCount = headers.length;
  /** The cell that holds the grid's Tab stop, by row ordinal and column position. */
  const [active, setActive] = useState<GridCell>({ row: 0, column: 0 });
  const focusPending = useRef(false);
  const activeDrawn = items.some(
    (item) => item.index === active.row && pager.rowAt(item.index) !== undefined,
  );

  const focusCell = (cell: GridCell) => {
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${cell.row}:${cell.column}"]`);
    if (!element) return;
    focusPending.current = false;
    element.focus({ preventScroll: true });
  };

  const moveTo = (cell: GridCell) => {
    const next = { row: clamp(cell.row, 0, total - 1), column: clamp(cell.column, 0, columnCount - 1) };
    focusPending.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next.row);
    focusCell(next);
  };

  useEffect(() => {
    // A cell scrolled into view after a move is drawn one render later: focus it then.
    if (focusPending.current) focusCell(active);
  });

  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    // Keys typed in a cell's text box are the text box's.
    if (target.tagName === 'INPUT' || total === 0) return;
    const move = gridMove(event.key, event.ctrlKey || event.metaKey, active, {
      rows: total,
      columns: columnCount,
      page: PAGE_ROWS,
    });
    if (move) {
      event.preventDefault();
      moveTo(move);
      return;
    }
    if (
      (event.key === 'Enter' || event.key === 'F2' || event.key === ' ') &&
      target.dataset.cell !== undefined
    ) {
      const control = target.querySelector<HTMLElement>('button');
      if (control) {
        event.preventDefault();
        control.click();
      }
    }
  };

  const loadingText = t('results.loadingRow');
  const detailsRow = details === null ? null : (pager.findRow(details) ?? null);
  // As tall as its rows, up to a screenful: a short list leaves no empty box behind.
  const height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, HEADER_HEIGHT + total * ROW_HEIGHT));

  const closeDetails = () => {
    setDetails(null);
    // Back to where the operator was in the list.
    focusCell(active);
  };

  return (
    <>
      <div className="carga-results-layout">
        <Box
          ref={scrollRef}
          style={{ height }}
          className="carga-grid"
          role="grid"
          aria-label={t('results.tableLabel')}
          aria-describedby={helpId}
          aria-rowcount={total + 1}
          aria-colcount={headers.length}
          aria-busy={pager.isLoading()}
          // The grid is one Tab stop: its active cell when drawn, else the grid itself, which
          // hands the focus on to that cell once it scrolled it into view.
          tabIndex={activeDrawn ? -1 : 0}
          onFocus={(event) => {
            if (event.target === event.currentTarget && total > 0) moveTo(active);
          }}
          onKeyDown={onGridKeyDown}
          data-testid="results-table"
          data-total={pager.total ?? undefined}
          data-virtual-viewport=""
        >
          <div role="rowgroup" className="carga-grid-head" style={{ width }}>
            <div role="row" aria-rowindex={1} className="carga-grid-row">
              {headers.map((header) => (
                <div
                  key={header.key}
                  role="columnheader"
                  className="carga-grid-cell"
                  style={{ width: header.width }}
                >
                  {header.label}
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
            {items.map((item) => {
              const row = pager.rowAt(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={
                    row && row.index === details
                      ? 'carga-grid-row carga-grid-body-row carga-row-open'
                      : 'carga-grid-row carga-grid-body-row'
                  }
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  data-testid="results-row"
                  data-row={row?.row}
                  data-outcome={row?.outcome}
                >
                  {row ? (
                    <ResultCells
                      row={row}
                      labels={labelsOf(row)}
                      rowIndex={item.index}
                      activeColumn={active.row === item.index ? active.column : null}
                      columns={shownColumns}
                      sheetCells={sheetCells}
                      onOpen={setDetails}
                      onFix={onFix}
                    />
                  ) : (
                    <div role="gridcell" className="carga-grid-cell carga-cell-loading" style={{ width }}>
                      {loadingText}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </Box>
        {detailsRow && (
          <RowPanel row={detailsRow} columns={shownColumns} onClose={closeDetails} onFix={onFix} />
        )}
      </div>
      <Text id={helpId} size="xs" c="dimmed" mt={4}>
        {t('a11y.gridHelp')} {t('resultsDetail.panelHelp')}
      </Text>
    </>
  );
});

interface ResultCellsProps {
  row: ResultRow;
  labels: RowLabels;
  /** The row's ordinal in the list, for the grid's keyboard navigation. */
  rowIndex: number;
  /** The column holding the grid's Tab stop when it is in this row. */
  activeColumn: number | null;
  columns: string[];
  sheetCells: SheetCellTexts;
  onOpen: (index: number) => void;
  onFix: (row: ResultRow, column: string, value: string) => Promise<void>;
}

/** One row's cells. Scrolling only moves rows: a row already drawn is not drawn again unless it
 * changed (a fix), so each frame draws just the rows coming into view. */
const ResultCells = memo(function ResultCells({
  row,
  labels,
  rowIndex,
  activeColumn,
  columns,
  sheetCells,
  onOpen,
  onFix,
}: ResultCellsProps) {
  const cell = (column: number, width: number | undefined) => ({
    role: 'gridcell',
    className: 'carga-grid-cell',
    style: { width },
    tabIndex: activeColumn === column ? 0 : -1,
    'data-cell': `${rowIndex}:${column}`,
  });
  return (
    <>
      <div {...cell(0, FIXED_COLUMNS[0]?.width)}>
        <button
          type="button"
          tabIndex={-1}
          className="carga-cell-button"
          onClick={() => onOpen(row.index)}
          aria-label={labels.open}
          data-testid="results-details-open"
        >
          {row.row}
        </button>
      </div>
      <div {...cell(1, FIXED_COLUMNS[1]?.width)}>
        <span className="carga-outcome" style={OUTCOME_STYLES[row.outcome]}>
          {labels.outcome}
        </span>
        {row.fixed && <FixedBadge unsent={row.unsentFix === true} />}
      </div>
      <div {...cell(2, FIXED_COLUMNS[2]?.width)}>{labels.failureClass}</div>
      <div {...cell(3, FIXED_COLUMNS[3]?.width)}>
        <Explanation labels={labels} />
      </div>
      <div {...cell(4, FIXED_COLUMNS[4]?.width)}>{row.crmId ?? ''}</div>
      {columns.map((column, i) => (
        <div key={column} {...cell(FIXED_COLUMNS.length + i, VALUE_COLUMN_WIDTH)}>
          <EditableCell
            value={row.values[column] ?? ''}
            column={column}
            row={row.row}
            label={labels.cell(column)}
            sheetCells={sheetCells}
            failed={row.failedColumn === column}
            editable={isFixable(row)}
            onCommit={(value) => onFix(row, column, value)}
          />
        </div>
      ))}
    </>
  );
});

function FixedBadge({ unsent }: { unsent: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color="indigo"
      variant="outline"
      ml={4}
      size="xs"
      title={unsent ? t('resultsDetail.unsentFix') : undefined}
    >
      {t('results.fixed')}
    </Badge>
  );
}

/** Plain elements styled by app.css, not Mantine's Text: a row scrolled into view draws a few
 * elements, not a few components each working out its styles. */
function Explanation({ labels }: { labels: RowLabels }) {
  const { explanation, source, sourceLead } = labels;
  return (
    <div className="carga-explanation" title={explanation}>
      <p
        className="carga-explanation-text"
        data-testid="results-explanation"
        data-source={source ?? undefined}
      >
        {source && <strong>{sourceLead} </strong>}
        {explanation}
      </p>
    </div>
  );
}
