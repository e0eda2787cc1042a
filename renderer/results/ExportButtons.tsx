import { Alert, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ReportFormat, ReportKind } from '../../shared/contract';
import { useBridge } from '../app/bridge-context';
import { errorMessage } from '../app/error-message';
import type { DeliveredReport } from '../bridge/bridge';
import { useLang } from '../i18n/use-lang';

type ExportLabel = 'exportErrors' | 'exportAccepted' | 'exportFailed';

/** The reports, grouped by what they hold: the error report and the loaded rows with their CRM
 * id side by side, then the failed rows to fix and drop in again. */
const GROUPS: { label: ExportLabel; kind: ReportKind; formats: ReportFormat[] }[] = [
  { label: 'exportErrors', kind: 'errors', formats: ['csv', 'xlsx'] },
  { label: 'exportAccepted', kind: 'accepted', formats: ['csv', 'xlsx'] },
  { label: 'exportFailed', kind: 'failed-rows', formats: ['csv'] },
];

/** Exports a report the way the front door can: a download in the browser; in the app, saved in
 * the job's folder, with "Show in folder". */
export function ExportButtons({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [delivered, setDelivered] = useState<DeliveredReport | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const exportReport = async (kind: ReportKind, format: ReportFormat) => {
    setBusy(true);
    setFailure(null);
    try {
      // Said beside the menu, not in a notification: one would cover these very controls.
      setDelivered(await bridge.deliverReport({ jobId, kind, format, lang }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const showInFolder = async (path: string) => {
    setFailure(null);
    try {
      await bridge.showInFolder?.(path);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Stack gap="xs" align="flex-end">
      {/* Without Mantine's focus placeholder: a focusable child of no role inside a menu is what
          screen readers (and axe) stumble on; the dropdown itself takes the focus and the arrows. */}
      <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <Button variant="default" size="sm" loading={busy} data-testid="results-export">
            {t('resultsDetail.exportMenu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {GROUPS.map(({ label, kind, formats }, i) => (
            <Fragment key={kind}>
              {i > 0 && <Menu.Divider />}
              {/* Each report is a group named by its label: an item reads as "CSV" within "Error report". */}
              <div role="group" aria-labelledby={`results-export-${kind}-label`}>
                <Menu.Label id={`results-export-${kind}-label`}>{t(`resultsDetail.${label}`)}</Menu.Label>
                {formats.map((format) => (
                  <Menu.Item
                    key={format}
                    onClick={() => void exportReport(kind, format)}
                    data-testid={`results-export-${kind}-${format}`}
                  >
                    {t(`resultsDetail.${format}`)}
                  </Menu.Item>
                ))}
              </div>
            </Fragment>
          ))}
        </Menu.Dropdown>
      </Menu>
      {delivered && (
        <Group gap="xs" justify="flex-end" role="status" data-testid="results-export-done">
          {delivered.kind === 'downloaded' ? (
            <Text size="sm" data-testid="results-export-downloaded">
              {t('resultsDetail.downloaded', { name: delivered.fileName })}
            </Text>
          ) : (
            <>
              <Text size="sm" data-testid="results-export-path">
                {t('resultsDetail.savedAt', { path: delivered.path })}
              </Text>
              {bridge.showInFolder && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => void showInFolder(delivered.path)}
                  data-testid="results-show-in-folder"
                >
                  {t('resultsDetail.showInFolder')}
                </Button>
              )}
            </>
          )}
        </Group>
      )}
      {failure !== null && (
        <Alert color="red" role="alert" data-testid="results-export-error">
          {errorMessage(lang, failure)}
        </Alert>
      )}
    </Stack>
  );
}
