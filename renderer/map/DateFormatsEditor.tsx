import { Card, Group, Select, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

import type { TargetField, Template } from '../../shared/contract';
import { DATE_INPUT_FORMATS, type DateInputFormat } from '../../shared/template';
import { useLang } from '../i18n/use-lang';
import type { EditTemplate } from './template-edit';
import { withDateFormat } from './template-editing';

interface DateFormatsEditorProps {
  dateFormats: Template['dateFormats'];
  /** The date fields that get a value, and the custom fields (kind `text`), which hold dates only
   * when a format is chosen. */
  fields: TargetField[];
  edit: EditTemplate;
}

/** How each date column is written in the file (`03/04/2025` is March or April?). */
export const DateFormatsEditor = memo(function DateFormatsEditor({
  dateFormats,
  fields,
  edit,
}: DateFormatsEditorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  if (fields.length === 0) return null;
  const hasCustom = fields.some((field) => field.kind === 'text');
  return (
    <Card withBorder padding="md" data-testid="map-date-formats">
      <Title order={3} size="h4">
        {t('map.datesTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('map.datesHelp')}
        {hasCustom && ` ${t('map.datesCustomHelp')}`}
      </Text>
      <Group gap="md">
        {fields.map((field) => (
          <Select<DateInputFormat>
            key={field.key}
            label={field.label[lang]}
            data={DATE_INPUT_FORMATS.map((format) => ({
              value: format,
              // For a custom field, no format means its cells go as written.
              label:
                format === 'auto' && field.kind === 'text'
                  ? t('map.dateFormats.text')
                  : t(`map.dateFormats.${format}`),
            }))}
            value={dateFormats[field.key] ?? 'auto'}
            onChange={(format) => format && edit((template) => withDateFormat(template, field.key, format))}
            allowDeselect={false}
            w={240}
            data-testid={`map-date-${field.key}`}
          />
        ))}
      </Group>
    </Card>
  );
});
