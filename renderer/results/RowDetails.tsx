import { Badge, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ResultRow } from '../../shared/contract';
import { failureClassLabel, outcomeLabel } from '../app/kind-labels';
import { messageText } from '../app/message-text';
import { useLang } from '../i18n/use-lang';
import { EditableCell } from './EditableCell';
import { isFixable } from './result-columns';

interface RowDetailsProps {
  row: ResultRow | null;
  columns: string[];
  onClose: () => void;
  onFix: (row: ResultRow, column: string, value: string) => Promise<void>;
}

/** One row in full: the whole explanation, what the CRM answered, and every value, editable. */
export function RowDetails({ row, columns, onClose, onFix }: RowDetailsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Modal
      opened={row !== null}
      onClose={onClose}
      title={row ? t('results.detailsTitle', { row: row.row }) : ''}
      size="lg"
      data-testid="results-details"
    >
      {row && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light">{outcomeLabel(lang, row.outcome)}</Badge>
            {row.failureClass && <Badge variant="outline">{failureClassLabel(lang, row.failureClass)}</Badge>}
            {row.crmId && (
              <Text size="sm">
                {t('results.columns.crmId')}: {row.crmId}
              </Text>
            )}
          </Group>
          {row.explanation && (
            <Text data-testid="results-details-explanation">{messageText(lang, row.explanation)}</Text>
          )}
          {(row.code || row.message) && (
            <div>
              <Text size="xs" c="dimmed">
                {t('results.crmAnswer')}
              </Text>
              <Code block>{[row.code, row.message].filter(Boolean).join(' · ')}</Code>
            </div>
          )}
          <Table withTableBorder verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {columns.map((column) => (
                <Table.Tr key={column}>
                  <Table.Th scope="row" w="35%">
                    {column}
                  </Table.Th>
                  <Table.Td>
                    <EditableCell
                      value={row.values[column] ?? ''}
                      column={column}
                      row={row.row}
                      editable={isFixable(row)}
                      onCommit={(value) => onFix(row, column, value)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  );
}
