import {
  Button,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Connection, TargetDescriptor, TargetId } from '../../shared/contract';
import { numberSeparators } from '../app/format';
import { useLang } from '../i18n/use-lang';
import type { ConnectionDraft, ConnectionField, DraftProblem } from './connection-draft';
import { ExtraValuesFields } from './ExtraValuesFields';
import { PartyPasswordField } from './PartyPasswordField';

interface ConnectionFormProps {
  draft: ConnectionDraft;
  targets: TargetDescriptor[];
  problems: DraftProblem[];
  /** Every missing field is marked, not only those the operator left (Next was pressed). */
  revealAll: boolean;
  onChange: (draft: ConnectionDraft) => void;
}

export function ConnectionForm({ draft, targets, problems, revealAll, onChange }: ConnectionFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [replacingToken, setReplacingToken] = useState(false);
  const { connection } = draft;
  const target = targets.find((candidate) => candidate.id === connection.target);
  // A missing field is marked once the operator has left it (or pressed Next): an empty new form,
  // or one whose target just changed, is not a page of errors. A saved connection shows them at once.
  const [left, setLeft] = useState<ReadonlySet<DraftProblem>>(new Set());
  const leave = (key: DraftProblem) => () => setLeft((before) => new Set(before).add(key));
  const problem = (key: DraftProblem) =>
    (revealAll || !draft.isNew || left.has(key)) && problems.includes(key)
      ? t('connect.required')
      : undefined;
  // The embedded sandbox is fixed: it can be used and tested, not edited.
  const readOnly = draft.isSandbox;

  const set = (patch: Partial<Connection>) => {
    onChange({ ...draft, connection: { ...connection, ...patch } });
  };

  const textField = (field: Exclude<ConnectionField, 'campaignType'>) => (
    <TextInput
      key={field}
      label={t(`connect.fields.${field}`)}
      description={t(`connect.hints.${field}`)}
      value={connection[field] ?? ''}
      onChange={(event) => set({ [field]: event.currentTarget.value })}
      onBlur={leave(field)}
      error={problem(field)}
      disabled={readOnly}
      withAsterisk
      data-testid={`connection-${field}`}
    />
  );

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TextInput
          label={t('connect.fields.name')}
          value={connection.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
          onBlur={leave('name')}
          error={problem('name')}
          disabled={readOnly}
          withAsterisk
          data-testid="connection-name"
        />
        <Select<TargetId>
          label={t('connect.fields.target')}
          data={targets.map((candidate) => ({ value: candidate.id, label: candidate.name[lang] }))}
          value={connection.target}
          onChange={(value) => value && set({ target: value })}
          allowDeselect={false}
          disabled={readOnly}
          data-testid="connection-target"
        />
        <TextInput
          label={t('connect.fields.server')}
          description={t(
            connection.target === 'wolkvox-campaign' ? 'connect.hints.serverManager' : 'connect.hints.server',
          )}
          value={connection.server}
          onChange={(event) => set({ server: event.currentTarget.value })}
          onBlur={leave('server')}
          error={problem('server')}
          disabled={readOnly}
          withAsterisk
          data-testid="connection-server"
        />
        {target?.connectionFields.map((field) =>
          field === 'campaignType' ? (
            <Select
              key={field}
              label={t('connect.fields.campaignType')}
              data={[
                { value: 'predictive', label: t('connect.campaignTypes.predictive') },
                { value: 'preview', label: t('connect.campaignTypes.preview') },
              ]}
              value={connection.campaignType ?? null}
              onChange={(value) =>
                set({ campaignType: value === 'predictive' || value === 'preview' ? value : undefined })
              }
              onBlur={leave('campaignType')}
              error={problem('campaignType')}
              disabled={readOnly}
              withAsterisk
              data-testid="connection-campaignType"
            />
          ) : (
            textField(field)
          ),
        )}
        <ExtraValuesFields connection={connection} disabled={readOnly} onChange={set} />
        <NumberInput
          label={t('connect.fields.dailyLimit')}
          description={t('connect.hints.dailyLimit')}
          value={connection.dailyLimit ?? ''}
          onChange={(value) =>
            set({ dailyLimit: typeof value === 'number' && value > 0 ? value : undefined })
          }
          min={1}
          allowDecimal={false}
          allowNegative={false}
          disabled={readOnly}
          thousandSeparator={numberSeparators(lang).thousands}
          decimalSeparator={numberSeparators(lang).decimal}
          data-testid="connection-daily-limit"
        />
        {draft.isSandbox ? (
          <div>
            <Text size="sm" fw={500}>
              {t('connect.fields.token')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('connect.sandboxNoToken')}
            </Text>
          </div>
        ) : draft.hasToken && !replacingToken ? (
          <div>
            <Text size="sm" fw={500}>
              {t('connect.fields.token')}
            </Text>
            <Group gap="sm">
              <Text size="sm" data-testid="connection-token-saved">
                •••• {t('connect.tokenSaved')}
              </Text>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => setReplacingToken(true)}
                data-testid="connection-token-replace"
              >
                {t('connect.replaceToken')}
              </Button>
            </Group>
          </div>
        ) : (
          <PasswordInput
            label={t('connect.fields.token')}
            description={t('connect.hints.token')}
            value={draft.token}
            onChange={(event) => onChange({ ...draft, token: event.currentTarget.value })}
            onBlur={leave('token')}
            error={problem('token')}
            // Mantine's PasswordInput leaves its error unannounced: say it like the other fields do.
            id="connection-token-input"
            aria-invalid={problem('token') !== undefined}
            aria-describedby={`connection-token-input-description${problem('token') ? ' connection-token-input-error' : ''}`}
            withAsterisk={!draft.hasToken}
            autoComplete="off"
            data-testid="connection-token"
          />
        )}
        {connection.target === 'thalamus-cases' && !readOnly && (
          <PartyPasswordField draft={draft} onChange={onChange} />
        )}
      </SimpleGrid>
    </>
  );
}
