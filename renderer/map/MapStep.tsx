import { Alert, Button, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Connection, TargetDescriptor, Template } from '../../shared/contract';
import { useAppData, useTarget } from '../app/app-data';
import { useBridge } from '../app/bridge-context';
import { errorMessage } from '../app/error-message';
import { StepFooter } from '../app/StepFooter';
import { useWizard } from '../app/wizard-context';
import type { OpenedFile } from '../app/wizard-state';
import { useLang } from '../i18n/use-lang';
import { ColumnMappingTable } from './ColumnMappingTable';
import { ConstantsEditor } from './ConstantsEditor';
import { DateFormatsEditor } from './DateFormatsEditor';
import { RequestSample } from './RequestSample';
import type { EditTemplate } from './template-edit';
import { initialTemplate, missingRequired, usedCustomFields, usedFieldsOfKind } from './template-editing';
import { TemplateBar } from './TemplateBar';
import { ValueMapsEditor } from './ValueMapsEditor';

export function MapStep() {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const { connections } = useAppData();
  const { state, dispatch } = useWizard();
  const target = useTarget(state.target);
  const connection = connections.find((candidate) => candidate.id === state.connectionId) ?? null;
  const { file, template } = state;
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    if (template || !file || !target || !connection) return;
    let current = true;
    bridge.suggestMapping({ target: target.id, columns: file.info.columns }).then(
      (suggestions) => {
        if (!current) return;
        const name = file.info.name.replace(/\.[^.]+$/, '');
        dispatch({
          type: 'mapping-started',
          template: initialTemplate({ name, target, connection, fileOptions: file.options, suggestions }),
          suggestions,
        });
      },
      (error: unknown) => {
        if (current) setFailure(error);
      },
    );
    return () => {
      current = false;
    };
  }, [bridge, dispatch, template, file, target, connection]);

  if (!file || !target || !connection) return null;
  if (!template) {
    return failure ? (
      <Alert color="red" role="alert" data-testid="map-error">
        {errorMessage(lang, failure)}
      </Alert>
    ) : (
      <Group gap="xs" data-testid="map-loading">
        <Loader size="sm" />
        <Text>{t('map.suggesting')}</Text>
      </Group>
    );
  }

  return <MappingEditor template={template} target={target} connection={connection} file={file} />;
}

interface MappingEditorProps {
  template: Template;
  target: TargetDescriptor;
  connection: Connection;
  file: OpenedFile;
}

/** The mapping being edited. Each part gets only its slice of the template, so typing in one
 * stays quick with a file of a hundred columns. */
function MappingEditor({ template, target, connection, file }: MappingEditorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { state, dispatch } = useWizard();
  const edit: EditTemplate = useCallback(
    (change) => dispatch({ type: 'template-edited', edit: change }),
    [dispatch],
  );
  const replace = useCallback(
    (next: Template) => dispatch({ type: 'template-changed', template: next }),
    [dispatch],
  );
  const { columns, constants, valueMaps, dateFormats } = template;
  const systemFields = useMemo(
    () => usedFieldsOfKind(columns, constants, target, 'system'),
    [columns, constants, target],
  );
  const dateFields = useMemo(
    () => [
      ...usedFieldsOfKind(columns, constants, target, 'date'),
      ...usedCustomFields(columns, constants, target),
    ],
    [columns, constants, target],
  );
  const missing = missingRequired(template, target);

  return (
    <Stack gap="md" data-testid="map-screen">
      <div>
        <Title order={2}>{t('map.title')}</Title>
        <Text c="dimmed">{t('map.intro', { target: target.name[lang] })}</Text>
      </div>

      {state.jobUsesTemplate && (
        <Alert color="blue" data-testid="map-retry-note">
          <Group justify="space-between">
            <Text size="sm">{t('map.retryNote')}</Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => dispatch({ type: 'go', step: 'results' })}
              data-testid="map-back-to-results"
            >
              {t('map.backToResults')}
            </Button>
          </Group>
        </Alert>
      )}

      {missing.length > 0 && (
        <Alert color="red" title={t('map.missingTitle')} role="alert" data-testid="map-required-missing">
          <List size="sm">
            {missing.map((field) => (
              <List.Item key={field.key} data-field={field.key}>
                {field.label[lang]}{' '}
                <Text span c="dimmed" size="xs">
                  ({field.key})
                </Text>
              </List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            {t('map.missingHelp')}
          </Text>
        </Alert>
      )}

      <TemplateBar
        template={template}
        columns={file.info.columns}
        connection={connection}
        fileOptions={file.options}
        onReplace={replace}
      />
      <ColumnMappingTable
        mapped={columns}
        target={target}
        file={file.info}
        suggestions={state.suggestions}
        edit={edit}
      />
      <ConstantsEditor constants={constants} target={target} edit={edit} />
      <ValueMapsEditor valueMaps={valueMaps} fields={systemFields} target={target.id} edit={edit} />
      <DateFormatsEditor dateFormats={dateFormats} fields={dateFields} edit={edit} />
      <RequestSample
        template={template}
        file={file}
        connectionId={connection.id}
        blocked={missing.length > 0}
      />

      <StepFooter
        onBack={() => dispatch({ type: 'go', step: 'file' })}
        onNext={() => dispatch({ type: 'go', step: 'check' })}
        nextDisabled={missing.length > 0}
      >
        {missing.length > 0 && (
          <Text size="sm" c="red">
            {t('map.nextBlocked', { count: missing.length })}
          </Text>
        )}
      </StepFooter>
    </Stack>
  );
}
