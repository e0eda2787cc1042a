import { Alert, Card, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { RequestPreview, Template } from '../../shared/contract';
import { useBridge } from '../app/bridge-context';
import { errorMessage } from '../app/error-message';
import { TechnicalDetails } from '../app/TechnicalDetails';
import type { OpenedFile } from '../app/wizard-state';
import { useLang } from '../i18n/use-lang';

const SAMPLE_ROWS = 3;

interface RequestSampleProps {
  template: Template;
  file: OpenedFile;
  connectionId: string;
  /** Required fields are missing: there is nothing meaningful to show yet. */
  blocked: boolean;
}

type Sample =
  { kind: 'loading' } | { kind: 'ready'; requests: RequestPreview[] } | { kind: 'failed'; error: unknown };

/** What the first rows will send, rebuilt a moment after each edit of the mapping. */
export function RequestSample({ template, file, connectionId, blocked }: RequestSampleProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const [debounced] = useDebouncedValue(template, 300);
  const [sample, setSample] = useState<Sample>({ kind: 'loading' });

  useEffect(() => {
    if (blocked) return;
    let current = true;
    bridge
      .previewRequests({
        path: file.info.path,
        options: file.options,
        template: debounced,
        connectionId,
        rows: SAMPLE_ROWS,
      })
      .then(
        (requests) => current && setSample({ kind: 'ready', requests }),
        (error: unknown) => current && setSample({ kind: 'failed', error }),
      );
    return () => {
      current = false;
    };
  }, [bridge, debounced, file, connectionId, blocked]);

  return (
    <Card withBorder padding="md" data-testid="map-sample">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {t('map.sampleTitle')}
        </Title>
        {!blocked && sample.kind === 'loading' && <Loader size="xs" />}
      </Group>
      {blocked ? (
        <Text size="sm" c="dimmed">
          {t('map.sampleBlocked')}
        </Text>
      ) : sample.kind === 'failed' ? (
        <Alert color="red" role="alert">
          {errorMessage(lang, sample.error)}
        </Alert>
      ) : sample.kind === 'ready' ? (
        <Stack gap="sm" aria-live="polite">
          {sample.requests.map((request, i) => (
            <div key={i} data-testid="map-sample-request">
              <Text size="sm" fw={500}>
                {t('map.sampleRows', { count: request.rows.length, rows: request.rows.join(', ') })}
              </Text>
              {/* The address and the raw body are a technician's view: behind a disclosure. */}
              <TechnicalDetails testId={`map-sample-details-${i}`}>
                <Code block>{`${request.method} ${request.url}\n\n${request.body}`}</Code>
              </TechnicalDetails>
            </div>
          ))}
        </Stack>
      ) : null}
    </Card>
  );
}
