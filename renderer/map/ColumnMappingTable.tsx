import { Badge, Card, Group, Select, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

import type { FileInfo, MappingSuggestion, TargetDescriptor, Template } from '../../shared/contract';
import { useLang } from '../i18n/use-lang';
import type { EditTemplate } from './template-edit';
import { customFieldKey, joinedColumns, mappingRows, withColumnField } from './template-editing';

const NOT_SENT = '__not-sent';
const CUSTOM = '__custom';

interface ColumnMappingTableProps {
  mapped: Template['columns'];
  target: TargetDescriptor;
  file: FileInfo;
  suggestions: MappingSuggestion[];
  edit: EditTemplate;
}

export const ColumnMappingTable = memo(function ColumnMappingTable({
  mapped,
  target,
  file,
  suggestions,
  edit,
}: ColumnMappingTableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = mappingRows(mapped, target, file.columns, suggestions, file.preview);
  const prefix = target.customPrefix;
  const joined = joinedColumns(mapped, target);
  const joinedNote = (field: string | null): string | undefined => {
    const columns = field === null ? undefined : joined.get(field);
    const label = target.fields.find((candidate) => candidate.key === field)?.label[lang];
    return columns && label
      ? t('map.joinedColumns', { field: label, columns: columns.join(', ') })
      : undefined;
  };

  const fieldOptions = [
    { value: NOT_SENT, label: t('map.notSent') },
    {
      group: t('map.targetFields'),
      items: target.fields.map((field) => ({
        value: field.key,
        label: `${field.label[lang]}${field.required ? ' *' : ''}`,
      })),
    },
    ...(prefix
      ? [{ group: t('map.customGroup'), items: [{ value: CUSTOM, label: t('map.customField') }] }]
      : []),
  ];

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('map.columnsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('map.columnsHelp')}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" data-testid="map-columns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('map.column')}</Table.Th>
              <Table.Th scope="col">{t('map.sample')}</Table.Th>
              <Table.Th scope="col">{t('map.field')}</Table.Th>
              <Table.Th scope="col">{t('map.confidence')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const isCustom = row.customName !== null;
              const selectValue = row.field === null ? NOT_SENT : isCustom ? CUSTOM : row.field;
              return (
                <Table.Tr key={row.column} data-testid="map-row" data-column={row.column}>
                  <Table.Td fw={500}>{row.column}</Table.Td>
                  <Table.Td
                    maw={220}
                    style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                    c="dimmed"
                  >
                    {row.sample}
                  </Table.Td>
                  <Table.Td miw={280}>
                    <Group gap="xs" wrap="nowrap">
                      <Select<string>
                        aria-label={t('map.fieldFor', { column: row.column })}
                        data={fieldOptions}
                        value={selectValue}
                        onChange={(value) => {
                          if (value === null) return;
                          const field =
                            value === NOT_SENT
                              ? null
                              : value === CUSTOM && prefix
                                ? customFieldKey(prefix, row.column)
                                : value;
                          edit((template) => withColumnField(template, target, row.column, field));
                        }}
                        allowDeselect={false}
                        searchable
                        // Several columns feeding one free-text field: said under each of them.
                        description={joinedNote(row.field)}
                        inputWrapperOrder={['input', 'description']}
                        w={isCustom ? 200 : 280}
                        data-testid={`map-field-${row.column}`}
                      />
                      {isCustom && prefix && (
                        <TextInput
                          aria-label={t('map.customName', { column: row.column })}
                          placeholder={t('map.customNamePlaceholder')}
                          value={row.customName ?? ''}
                          error={row.customName === '' ? t('map.customNameRequired') : undefined}
                          onChange={(event) => {
                            const field = customFieldKey(prefix, event.currentTarget.value);
                            edit((template) => withColumnField(template, target, row.column, field));
                          }}
                          w={200}
                          data-testid={`map-custom-${row.column}`}
                        />
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {row.followsSuggestion && row.suggestion && (
                      <ConfidenceBadge column={row.column} confidence={row.suggestion.confidence} />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
});

function ConfidenceBadge({ column, confidence }: { column: string; confidence: number }) {
  const { t } = useTranslation();
  const percent = Math.round(confidence * 100);
  const color = confidence >= 0.8 ? 'teal' : confidence >= 0.5 ? 'yellow' : 'orange';
  return (
    <Tooltip label={t('map.suggestedTooltip')}>
      <Badge
        color={color}
        variant="light"
        aria-label={t('map.confidenceLabel', { percent })}
        data-testid={`map-confidence-${column}`}
      >
        {percent}%
      </Badge>
    </Tooltip>
  );
}
