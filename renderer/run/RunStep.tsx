import { Alert, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { JobSummary } from '../../shared/contract';
import { useBridge } from '../app/bridge-context';
import { ConfirmModal } from '../app/ConfirmModal';
import { errorMessage } from '../app/error-message';
import { formatNumber } from '../app/format';
import { outcomeLabel, statusLabel } from '../app/kind-labels';
import { messageText } from '../app/message-text';
import { OutcomeCounts } from '../app/OutcomeCounts';
import { Stat } from '../app/Stat';
import { STATUS_COLORS } from '../app/status-colors';
import { useWizard } from '../app/wizard-context';
import { useLang } from '../i18n/use-lang';
import { liveJobView, resetText, timeLeftText } from './job-view-text';
import { progressSections } from './progress-sections';
import { useLiveJob } from './use-live-job';

export function RunStep() {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const { state, dispatch } = useWizard();
  const { job, applySummary } = useLiveJob(state.jobId);
  const [busy, setBusy] = useState<'pause' | 'resume' | 'cancel' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const jobId = state.jobId;
  if (!jobId) return null;

  const act = async (
    kind: 'pause' | 'resume' | 'cancel',
    call: (input: { jobId: string }) => Promise<JobSummary>,
  ) => {
    setBusy(kind);
    setFailure(null);
    try {
      applySummary(await call({ jobId }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const { counts } = job;
  const view = liveJobView(job);
  const status = view?.status ?? null;
  const live = view?.live ?? false;
  const ended = view?.ended ?? false;
  const done = view?.done ?? 0;
  const percent = view?.percent ?? 0;
  const timeLeft = view ? timeLeftText(lang, t, view.timeLeft) : '—';
  const waitingReset = status === 'waiting-quota' ? resetText(lang, t, view?.resetsAt ?? null) : null;

  return (
    <Stack gap="md" data-testid="run-screen" data-status={status ?? 'loading'}>
      <Group justify="space-between">
        <div>
          <Title order={2}>{t('run.title')}</Title>
          {job.summary && (
            <Text c="dimmed">
              {job.summary.fileName} → {job.summary.connectionName}
            </Text>
          )}
        </div>
        {status && (
          <Badge size="lg" color={STATUS_COLORS[status]} variant="light" data-testid="run-status">
            {statusLabel(lang, status)}
          </Badge>
        )}
      </Group>

      {job.error !== null && (
        <Alert color="red" role="alert">
          {errorMessage(lang, job.error)}
        </Alert>
      )}

      <Card withBorder padding="lg">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>
            {view?.counting
              ? t('run.progressCounting', { done: formatNumber(lang, done) })
              : t('run.progress', {
                  done: formatNumber(lang, done),
                  total: formatNumber(lang, counts?.total ?? 0),
                })}
          </Text>
          <Text fw={600}>{view?.counting ? '…' : `${formatNumber(lang, percent, 1)} %`}</Text>
        </Group>
        <Progress.Root
          size="xl"
          role="group"
          aria-label={t('run.progressLabel')}
          data-testid="run-progress"
          data-percent={Math.floor(percent)}
        >
          {counts &&
            progressSections(counts).map((section) => (
              <Progress.Section
                key={section.outcome}
                value={section.percent}
                color={section.color}
                animated={status === 'running'}
                striped={status === 'running'}
                aria-label={t('a11y.progressSection', {
                  outcome: outcomeLabel(lang, section.outcome),
                  count: formatNumber(lang, section.count),
                })}
              >
                <Progress.Label>
                  {section.percent >= 8 ? formatNumber(lang, section.count) : ''}
                </Progress.Label>
              </Progress.Section>
            ))}
        </Progress.Root>
      </Card>

      <OutcomeCounts counts={counts} outcomes={['ok', 'failed', 'uncertain', 'pending']} testIdPrefix="run" />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Stat
          label={t('run.rate')}
          value={view?.rate == null ? '—' : t('run.rateValue', { rate: formatNumber(lang, view.rate, 1) })}
          testId="run-rate"
        />
        <Stat label={t('run.eta')} value={timeLeft} testId="run-eta" />
        <Stat
          label={t('run.quotaLeft')}
          value={job.quotaLeft === null ? '—' : formatNumber(lang, job.quotaLeft)}
          testId="run-quota-left"
        />
      </SimpleGrid>

      {waitingReset !== null ? (
        <Alert color="yellow" data-testid="run-reason">
          {/* The engine's own "quota reached" says the same as the sentence below, for the CLI. */}
          {job.reason && job.reason.code !== 'job.quota-reached' && `${messageText(lang, job.reason)} `}
          {t('jobView.waiting', { reset: waitingReset })}
        </Alert>
      ) : (
        job.reason &&
        status !== 'running' && (
          <Alert color={status === 'stopped' ? 'red' : 'yellow'} data-testid="run-reason">
            {messageText(lang, job.reason)}
          </Alert>
        )
      )}
      {view?.heldBy && (
        <Alert color="blue" role="status" data-testid="run-held-by" data-front-door={view.heldBy.frontDoor}>
          {t(`run.heldBy.${view.heldBy.frontDoor}`, { pid: String(view.heldBy.pid) })}
        </Alert>
      )}
      {failure !== null && (
        <Alert color="red" role="alert" data-testid="run-error">
          {errorMessage(lang, failure)}
        </Alert>
      )}
      {live && !view?.heldBy && (
        <Text size="sm" c="dimmed">
          {t('run.keepsGoing')}
        </Text>
      )}

      <Group justify="space-between">
        <Group gap="sm">
          {view?.actions.pause && (
            <Button
              variant="default"
              onClick={() => void act('pause', (input) => bridge.pauseJob(input))}
              loading={busy === 'pause'}
              data-testid="run-pause"
            >
              {t('run.pause')}
            </Button>
          )}
          {view?.actions.resume && (
            <Button
              onClick={() => void act('resume', (input) => bridge.resumeJob(input))}
              loading={busy === 'resume'}
              data-testid="run-resume"
            >
              {t('run.resume')}
            </Button>
          )}
          {view?.actions.cancel && (
            <Button
              variant="subtle"
              color="red"
              onClick={() => setConfirmCancel(true)}
              loading={busy === 'cancel'}
              data-testid="run-cancel"
            >
              {t('run.cancel')}
            </Button>
          )}
        </Group>
        <Button
          variant={ended ? 'filled' : 'light'}
          onClick={() => dispatch({ type: 'go', step: 'results' })}
          data-testid="run-results"
        >
          {t('run.seeResults')}
        </Button>
      </Group>

      <ConfirmModal
        opened={confirmCancel}
        onClose={() => setConfirmCancel(false)}
        title={t('run.cancelTitle')}
        confirmLabel={t('run.cancelConfirm')}
        dismissLabel={t('run.keepImporting')}
        onConfirm={() => void act('cancel', (input) => bridge.cancelJob(input))}
        testId="run-cancel-modal"
      >
        <Text>{t('run.cancelBody')}</Text>
      </ConfirmModal>
    </Stack>
  );
}
