import { Alert, Button, Card, Group, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Connection, FileOptions, Template } from '../../shared/contract';
import { useBridge } from '../app/bridge-context';
import { errorMessage } from '../app/error-message';
import { useEngineEvents } from '../app/use-engine-events';
import { useLang } from '../i18n/use-lang';
import { applyTemplate } from './template-editing';

interface TemplateBarProps {
  template: Template;
  columns: string[];
  connection: Connection;
  fileOptions: FileOptions;
  onReplace: (template: Template) => void;
}

/** Load and save templates; a saved one whose columns all appear in this file is offered. */
export function TemplateBar({ template, columns, connection, fileOptions, onReplace }: TemplateBarProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const [saved, setSaved] = useState<Template[]>([]);
  const [offer, setOffer] = useState<Template | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const loadList = useCallback(() => {
    bridge.listTemplates().then(setSaved, setFailure);
  }, [bridge]);

  useEffect(loadList, [loadList]);
  useEngineEvents((event) => {
    if (event.type === 'templates-changed') loadList();
  });

  useEffect(() => {
    let current = true;
    bridge.matchTemplates({ columns }).then(
      (matches) => {
        const best = matches.find((candidate) => candidate.target === template.target);
        if (current && best) setOffer(best);
      },
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
    // Offered once per file: later edits of the mapping do not bring the offer back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, columns]);

  const use = (chosen: Template) => {
    onReplace(applyTemplate(chosen, { columns, connection, fileOptions }));
    setOffer(null);
    notifications.show({ message: t('map.templateApplied', { name: chosen.name }), color: 'teal' });
  };

  const save = async () => {
    setSaving(true);
    setFailure(null);
    try {
      const stored = await bridge.saveTemplate({ template: { ...template, name: template.name.trim() } });
      onReplace(stored);
      notifications.show({ message: t('map.templateSaved', { name: stored.name }), color: 'teal' });
      loadList();
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const candidates = saved.filter((candidate) => candidate.target === template.target);

  return (
    <Card withBorder padding="md" data-testid="map-templates">
      {offer && offer.name !== template.name && (
        <Alert color="teal" mb="sm" data-testid="template-offer" title={t('map.offerTitle')}>
          <Group justify="space-between">
            <Text size="sm">{t('map.offerBody', { name: offer.name })}</Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => use(offer)} data-testid="template-offer-apply">
                {t('map.offerApply')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => setOffer(null)}
                data-testid="template-offer-dismiss"
              >
                {t('map.offerDismiss')}
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      <Group align="flex-end" gap="md">
        <Select
          label={t('map.loadTemplate')}
          placeholder={candidates.length === 0 ? t('map.noTemplates') : t('map.chooseTemplate')}
          data={candidates.map((candidate) => candidate.name)}
          value={null}
          onChange={(name) => {
            const chosen = candidates.find((candidate) => candidate.name === name);
            if (chosen) use(chosen);
          }}
          disabled={candidates.length === 0}
          searchable
          w={280}
          data-testid="template-load"
        />
        <TextInput
          label={t('map.templateName')}
          value={template.name}
          onChange={(event) => onReplace({ ...template, name: event.currentTarget.value })}
          w={280}
          data-testid="template-name"
        />
        <Button
          variant="light"
          onClick={() => void save()}
          loading={saving}
          disabled={template.name.trim() === ''}
          data-testid="template-save"
        >
          {t('map.saveTemplate')}
        </Button>
      </Group>
      {failure !== null && (
        <Alert color="red" mt="sm" role="alert">
          {errorMessage(lang, failure)}
        </Alert>
      )}
    </Card>
  );
}
