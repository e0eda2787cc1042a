import { Alert, Button, Card, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CheckResult, ProblemCode } from '../../shared/contract';
import { useBridge } from '../app/bridge-context';
import { errorMessage } from '../app/error-message';
import { formatNumber } from '../app/format';
import { messageText } from '../app/message-text';
import { randomId } from '../app/random-id';
import { SheetKindProvider } from '../app/sheet-cells';
import { Stat } from '../app/Stat';
import { StepFooter } from '../app/StepFooter';
import { useEngineEvents } from '../app/use-engine-events';
import { useWizard } from '../app/wizard-context';
import { useLang } from '../i18n/use-lang';
import { askNotificationPermission } from '../run/os-notification';
import { AlreadySentNotice } from './AlreadySentNotice';
import { ProblemCounts } from './ProblemCounts';
import { ProblemExamples } from './ProblemExamples';

interface CheckRun {
  id: string;
  rows: number;
  result: CheckResult | null;
  error: unknown;
}

function newRun(): CheckRun {
  return { id: randomId('check'), rows: 0, result: null, error: null };
}

export function CheckStep() {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const { state, dispatch } = useWizard();
  const { file, template, connectionId } = state;
  const [check, setCheck] = useState<CheckRun>(newRun);
  const [kind, setKind] = useState<ProblemCode | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  /** Rows the destination already has are skipped unless the operator confirmed sending them again. */
  const [sendAgain, setSendAgain] = useState(false);

  useEffect(() => {
    if (!file || !template) return;
    let current = true;
    const id = check.id;
    bridge
      .checkFile({
        checkId: id,
        path: file.info.path,
        options: file.options,
        template,
        ...(connectionId ? { connectionId } : {}),
      })
      .then(
        (result) =>
          current && setCheck((previous) => (previous.id === id ? { ...previous, result } : previous)),
        (error: unknown) =>
          current && setCheck((previous) => (previous.id === id ? { ...previous, error } : previous)),
      );
    return () => {
      current = false;
    };
  }, [bridge, check.id, file, template, connectionId]);

  useEngineEvents((event) => {
    if (event.type === 'check-progress' && event.checkId === check.id) {
      setCheck((previous) =>
        previous.id === event.checkId && previous.result === null
          ? { ...previous, rows: event.rows }
          : previous,
      );
    }
  });

  if (!file || !template || !connectionId) return null;

  const start = async () => {
    setStarting(true);
    setStartError(null);
    void askNotificationPermission();
    try {
      const summary = await bridge.startJob({
        path: file.info.path,
        options: file.options,
        template,
        connectionId,
        ...(sendAgain ? { allowDuplicates: true } : {}),
      });
      dispatch({ type: 'job-opened', jobId: summary.jobId, status: summary.status, usesTemplate: true });
    } catch (error) {
      setStartError(error);
      setStarting(false);
    }
  };

  const { result } = check;
  const total = file.info.rowCount;

  return (
    <Stack
      gap="md"
      data-testid="check-screen"
      data-state={result ? 'done' : check.error ? 'failed' : 'checking'}
    >
      <div>
        <Title order={2}>{t('check.title')}</Title>
        <Text c="dimmed">{t('check.intro')}</Text>
      </div>

      {!result && !check.error && (
        <Card withBorder padding="md" data-testid="check-progress">
          <Text mb="xs">{t('check.checking', { rows: formatNumber(lang, check.rows) })}</Text>
          <Progress
            value={total ? Math.min(100, (check.rows / total) * 100) : 100}
            animated={!total}
            striped={!total}
            aria-label={t('check.progressLabel')}
          />
        </Card>
      )}
      {check.error !== null && (
        <Alert color="red" role="alert" data-testid="check-error">
          {errorMessage(lang, check.error)}
        </Alert>
      )}

      {result && (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }} data-testid="check-summary">
            <Stat
              label={t('check.totalRows')}
              value={formatNumber(lang, result.totalRows)}
              testId="check-total"
            />
            <Stat
              label={t('check.validRows')}
              value={formatNumber(lang, result.validRows)}
              testId="check-valid"
              color="teal"
            />
            <Stat
              label={t('check.invalidRows')}
              value={formatNumber(lang, result.invalidRows)}
              testId="check-invalid"
              color={result.invalidRows > 0 ? 'red' : undefined}
            />
            <Stat
              label={t('check.requests')}
              value={formatNumber(lang, result.requests)}
              testId="check-requests"
            />
            <Stat
              label={t('check.quotaDays')}
              value={
                result.quotaDays === null ? t('check.quotaUnknown') : formatNumber(lang, result.quotaDays)
              }
              testId="check-quota-days"
            />
          </SimpleGrid>

          {result.refusedBatchSearch !== undefined && (
            <Text size="sm" data-testid="check-refused-batch-search">
              {t('check.refusedBatchSearch', { requests: formatNumber(lang, result.refusedBatchSearch) })}
            </Text>
          )}
          {result.quotaDays !== null && result.quotaDays > 1 && (
            <Alert color="yellow" data-testid="check-quota-warning">
              {t('check.quotaWarning', { days: result.quotaDays })}
            </Alert>
          )}
          {(result.alreadySent ?? 0) > 0 && (
            <AlreadySentNotice
              rows={result.alreadySent ?? 0}
              from={result.alreadySentFrom ?? []}
              sendAgain={sendAgain}
              onSendAgainChange={setSendAgain}
            />
          )}
          {result.mappingProblems.length > 0 && (
            <Alert color="orange" title={t('check.mappingProblems')} data-testid="check-mapping-problems">
              <List size="sm">
                {result.mappingProblems.map((problem, i) => (
                  <List.Item key={`${problem.code}-${i}`}>{messageText(lang, problem)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {result.invalidRows === 0 ? (
            <Alert color="teal" data-testid="check-all-valid">
              {t('check.allValid')}
            </Alert>
          ) : (
            <>
              <ProblemCounts counts={result.problemCounts} selected={kind} onSelect={setKind} />
              <SheetKindProvider value={file.info.kind}>
                <ProblemExamples examples={result.examples} kind={kind} />
              </SheetKindProvider>
              <Text size="sm" c="dimmed">
                {t('check.invalidNote', { count: result.invalidRows })}
              </Text>
            </>
          )}
        </>
      )}

      {startError !== null && (
        <Alert color="red" role="alert" data-testid="start-error">
          {errorMessage(lang, startError)}
        </Alert>
      )}

      <StepFooter
        onBack={() => dispatch({ type: 'go', step: 'map' })}
        onNext={() => void start()}
        nextLabel={t('check.start')}
        nextDisabled={!result || result.validRows === 0}
        nextLoading={starting}
        nextTestId="start-import"
      >
        <Button
          variant="default"
          onClick={() => {
            setSendAgain(false);
            setCheck(newRun());
          }}
          disabled={!result && check.error === null}
          data-testid="check-again"
        >
          {t('check.again')}
        </Button>
      </StepFooter>
    </Stack>
  );
}
