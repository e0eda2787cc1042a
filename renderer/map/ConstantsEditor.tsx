import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { TargetDescriptor, Template } from '../../shared/contract';
import { useLang } from '../i18n/use-lang';
import type { EditTemplate } from './template-edit';
import { withConstant } from './template-editing';

interface ConstantsEditorProps {
  constants: Template['constants'];
  target: TargetDescriptor;
  edit: EditTemplate;
}

/** The same value for every row of a field (e.g. one `case-type` for the whole file). */
export const ConstantsEditor = memo(function ConstantsEditor({
  constants,
  target,
  edit,
}: ConstantsEditorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [field, setField] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const labelOf = (key: string) =>
    target.fields.find((candidate) => candidate.key === key)?.label[lang] ?? key;
  const free = target.fields.filter((candidate) => !Object.hasOwn(constants, candidate.key));

  const add = () => {
    if (!field || value === '') return;
    edit((template) => withConstant(template, field, value));
    setField(null);
    setValue('');
  };

  return (
    <Card withBorder padding="md" data-testid="map-constants">
      <Title order={3} size="h4">
        {t('map.constantsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('map.constantsHelp')}
      </Text>
      <Stack gap="xs">
        {Object.entries(constants).map(([key, constant]) => (
          <Group key={key} gap="xs" wrap="nowrap">
            <TextInput
              label={labelOf(key)}
              value={constant}
              onChange={(event) => {
                const next = event.currentTarget.value;
                edit((template) => ({ ...template, constants: { ...template.constants, [key]: next } }));
              }}
              w={360}
              data-testid={`map-constant-${key}`}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={24}
              onClick={() => edit((template) => withConstant(template, key, null))}
              aria-label={t('map.removeConstant', { field: labelOf(key) })}
              data-testid={`map-constant-remove-${key}`}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label={t('map.constantField')}
            data={free.map((candidate) => ({
              value: candidate.key,
              label: candidate.label[lang],
            }))}
            value={field}
            onChange={setField}
            searchable
            w={260}
            data-testid="map-constant-field"
          />
          <TextInput
            label={t('map.constantValue')}
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') add();
            }}
            w={260}
            data-testid="map-constant-value"
          />
          <Button
            variant="light"
            onClick={add}
            disabled={!field || value === ''}
            data-testid="map-constant-add"
          >
            {t('map.addConstant')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
});
