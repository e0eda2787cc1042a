import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ReportFormat, ReportKind } from '../../shared/contract';
import { useBridge } from '../app/bridge-context';
import { errorMessage } from '../app/error-message';
import { useLang } from '../i18n/use-lang';

const EXPORTS: {
  kind: ReportKind;
  format: ReportFormat;
  label: 'exportErrorsCsv' | 'exportErrorsXlsx' | 'exportFailedCsv';
}[] = [
  { kind: 'errors', format: 'csv', label: 'exportErrorsCsv' },
  { kind: 'errors', format: 'xlsx', label: 'exportErrorsXlsx' },
  { kind: 'failed-rows', format: 'csv', label: 'exportFailedCsv' },
];

/** The error report (CSV, XLSX) and the failed rows to fix and drop in again. */
export function ExportButtons({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const [busy, setBusy] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const exportReport = async (kind: ReportKind, format: ReportFormat) => {
    const id = `${kind}-${format}`;
    setBusy(id);
    setFailure(null);
    try {
      const { path } = await bridge.exportReport({ jobId, kind, format, lang });
      // Said beside the buttons, not in a notification: one would cover these very buttons.
      setSaved(path);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        {EXPORTS.map(({ kind, format, label }) => (
          <Button
            key={`${kind}-${format}`}
            variant="default"
            size="sm"
            onClick={() => void exportReport(kind, format)}
            loading={busy === `${kind}-${format}`}
            data-testid={`results-export-${kind}-${format}`}
          >
            {t(`results.${label}`)}
          </Button>
        ))}
      </Group>
      {saved && (
        <Text size="sm" role="status" data-testid="results-export-path">
          {t('results.savedAt')}{' '}
          <Text span ff="monospace" size="sm">
            {saved}
          </Text>
        </Text>
      )}
      {failure !== null && (
        <Alert color="red" role="alert" data-testid="results-export-error">
          {errorMessage(lang, failure)}
        </Alert>
      )}
    </Stack>
  );
}
