import { Card, Group, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { TargetDescriptor, Template } from '../../shared/contract';
import { columnOf } from './server-list-choices';
import type { EditTemplate } from './template-edit';
import { withColumnField, withConstant, withoutColumnFor } from './template-editing';

const PARTY = 'party';

interface PartyEditorProps {
  columns: Template['columns'];
  constants: Template['constants'];
  fileColumns: string[];
  target: TargetDescriptor;
  edit: EditTemplate;
}

/** Thalamus creates each case for a party that logs in: a column of the file (one per row) or
 * one constant for every row. Choosing one way clears the other, so what is sent is never a mix. */
export const PartyEditor = memo(function PartyEditor({
  columns,
  constants,
  fileColumns,
  target,
  edit,
}: PartyEditorProps) {
  const { t } = useTranslation();
  const column = columnOf(columns, PARTY);
  const constant = constants[PARTY] ?? '';
  const [mode, setMode] = useState<'column' | 'constant'>(
    column === null && constant !== '' ? 'constant' : 'column',
  );

  const switchTo = (next: string) => {
    if (next !== 'column' && next !== 'constant') return;
    setMode(next);
    edit((template) =>
      next === 'column' ? withConstant(template, PARTY, null) : withoutColumnFor(template, PARTY),
    );
  };

  return (
    <Card withBorder padding="md" data-testid="map-party">
      <Title order={3} size="h4">
        {t('map.party.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('map.party.help')}
      </Text>
      <Stack gap="sm">
        <Radio.Group value={mode} onChange={switchTo} aria-label={t('map.party.title')}>
          <Group gap="lg">
            <Radio value="column" label={t('map.party.fromColumn')} data-testid="map-party-mode-column" />
            <Radio value="constant" label={t('map.party.sameForAll')} data-testid="map-party-mode-constant" />
          </Group>
        </Radio.Group>
        {mode === 'column' ? (
          <Select
            label={t('map.party.column')}
            data={fileColumns}
            value={column}
            onChange={(value) => value && edit((template) => withColumnField(template, target, value, PARTY))}
            allowDeselect={false}
            searchable
            w={360}
            data-testid="map-party-column"
          />
        ) : (
          <TextInput
            label={t('map.party.value')}
            value={constant}
            onChange={(event) => {
              const value = event.currentTarget.value;
              edit((template) => withConstant(template, PARTY, value));
            }}
            w={360}
            data-testid="map-party-value"
          />
        )}
      </Stack>
    </Card>
  );
});
