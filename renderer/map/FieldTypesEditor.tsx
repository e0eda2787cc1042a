import { Card, Select, SimpleGrid, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

import type { TargetField, Template } from '../../shared/contract';
import type { DeclaredType } from '../../shared/mapping/declared-type';
import type { EditTemplate } from './template-edit';
import { withFieldType } from './template-editing';

interface FieldTypesEditorProps {
  fieldTypes: Template['fieldTypes'];
  /** The custom fields that get a value. */
  fields: TargetField[];
  /** The types the target's CRM gives its custom fields. */
  types: readonly DeclaredType[];
  edit: EditTemplate;
}

/** The type each custom field has in the CRM (Thalamus `caseData`, module fields): its cells are
 * converted and checked, and sent as JSON booleans, numbers or typed objects. */
export const FieldTypesEditor = memo(function FieldTypesEditor({
  fieldTypes,
  fields,
  types,
  edit,
}: FieldTypesEditorProps) {
  const { t } = useTranslation();
  if (fields.length === 0 || types.length === 0) return null;
  const options = types.map((type) => ({ value: type, label: t(`map.types.kinds.${type}`) }));
  return (
    <Card withBorder padding="md" data-testid="map-field-types">
      <Title order={3} size="h4">
        {t('map.types.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('map.types.help')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {fields.map((field) => (
          <Select
            key={field.key}
            label={t('map.types.typeOf', { field: field.label.es })}
            data={options}
            value={fieldTypes?.[field.key] ?? 'text'}
            onChange={(value) => {
              const type = types.find((candidate) => candidate === value);
              if (type) edit((template) => withFieldType(template, field.key, type));
            }}
            allowDeselect={false}
            data-testid={`map-type-${field.key}`}
          />
        ))}
      </SimpleGrid>
    </Card>
  );
});
