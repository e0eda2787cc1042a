import { TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Connection } from '../../shared/contract';
import { targetSpec } from '../../shared/targets/catalog';
import type { ExtraValuesField } from '../../shared/targets/field-spec';

interface ExtraValuesFieldsProps {
  connection: Connection;
  disabled: boolean;
  onChange: (patch: Partial<Connection>) => void;
}

const TEXTS = {
  extraStatuses: { label: 'connect.extraValues.statusesLabel', hint: 'connect.extraValues.statusesHint' },
  extraPriorities: {
    label: 'connect.extraValues.prioritiesLabel',
    hint: 'connect.extraValues.prioritiesHint',
  },
} as const satisfies Record<ExtraValuesField, { label: string; hint: string }>;

/** The values a CRM has beyond a system field's built-in ones (wolkvox CRM cases: statuses and
 * priorities such as `in progress`), for the fields the target lets a connection extend, so
 * Check and a run take them. Typed one at a time: Enter adds one, Backspace removes the last. */
export function ExtraValuesFields({ connection, disabled, onChange }: ExtraValuesFieldsProps) {
  const { t } = useTranslation();
  const keys = targetSpec(connection.target).fields.flatMap((field) =>
    field.extendedBy ? [field.extendedBy] : [],
  );
  return keys.map((key) =>
    // Read-only (the sandbox): one line like the other fields it shows, legible in both schemes.
    disabled ? (
      <TextInput
        key={key}
        label={t(TEXTS[key].label)}
        value={(connection[key] ?? []).join(', ')}
        disabled
        data-testid={`connection-${key}`}
      />
    ) : (
      <TagsInput
        key={key}
        label={t(TEXTS[key].label)}
        description={t(TEXTS[key].hint)}
        value={connection[key] ?? []}
        onChange={(values) => onChange({ [key]: values })}
        clearable
        data-testid={`connection-${key}`}
      />
    ),
  );
}
