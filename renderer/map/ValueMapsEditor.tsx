import { Badge, Button, Card, Group, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { TargetField, TargetId, Template } from '../../shared/contract';
import { useLang } from '../i18n/use-lang';
import { builtInValueMap } from './built-in-value-maps';
import type { EditTemplate } from './template-edit';
import { valueMapRows, withValueMapEntry } from './template-editing';
import { ValueTableHead } from './ValueTableHead';

interface ValueMapsEditorProps {
  valueMaps: Template['valueMaps'];
  /** The system fields that get a value. */
  fields: TargetField[];
  target: TargetId;
  edit: EditTemplate;
}

/** System fields (status, priority, case type) must reach the CRM in English: each shows the
 * Spanish→English map that applies, editable. */
export const ValueMapsEditor = memo(function ValueMapsEditor({
  valueMaps,
  fields,
  target,
  edit,
}: ValueMapsEditorProps) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;
  return (
    <Card withBorder padding="md" data-testid="map-value-maps">
      <Title order={3} size="h4">
        {t('map.valueMapsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('map.valueMapsHelp')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="lg">
        {fields.map((field) => (
          <FieldValueMap key={field.key} field={field} valueMaps={valueMaps} target={target} edit={edit} />
        ))}
      </SimpleGrid>
    </Card>
  );
});

interface FieldValueMapProps {
  field: TargetField;
  valueMaps: Template['valueMaps'];
  target: TargetId;
  edit: EditTemplate;
}

function FieldValueMap({ field, valueMaps, target, edit }: FieldValueMapProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const rows = valueMapRows(valueMaps, field.key, builtInValueMap(target, field.key));
  const set = (value: string, sent: string | null) =>
    edit((template) => withValueMapEntry(template, field.key, value, sent));

  const add = () => {
    if (from.trim() === '') return;
    set(from.trim(), to);
    setFrom('');
    setTo('');
  };

  return (
    <div data-testid={`map-value-map-${field.key}`}>
      <Text fw={600} mb={4}>
        {field.label[lang]}{' '}
        <Text span c="dimmed" size="sm">
          ({field.key})
        </Text>
      </Text>
      <Table verticalSpacing={2} withTableBorder fz="sm">
        <ValueTableHead />
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.from}>
              <Table.Td>{row.from}</Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('map.valueSentFor', { value: row.from })}
                  value={row.to}
                  onChange={(event) => set(row.from, event.currentTarget.value)}
                  size="xs"
                  data-testid={`map-value-${field.key}-${row.from}`}
                />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light" color={row.edited ? 'indigo' : 'gray'}>
                    {row.edited ? t('map.yours') : t('map.builtIn')}
                  </Badge>
                  {row.edited && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => set(row.from, null)}
                      aria-label={t(row.builtIn ? 'map.resetValueFor' : 'map.removeValueFor', {
                        value: row.from,
                      })}
                    >
                      {row.builtIn ? t('map.reset') : t('map.remove')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs" mt="xs" align="flex-end" wrap="nowrap" grow>
        <TextInput
          label={t('map.valueInFile')}
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          size="xs"
          data-testid={`map-value-new-from-${field.key}`}
        />
        <TextInput
          label={t('map.valueSent')}
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') add();
          }}
          size="xs"
          data-testid={`map-value-new-to-${field.key}`}
        />
        <Button
          size="xs"
          variant="light"
          onClick={add}
          disabled={from.trim() === ''}
          data-testid={`map-value-add-${field.key}`}
        >
          {t('map.addValue')}
        </Button>
      </Group>
    </div>
  );
}
