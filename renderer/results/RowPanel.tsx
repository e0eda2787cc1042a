import { Badge, CloseButton, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import type { ResultRow } from '../../shared/contract';
import { failureSource } from '../../shared/errors/failure-source';
import { failureClassLabel, outcomeLabel } from '../app/kind-labels';
import { useSheetCells, type SheetCellTexts } from '../app/sheet-cells';
import { useLang } from '../i18n/use-lang';
import { EditableCell } from './EditableCell';
import { isFixable } from './result-columns';
import { cellLabeller, type LabelledCell } from './row-labels';

interface RowPanelProps {
  row: ResultRow;
  columns: string[];
  onClose: () => void;
  onFix: (row: ResultRow, column: string, value: string) => Promise<void>;
}

const SOURCE_COLORS = { check: 'indigo', crm: 'red', connection: 'yellow' } as const;

/**
 * One row in full beside the list, not over it: the whole explanation, who gave it (Carga's
 * check, the CRM, or no answer at all), the CRM's own words as a detail, and every value —
 * editable, the one at fault marked, with what the file held and what was sent last when they
 * differ. It stays open while the operator edits, here or in the list.
 */
export function RowPanel({ row, columns, onClose, onFix }: RowPanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const sheetCells = useSheetCells();
  const { message } = sheetCells;
  // Each value's label from texts translated once for the panel, not once per value.
  const cellLabel = useMemo(() => cellLabeller(t), [t]);
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const source = row.failureClass ? failureSource(row.failureClass, row.code ?? '') : null;
  const answer = [row.code, row.message].filter(Boolean).join(' · ');

  useEffect(() => {
    // Opening another row takes the reader to it.
    titleRef.current?.focus();
  }, [row.index]);

  return (
    <section
      className="carga-row-panel"
      aria-labelledby={titleId}
      data-testid="results-panel"
      data-row={row.row}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && (event.target as HTMLElement).tagName !== 'INPUT') onClose();
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Title order={3} size="h4" id={titleId} ref={titleRef} tabIndex={-1}>
          {t('results.detailsTitle', { row: row.row })}
        </Title>
        <CloseButton onClick={onClose} aria-label={t('resultsDetail.close', { row: row.row })} />
      </Group>
      <Stack gap="sm" mt="xs">
        <Group gap={6}>
          <Badge variant="light">{outcomeLabel(lang, row.outcome)}</Badge>
          {row.failureClass && <Badge variant="outline">{failureClassLabel(lang, row.failureClass)}</Badge>}
          {source && (
            <Badge color={SOURCE_COLORS[source]} variant="filled" data-testid="results-panel-source">
              {t(`resultsDetail.source.${source}`)}
            </Badge>
          )}
        </Group>
        {row.crmId && (
          <Text size="sm" data-testid="results-panel-crm-id">
            {t('resultsDetail.crmId', { id: row.crmId })}
          </Text>
        )}
        {row.explanation && source && (
          <div>
            <Text size="sm" fw={600}>
              {t(`resultsDetail.heading.${source}`)}
            </Text>
            <Text size="sm" data-testid="results-details-explanation">
              {message(row.explanation)}
            </Text>
          </div>
        )}
        {source !== 'check' && answer && (
          <details data-testid="results-panel-answer">
            <summary>
              <Text span size="sm">
                {t('resultsDetail.originalAnswer')}
              </Text>
            </summary>
            <Code block>{answer}</Code>
          </details>
        )}
        <Text size="sm" fw={600}>
          {t('resultsDetail.values')}
        </Text>
        <dl className="carga-row-values">
          {columns.map((column) => (
            <ValueEntry
              key={column}
              row={row}
              column={column}
              sheetCells={sheetCells}
              cellLabel={cellLabel}
              onFix={onFix}
            />
          ))}
        </dl>
      </Stack>
    </section>
  );
}

function ValueEntry({
  row,
  column,
  sheetCells,
  cellLabel,
  onFix,
}: {
  row: ResultRow;
  column: string;
  sheetCells: SheetCellTexts;
  cellLabel: (cell: LabelledCell) => string;
  onFix: RowPanelProps['onFix'];
}) {
  const { t } = useTranslation();
  const { cell } = sheetCells;
  const value = row.values[column] ?? '';
  const original = row.original?.[column];
  const sent = row.sent?.[column];
  const failed = row.failedColumn === column;
  const shown = (text: string) => (text === '' ? t('resultsDetail.emptyValue') : cell(text));
  return (
    <div className={failed ? 'carga-row-value carga-cell-failed' : 'carga-row-value'} data-failed={failed}>
      <dt>
        <Text size="sm" fw={500}>
          {column}
        </Text>
        {failed && (
          <Text size="xs" fw={600} className="carga-problem-here">
            {t('resultsDetail.problemHere')}
          </Text>
        )}
      </dt>
      <dd>
        <EditableCell
          value={value}
          column={column}
          row={row.row}
          label={cellLabel({ value: cell(value), column, row: row.row, failed })}
          sheetCells={sheetCells}
          failed={failed}
          tabbable
          testId="results-panel-cell"
          editable={isFixable(row)}
          onCommit={(next) => onFix(row, column, next)}
        />
        {original !== undefined && original !== (sent ?? value) && (
          <Text size="xs" className="carga-value-note">
            {t('resultsDetail.inFile', { value: shown(original) })}
          </Text>
        )}
        {sent !== undefined && sent !== value && (
          <Text size="xs" className="carga-value-note" data-testid="results-panel-sent">
            {t('resultsDetail.sentLast', { value: shown(sent) })}
          </Text>
        )}
      </dd>
    </div>
  );
}
