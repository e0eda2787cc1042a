import { Alert, Badge, Button, Card, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ServerLists, Template } from '../../shared/contract';
import { partyForLists } from '../../shared/targets/thalamus-party';
import { useBridge } from '../app/bridge-context';
import { errorMessage } from '../app/error-message';
import { useLang } from '../i18n/use-lang';
import {
  chosenPair,
  columnOf,
  fieldOptions,
  fileValueRows,
  likelyOption,
  pairChoices,
  withPairConstant,
  type ListField,
} from './server-list-choices';
import type { EditTemplate } from './template-edit';
import { withConstant, withValueMapEntry } from './template-editing';
import { ValueTableHead } from './ValueTableHead';

interface ThalamusListsEditorProps {
  template: Template;
  connectionId: string;
  preview: readonly Record<string, string>[];
  edit: EditTemplate;
}

type Read = { kind: 'ready'; lists: ServerLists } | { kind: 'failed'; error: unknown };
type Lists = { kind: 'loading' } | { kind: 'no-party' } | Read;

/** Category, type and status as Thalamus declares them: read from the server, offered as
 * choices, and the file's own values translated to its codes. */
export function ThalamusListsEditor({ template, connectionId, preview, edit }: ThalamusListsEditorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const [attempt, setAttempt] = useState(0);
  // Thalamus shows its lists to a logged-in party only: they are read as the file's first party,
  // again when the party changes; what was read for another party or attempt is not shown.
  const party = partyForLists(template, preview);
  const key = JSON.stringify([connectionId, party, attempt]);
  const [read, setRead] = useState<{ key: string; read: Read } | null>(null);

  useEffect(() => {
    if (party === undefined) return;
    let current = true;
    const readKey = JSON.stringify([connectionId, party, attempt]);
    bridge.readServerLists({ id: connectionId, party }).then(
      (lists) => current && setRead({ key: readKey, read: { kind: 'ready', lists } }),
      (error: unknown) => current && setRead({ key: readKey, read: { kind: 'failed', error } }),
    );
    return () => {
      current = false;
    };
  }, [bridge, connectionId, party, attempt]);

  const state: Lists =
    party === undefined ? { kind: 'no-party' } : read?.key === key ? read.read : { kind: 'loading' };

  return (
    <Card withBorder padding="md" data-testid="map-lists">
      <Title order={3} size="h4">
        {t('map.lists.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('map.lists.help')}
      </Text>
      {state.kind === 'no-party' ? (
        <Text size="sm" data-testid="map-lists-need-party">
          {t('map.lists.needParty')}
        </Text>
      ) : state.kind === 'loading' ? (
        <Group gap="xs" data-testid="map-lists-loading">
          <Loader size="xs" />
          <Text size="sm">{t('map.lists.loading')}</Text>
        </Group>
      ) : state.kind === 'failed' ? (
        <Alert color="red" role="alert" data-testid="map-lists-error">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorMessage(lang, state.error)}</Text>
            <Button size="xs" variant="light" onClick={() => setAttempt((n) => n + 1)}>
              {t('map.lists.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <ListChoices template={template} lists={state.lists} preview={preview} edit={edit} />
      )}
    </Card>
  );
}

interface ListChoicesProps {
  template: Template;
  lists: ServerLists;
  preview: readonly Record<string, string>[];
  edit: EditTemplate;
}

function ListChoices({ template, lists, preview, edit }: ListChoicesProps) {
  const { t } = useTranslation();
  const pairFromColumns =
    columnOf(template.columns, 'categoryCode') !== null || columnOf(template.columns, 'typeCode') !== null;
  const statusFromColumn = columnOf(template.columns, 'status') !== null;
  const statuses = fieldOptions(lists, 'status');
  return (
    <Stack gap="md">
      {pairFromColumns ? (
        (['categoryCode', 'typeCode'] as const).map((field) => (
          <FileValuesMap
            key={field}
            field={field}
            template={template}
            lists={lists}
            preview={preview}
            edit={edit}
          />
        ))
      ) : (
        <Select
          label={t('map.lists.pairForAll')}
          placeholder={t('map.lists.pairPlaceholder')}
          data={pairChoices(lists)}
          value={chosenPair(template, lists)}
          onChange={(value) => edit((next) => withPairConstant(next, lists, value))}
          searchable
          w={420}
          data-testid="map-list-pair"
        />
      )}
      {statusFromColumn ? (
        <FileValuesMap field="status" template={template} lists={lists} preview={preview} edit={edit} />
      ) : (
        <Select
          label={t('map.lists.statusForAll')}
          placeholder={t('map.lists.statusPlaceholder')}
          data={statuses}
          value={
            statuses.some((option) => option.value === template.constants.status)
              ? (template.constants.status ?? null)
              : null
          }
          onChange={(value) => edit((next) => withConstant(next, 'status', value))}
          clearable
          w={420}
          data-testid="map-list-status"
        />
      )}
    </Stack>
  );
}

interface FileValuesMapProps {
  field: ListField;
  template: Template;
  lists: ServerLists;
  preview: readonly Record<string, string>[];
  edit: EditTemplate;
}

/** The file's values of one list field, each with the server's option it is sent as. */
function FileValuesMap({ field, template, lists, preview, edit }: FileValuesMapProps) {
  const { t } = useTranslation();
  const column = columnOf(template.columns, field);
  const options = fieldOptions(lists, field);
  const rows = fileValueRows(template, field, preview, options);
  const translate = useCallback(
    (value: string, sent: string | null) =>
      edit((next) => withValueMapEntry(next, field, value, sent === value ? null : sent)),
    [edit, field],
  );
  if (column === null || rows.length === 0) return null;
  const guesses = rows.flatMap((row) => {
    const option = row.valid ? null : likelyOption(row.value, options);
    return option ? [{ value: row.value, sent: option.value }] : [];
  });

  return (
    <div data-testid={`map-list-values-${field}`}>
      <Group justify="space-between" mb={4}>
        <Text fw={600}>{t('map.lists.valuesOf', { column, field: t(`map.lists.fields.${field}`) })}</Text>
        {guesses.length > 0 && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              for (const guess of guesses) translate(guess.value, guess.sent);
            }}
            data-testid={`map-list-match-${field}`}
          >
            {t('map.lists.matchByName')}
          </Button>
        )}
      </Group>
      <Table verticalSpacing={2} withTableBorder fz="sm">
        <ValueTableHead />
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.value} data-testid="map-list-value-row" data-value={row.value}>
              <Table.Td>{row.value}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('map.lists.sentAs', { value: row.value })}
                  placeholder={t('map.lists.chooseCode')}
                  data={options}
                  value={row.valid ? row.sent : null}
                  onChange={(value) => translate(row.value, value)}
                  searchable
                  clearable={row.translated}
                  size="xs"
                  w={280}
                  data-testid={`map-list-value-${field}-${row.value}`}
                />
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={row.valid ? 'teal' : 'red'}>
                  {row.valid ? t('map.lists.valid') : t('map.lists.notInList')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        {t('map.lists.firstRows')}
      </Text>
    </div>
  );
}
