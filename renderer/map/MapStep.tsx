import { Alert, Button, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Connection, TargetDescriptor, Template } from '../../shared/contract';
import { targetSpec } from '../../shared/targets/catalog';
import { useAppData, useTarget } from '../app/app-data';
import { useBridge } from '../app/bridge-context';
import { errorMessage } from '../app/error-message';
import { messageText } from '../app/message-text';
import { StepFooter } from '../app/StepFooter';
import { useWizard } from '../app/wizard-context';
import type { OpenedFile } from '../app/wizard-state';
import { useLang } from '../i18n/use-lang';
import { ColumnMappingTable } from './ColumnMappingTable';
import { ConstantsEditor } from './ConstantsEditor';
import { DateFormatsEditor } from './DateFormatsEditor';
import { FieldTypesEditor } from './FieldTypesEditor';
import { reviewMapping } from './mapping-blockers';
import { PartyEditor } from './PartyEditor';
import { RequestSample } from './RequestSample';
import type { EditTemplate } from './template-edit';
import { initialTemplate, usedCustomFields, usedFieldsOfKind } from './template-editing';
import { TemplateBar } from './TemplateBar';
import { ThalamusListsEditor } from './ThalamusListsEditor';
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
  const customFields = useMemo(
    () => usedCustomFields(columns, constants, target),
    [columns, constants, target],
  );
  const dateFields = useMemo(
    () => [...usedFieldsOfKind(columns, constants, target, 'date'), ...customFields],
    [columns, constants, target, customFields],
  );
  const columnNames = file.info.columns;
  const { blocking, warnings } = useMemo(
    () => reviewMapping(template, connection, columnNames),
    [template, connection, columnNames],
  );
  const declaredTypes = targetSpec(target.id).declaredTypes ?? [];
  const isThalamus = target.id === 'thalamus-cases';

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

      {target.id === 'wolkvox-crm-records' && connection.module && (
        <Text size="sm" data-testid="map-module">
          {t('map.module', { module: connection.module })}
        </Text>
      )}

      {blocking.length > 0 && (
        <Alert color="red" title={t('map.missingTitle')} role="alert" data-testid="map-required-missing">
          <List size="sm">
            {blocking.map((problem, i) => (
              <List.Item key={i} data-field={String(problem.params?.field ?? '')}>
                {messageText(lang, problem)}
              </List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            {t('map.missingHelp')}
          </Text>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert color="yellow" title={t('map.warningsTitle')} data-testid="map-warnings">
          <List size="sm">
            {warnings.map((problem, i) => (
              <List.Item key={i}>{messageText(lang, problem)}</List.Item>
            ))}
          </List>
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
      {isThalamus && (
        <PartyEditor
          columns={columns}
          constants={constants}
          fileColumns={columnNames}
          target={target}
          edit={edit}
        />
      )}
      {isThalamus && (
        <ThalamusListsEditor
          template={template}
          connectionId={connection.id}
          preview={file.info.preview}
          edit={edit}
        />
      )}
      <FieldTypesEditor
        fieldTypes={template.fieldTypes}
        fields={customFields}
        types={declaredTypes}
        edit={edit}
      />
      <ConstantsEditor constants={constants} target={target} edit={edit} />
      <ValueMapsEditor valueMaps={valueMaps} fields={systemFields} target={target.id} edit={edit} />
      <DateFormatsEditor dateFormats={dateFormats} fields={dateFields} edit={edit} />
      <RequestSample
        template={template}
        file={file}
        connectionId={connection.id}
        blocked={blocking.length > 0}
      />

      <StepFooter
        onBack={() => dispatch({ type: 'go', step: 'file' })}
        onNext={() => dispatch({ type: 'go', step: 'check' })}
        nextDisabled={blocking.length > 0}
      >
        {blocking.length > 0 && (
          <Text size="sm" c="red">
            {t('map.nextBlocked', { count: blocking.length })}
          </Text>
        )}
      </StepFooter>
    </Stack>
  );
}
