import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ProblemCode, RowProblem } from '../../shared/contract';
import { problemLabel } from '../app/kind-labels';
import { useSheetCells } from '../app/sheet-cells';
import { useLang } from '../i18n/use-lang';

/** The first rows with each kind of problem: row number, column, value and what to do. */
export function ProblemExamples({ examples, kind }: { examples: RowProblem[]; kind: ProblemCode | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { cell, message } = useSheetCells();
  const shown = kind === null ? examples : examples.filter((example) => example.code === kind);
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4" mb="xs">
        {kind === null ? t('check.examplesTitle') : t('check.examplesOf', { kind: problemLabel(lang, kind) })}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs" data-testid="check-examples">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('check.row')}</Table.Th>
              <Table.Th scope="col">{t('check.column')}</Table.Th>
              <Table.Th scope="col">{t('check.value')}</Table.Th>
              <Table.Th scope="col">{t('check.explanation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((example, i) => (
              <Table.Tr
                key={`${example.index}-${example.code}-${i}`}
                data-testid="check-example"
                data-row={example.row}
                data-kind={example.code}
              >
                <Table.Td>{example.row}</Table.Td>
                <Table.Td>{example.column ?? example.field ?? ''}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {cell(example.value ?? '')}
                  </Text>
                </Table.Td>
                <Table.Td>{message(example.message)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
