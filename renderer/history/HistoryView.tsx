import { Alert, Badge, Button, Container, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { JobSummary } from '../../shared/contract';
import { useAppData } from '../app/app-data';
import { useBridge } from '../app/bridge-context';
import { errorMessage } from '../app/error-message';
import { formatDateTime, formatNumber } from '../app/format';
import { statusLabel } from '../app/kind-labels';
import { STATUS_COLORS } from '../app/status-colors';
import { useEngineEvents } from '../app/use-engine-events';
import { useWizard } from '../app/wizard-context';
import { useLang } from '../i18n/use-lang';
import { summaryJobView } from '../run/job-view-text';

/** Past runs, newest first: open one, resume it, or retry its failed rows. */
export function HistoryView() {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const { targets } = useAppData();
  const { dispatch } = useWizard();
  const [jobs, setJobs] = useState<JobSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(() => {
    bridge.listJobs().then(
      (list) => setJobs([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
      (error: unknown) => setFailure(error),
    );
  }, [bridge]);

  useEffect(load, [load]);
  useEngineEvents((event) => {
    if (event.type === 'job-finished' || event.type === 'job-status' || event.type === 'job-listed') load();
    // A job running here or in another process (a terminal) shows its progress as it goes.
    if (event.type === 'job-progress') {
      const { jobId, status, total, ok, failed, uncertain, pending, skipped, requests, heldBy } =
        event.progress;
      setJobs((list) =>
        list?.some((job) => job.jobId === jobId)
          ? list.map((job) => {
              if (job.jobId !== jobId) return job;
              const { heldBy: _previous, ...rest } = job;
              const next = { ...rest, status, total, ok, failed, uncertain, pending, skipped, requests };
              return heldBy ? { ...next, heldBy } : next;
            })
          : list,
      );
    }
  });

  const open = (job: JobSummary) =>
    dispatch({ type: 'job-opened', jobId: job.jobId, status: job.status, usesTemplate: false });

  const act = async (job: JobSummary, kind: 'resume' | 'retry') => {
    setBusy(`${kind}:${job.jobId}`);
    setFailure(null);
    try {
      const summary =
        kind === 'resume'
          ? await bridge.resumeJob({ jobId: job.jobId })
          : await bridge.retryJob({ jobId: job.jobId, includeUncertain: false });
      dispatch({ type: 'job-opened', jobId: summary.jobId, status: summary.status, usesTemplate: false });
    } catch (error) {
      setFailure(error);
      setBusy(null);
    }
  };

  const targetName = (id: JobSummary['target']) =>
    targets.find((target) => target.id === id)?.name[lang] ?? id;

  return (
    <Container size="xl" px={0}>
      <Stack gap="md" data-testid="history-screen">
        <Group justify="space-between">
          <div>
            <Title order={2}>{t('history.title')}</Title>
            <Text c="dimmed">{t('history.intro')}</Text>
          </div>
          <Button
            variant="default"
            onClick={() => dispatch({ type: 'show-wizard' })}
            data-testid="history-back"
          >
            {t('history.back')}
          </Button>
        </Group>
        {failure !== null && (
          <Alert color="red" role="alert">
            {errorMessage(lang, failure)}
          </Alert>
        )}
        {jobs === null ? (
          <Loader aria-label={t('history.loading')} />
        ) : jobs.length === 0 ? (
          <Text c="dimmed" data-testid="history-empty">
            {t('history.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="history-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('history.when')}</Table.Th>
                  <Table.Th scope="col">{t('history.file')}</Table.Th>
                  <Table.Th scope="col">{t('history.target')}</Table.Th>
                  <Table.Th scope="col">{t('history.status')}</Table.Th>
                  <Table.Th scope="col">{t('history.outcome')}</Table.Th>
                  <Table.Th scope="col">{t('history.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.map((job) => {
                  const view = summaryJobView(job);
                  const resumable = view.actions.resume;
                  const retryable =
                    job.failed > 0 &&
                    (job.status === 'finished' || job.status === 'cancelled' || job.status === 'stopped');
                  return (
                    <Table.Tr
                      key={job.jobId}
                      data-testid="history-row"
                      data-job-id={job.jobId}
                      data-status={job.status}
                    >
                      <Table.Td>{formatDateTime(lang, job.createdAt)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {job.fileName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {job.connectionName}
                        </Text>
                      </Table.Td>
                      <Table.Td>{targetName(job.target)}</Table.Td>
                      <Table.Td>
                        {/* Never cut: a narrow window gives the room to the other columns. */}
                        <Badge color={STATUS_COLORS[view.status]} variant="light" miw="max-content">
                          {statusLabel(lang, view.status)}
                        </Badge>
                        {view.heldBy && (
                          <Text size="xs" c="dimmed" data-testid="history-held-by">
                            {t(`run.heldByShort.${view.heldBy.frontDoor}`)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {t('history.counts', {
                            ok: formatNumber(lang, job.ok),
                            failed: formatNumber(lang, job.failed),
                            uncertain: formatNumber(lang, job.uncertain),
                            total: formatNumber(lang, job.total),
                          })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => open(job)}
                            data-testid="history-open"
                          >
                            {t('history.open')}
                          </Button>
                          {resumable && (
                            <Button
                              size="xs"
                              onClick={() => void act(job, 'resume')}
                              loading={busy === `resume:${job.jobId}`}
                              data-testid="history-resume"
                            >
                              {t('history.resume')}
                            </Button>
                          )}
                          {retryable && (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => void act(job, 'retry')}
                              loading={busy === `retry:${job.jobId}`}
                              data-testid="history-retry"
                            >
                              {t('history.retry')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Container>
  );
}
