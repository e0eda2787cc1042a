import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

import type { FailureClass, JobSummary, ResultRow } from '../../shared/contract';
import { useBridge } from '../app/bridge-context';
import { ConfirmModal } from '../app/ConfirmModal';
import { errorMessage } from '../app/error-message';
import { formatNumber } from '../app/format';
import { OutcomeCounts } from '../app/OutcomeCounts';
import { SheetKindProvider } from '../app/sheet-cells';
import { useWizard } from '../app/wizard-context';
import { useLang } from '../i18n/use-lang';
import { liveJobView, retryTimeLeft, retryTimeLeftText } from '../run/job-view-text';
import { useLiveJob } from '../run/use-live-job';
import { CreateContactsAction } from './CreateContactsAction';
import { ExportButtons } from './ExportButtons';
import { FailureChart } from './FailureChart';
import { DEFAULT_FILTER, toResultFilter, type FilterState } from './result-filter';
import { ResultPager } from './result-pager';
import { ResultFilters } from './ResultFilters';
import { ResultsTable } from './ResultsTable';
import { useCorrectedCount } from './use-corrected-count';

export function ResultsStep() {
  const { state } = useWizard();
  return state.jobId ? <JobResults jobId={state.jobId} /> : null;
}

function JobResults({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const { state, dispatch } = useWizard();
  const { job } = useLiveJob(jobId);
  const [filter, setFilter] = useState<FilterState>(DEFAULT_FILTER);
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text, 300);
  const [reload, setReload] = useState(0);
  const [breakdown, setBreakdown] = useState<Partial<Record<FailureClass | 'validation', number>>>({});
  const [confirmUncertain, setConfirmUncertain] = useState(false);
  const [retrying, setRetrying] = useState<'corrected' | 'failed' | 'uncertain' | null>(null);
  /** Fixes recorded on this screen: each asks again how many rows are corrected. */
  const [fixes, setFixes] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);

  const query = useMemo(
    () => toResultFilter({ ...filter, text: debouncedText }, lang),
    [filter, debouncedText, lang],
  );
  const pager = useMemo(
    () => new ResultPager((offset, limit) => bridge.listResults({ jobId, filter: query, offset, limit })),
    // `reload` builds a fresh pager after a failed page, the same filter asked again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [bridge, jobId, query, reload],
  );

  // Only the count and a failed page concern this screen: pages arriving as the table scrolls
  // re-render the table alone.
  const total = useSyncExternalStore(pager.subscribe, () => pager.total);
  const pageError = useSyncExternalStore(pager.subscribe, () => pager.error);

  useEffect(() => {
    let current = true;
    bridge.failureBreakdown({ jobId }).then(
      (result) => current && setBreakdown(result),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [bridge, jobId, job.status]);

  const fix = useCallback(
    async (row: ResultRow, column: string, value: string) => {
      try {
        const fixed = await bridge.fixRow({
          jobId,
          index: row.index,
          values: { ...row.values, [column]: value },
        });
        pager.replaceRow(fixed);
        setFixes((n) => n + 1);
      } catch (error) {
        notifications.show({
          color: 'red',
          title: t('results.fixFailed'),
          message: errorMessage(lang, error),
        });
        throw error;
      }
    },
    [bridge, jobId, pager, t, lang],
  );

  const counts = job.counts;
  const corrected = useCorrectedCount(jobId, fixes, job.status);

  const retry = async (rows: 'corrected' | 'failed' | 'uncertain') => {
    setRetrying(rows);
    setFailure(null);
    try {
      const template = state.jobUsesTemplate && state.template ? state.template : undefined;
      const summary: JobSummary = await bridge.retryJob({
        jobId,
        includeUncertain: rows === 'uncertain',
        ...(rows === 'corrected' ? { onlyCorrected: true } : {}),
        ...(template ? { template } : {}),
      });
      dispatch({
        type: 'job-opened',
        jobId: summary.jobId,
        status: summary.status,
        usesTemplate: template !== undefined,
      });
    } catch (error) {
      setFailure(error);
      setRetrying(null);
    }
  };

  const view = liveJobView(job);
  const live = view?.live ?? false;
  // Each retry choice tells the quota it needs with its own rows, before it starts.
  const estimates = (
    [
      ['corrected', corrected ?? 0],
      ['failed', counts?.failed ?? 0],
    ] as const
  ).flatMap(([choice, rows]) => {
    const timeLeft = live ? null : retryTimeLeft(job, rows);
    return timeLeft ? [{ choice, text: retryTimeLeftText(lang, t, rows, timeLeft) }] : [];
  });

  return (
    <Stack gap="md" data-testid="results-screen" data-status={view?.status ?? 'loading'}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('results.title')}</Title>
          {job.summary && (
            <Text c="dimmed">
              {job.summary.fileName} → {job.summary.connectionName}
            </Text>
          )}
        </div>
        <ExportButtons jobId={jobId} />
      </Group>

      {live && <Alert color="blue">{t('results.stillRunning')}</Alert>}

      <OutcomeCounts
        counts={counts}
        outcomes={['ok', 'failed', 'uncertain', 'pending', 'skipped']}
        testIdPrefix="results"
      />

      <FailureChart breakdown={breakdown} />

      <Group justify="space-between" align="flex-end">
        <ResultFilters filter={filter} counts={counts} text={text} onText={setText} onChange={setFilter} />
        <Text size="sm" c="dimmed" data-testid="results-count">
          {total === null
            ? t('results.loading')
            : t('results.count', { count: total, formatted: formatNumber(lang, total) })}
        </Text>
      </Group>

      {pageError !== null && (
        <Alert color="red" role="alert">
          <Group justify="space-between">
            <Text size="sm">{errorMessage(lang, pageError)}</Text>
            <Button size="xs" variant="light" onClick={() => setReload((n) => n + 1)}>
              {t('common.retry')}
            </Button>
          </Group>
        </Alert>
      )}
      <SheetKindProvider value={job.summary?.fileKind ?? 'csv'}>
        <ResultsTable
          pager={pager}
          columns={state.jobUsesTemplate ? (state.file?.info.columns ?? null) : null}
          onFix={fix}
        />
      </SheetKindProvider>
      <Text size="sm" c="dimmed">
        {t('results.fixHelp')}
      </Text>

      {failure !== null && (
        <Alert color="red" role="alert" data-testid="results-error">
          {errorMessage(lang, failure)}
        </Alert>
      )}

      <Group justify="space-between">
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => dispatch({ type: 'new-import' })}
            data-testid="results-new-import"
          >
            {t('resultsActions.newImport')}
          </Button>
          <Button
            variant="default"
            onClick={() => dispatch({ type: 'go', step: 'map' })}
            disabled={!state.jobUsesTemplate || live}
            data-testid="results-change-mapping"
          >
            {t('results.changeMapping')}
          </Button>
        </Group>
        <Group gap="sm">
          <CreateContactsAction jobId={jobId} status={job.status} />
          <Button
            variant="light"
            color="yellow"
            onClick={() => setConfirmUncertain(true)}
            disabled={!counts || counts.uncertain === 0 || live || retrying !== null}
            loading={retrying === 'uncertain'}
            data-testid="results-retry-uncertain"
          >
            {t('results.retryUncertain')}
          </Button>
          <Button
            variant="default"
            onClick={() => void retry('corrected')}
            disabled={!corrected || live || retrying !== null}
            loading={retrying === 'corrected'}
            data-testid="results-retry-corrected"
            data-count={corrected ?? undefined}
          >
            {t('resultsDetail.retryCorrected', { formatted: formatNumber(lang, corrected ?? 0) })}
          </Button>
          <Button
            onClick={() => void retry('failed')}
            disabled={!counts || counts.failed === 0 || live || retrying !== null}
            loading={retrying === 'failed'}
            data-testid="results-retry-failed"
            data-count={counts?.failed ?? undefined}
          >
            {t('resultsDetail.retryAllFailed', { formatted: formatNumber(lang, counts?.failed ?? 0) })}
          </Button>
        </Group>
      </Group>
      {estimates.length > 0 && (
        <Stack gap={2} data-testid="results-retry-estimates">
          {estimates.map(({ choice, text }) => (
            <Text key={choice} size="sm" data-testid={`results-retry-estimate-${choice}`}>
              {t(choice === 'corrected' ? 'jobView.retryCorrected' : 'jobView.retryFailed', {
                estimate: text,
              })}
            </Text>
          ))}
        </Stack>
      )}

      <ConfirmModal
        opened={confirmUncertain}
        onClose={() => setConfirmUncertain(false)}
        title={t('results.uncertainTitle')}
        confirmLabel={t('results.uncertainConfirm')}
        confirmColor="yellow"
        onConfirm={() => void retry('uncertain')}
        testId="results-retry-uncertain-modal"
      >
        <Text>{t('results.uncertainBody', { count: counts?.uncertain ?? 0 })}</Text>
        <Text size="sm" c="dimmed">
          {t('results.uncertainAdvice')}
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
