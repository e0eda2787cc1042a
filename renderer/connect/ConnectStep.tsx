import { Alert, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ConnectionSummary, QuotaInfo, ServerLists } from '../../shared/contract';
import { useAppData } from '../app/app-data';
import { useBridge } from '../app/bridge-context';
import { ConfirmModal } from '../app/ConfirmModal';
import { errorDetail, errorMessage } from '../app/error-message';
import { rememberConnectionId } from '../app/initial-connection';
import { StepFooter } from '../app/StepFooter';
import { useWizard } from '../app/wizard-context';
import { useLang } from '../i18n/use-lang';
import {
  connectionToSave,
  draftFromSummary,
  draftProblems,
  isDirty,
  newConnectionId,
  newDraft,
  secretsToSave,
  type ConnectionDraft,
} from './connection-draft';
import { ConnectionForm } from './ConnectionForm';
import { QuotaCard } from './QuotaCard';
import { ServerListsCard, testsWithLists } from './ServerListsCard';

export function ConnectStep() {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const { connections, targets, reloadConnections } = useAppData();
  const { state, dispatch } = useWizard();

  const selected = connections.find((connection) => connection.id === state.connectionId);
  const [draft, setDraft] = useState<ConnectionDraft | null>(() =>
    selected ? draftFromSummary(selected) : targets[0] ? newDraft(newConnectionId(), targets[0].id) : null,
  );
  const [quota, setQuota] = useState<QuotaInfo | null>(null);
  const [lists, setLists] = useState<ServerLists | null>(null);
  /** Thalamus accepted the token and touchpoint but shows its lists to a party only (Map step). */
  const [listsNeedParty, setListsNeedParty] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'test' | 'next' | 'delete' | 'reset' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  /** The sandbox was just reset: said once, until the operator does something else. */
  const [sandboxReset, setSandboxReset] = useState(false);
  /** Next was pressed with fields missing: all of them are marked, the first one focused. */
  const [revealed, setRevealed] = useState(0);
  const formRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (revealed > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [revealed]);

  const target = targets.find((candidate) => candidate.id === draft?.connection.target) ?? null;
  const saved = connections.find((connection) => connection.id === draft?.connection.id);
  const problems = draft && target ? draftProblems(draft, target) : [];
  const dirty = draft && target ? isDirty(draft, saved, target) : false;

  const choose = (connection: ConnectionSummary) => {
    dispatch({ type: 'connection-chosen', connectionId: connection.id, target: connection.target });
    rememberConnectionId(connection.id);
  };

  const select = (id: string | null) => {
    const connection = connections.find((candidate) => candidate.id === id);
    if (!connection) return;
    setDraft(draftFromSummary(connection));
    setQuota(null);
    setLists(null);
    setListsNeedParty(null);
    setFailure(null);
    setRevealed(0);
    setSandboxReset(false);
    choose(connection);
  };

  const startNew = () => {
    const firstTarget = target ?? targets[0];
    if (!firstTarget) return;
    setDraft(newDraft(newConnectionId(), firstTarget.id));
    setQuota(null);
    setLists(null);
    setListsNeedParty(null);
    setFailure(null);
    setRevealed(0);
  };

  /** Leaves a new connection, or the changes to a saved one, and shows the one chosen before. */
  const discard = () => {
    const back = saved ?? selected ?? connections[0];
    if (back) select(back.id);
  };

  /** Saves when something changed; resolves to the saved connection, or null when it failed. */
  const saveIfNeeded = async (): Promise<ConnectionSummary | null> => {
    if (!draft || !target) return null;
    if (!dirty && saved) return saved;
    const summary = await bridge.saveConnection({
      connection: connectionToSave(draft, target),
      ...secretsToSave(draft),
    });
    // The token and the party password are gone from the renderer from here on: only "saved" is shown.
    setDraft(draftFromSummary(summary));
    await reloadConnections();
    choose(summary);
    return summary;
  };

  const run = async (
    kind: 'save' | 'test' | 'next',
    action: (summary: ConnectionSummary) => Promise<void>,
  ) => {
    setBusy(kind);
    setFailure(null);
    try {
      const summary = await saveIfNeeded();
      if (summary) await action(summary);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const resetSandbox = async () => {
    setBusy('reset');
    setFailure(null);
    setQuota(null);
    try {
      await bridge.resetSandbox();
      setSandboxReset(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    if (!draft || draft.isNew) return;
    setBusy('delete');
    setFailure(null);
    try {
      await bridge.deleteConnection({ id: draft.connection.id });
      const remaining = await reloadConnections();
      const next = remaining.find((connection) => connection.isSandbox) ?? remaining[0];
      if (next) select(next.id);
      else startNew();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md" data-testid="connect-screen">
      <div>
        <Title order={2}>{t('connect.title')}</Title>
        <Text c="dimmed">{t('connect.intro')}</Text>
      </div>

      <Group align="flex-end">
        <Select
          label={t('connect.saved')}
          placeholder={t('connect.savedPlaceholder')}
          data={connections.map((connection) => ({
            value: connection.id,
            label: connection.name,
          }))}
          value={draft && !draft.isNew ? draft.connection.id : null}
          onChange={select}
          allowDeselect={false}
          w={360}
          data-testid="connection-select"
        />
        <Button variant="light" onClick={startNew} data-testid="connection-new">
          {t('connect.new')}
        </Button>
      </Group>

      {draft && target && (
        <Card withBorder padding="lg" ref={formRef}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} size="h4">
                {draft.isNew ? t('connect.newTitle') : draft.connection.name}
              </Title>
              {draft.isSandbox && (
                <Badge color="teal" variant="light" data-testid="connection-sandbox-badge">
                  {t('connect.sandboxTag')}
                </Badge>
              )}
            </Group>
            {draft.isSandbox && <Text size="sm">{t('connect.sandboxHelp')}</Text>}
            <ConnectionForm
              key={`${draft.connection.id}:${draft.hasToken}`}
              draft={draft}
              targets={targets}
              problems={problems}
              revealAll={revealed > 0}
              onChange={setDraft}
            />
            {failure !== null && (
              <Alert color="red" role="alert" data-testid="connection-error">
                {errorMessage(lang, failure)}
              </Alert>
            )}
            <Group gap="sm">
              {!draft.isSandbox && (
                <Button
                  onClick={() => void run('save', async () => {})}
                  disabled={!dirty || problems.length > 0}
                  loading={busy === 'save'}
                  data-testid="connection-save"
                >
                  {t('connect.save')}
                </Button>
              )}
              <Button
                variant="light"
                onClick={() =>
                  void run('test', async (summary) => {
                    setListsNeedParty(null);
                    // Thalamus has no quota to read: its Test reads the lists the Map step offers.
                    if (!testsWithLists(summary.target))
                      return setQuota(await bridge.testConnection({ id: summary.id }));
                    try {
                      setLists(await bridge.readServerLists({ id: summary.id }));
                    } catch (error) {
                      // Token and touchpoint passed; the lists wait for the file's party (Map step).
                      if (errorDetail(error)?.code !== 'lists.party-needed') throw error;
                      setListsNeedParty(error);
                    }
                  })
                }
                disabled={problems.length > 0}
                loading={busy === 'test'}
                data-testid="connection-test"
              >
                {t('connect.test')}
              </Button>
              {draft.isSandbox && (
                <Button
                  variant="subtle"
                  onClick={() => setConfirmReset(true)}
                  loading={busy === 'reset'}
                  data-testid="sandbox-reset"
                >
                  {t('connect.resetSandbox')}
                </Button>
              )}
              {(draft.isNew || dirty) && (saved ?? selected ?? connections[0]) && (
                <Button variant="default" onClick={discard} data-testid="connection-cancel">
                  {t('common.cancel')}
                </Button>
              )}
              {!draft.isNew && !draft.isSandbox && (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => setConfirmDelete(true)}
                  loading={busy === 'delete'}
                  data-testid="connection-delete"
                >
                  {t('connect.delete')}
                </Button>
              )}
            </Group>
            {sandboxReset && (
              <Alert color="teal" role="status" data-testid="sandbox-reset-done">
                {t('connect.resetSandboxDone')}
              </Alert>
            )}
            {quota && <QuotaCard quota={quota} />}
            {lists && <ServerListsCard lists={lists} />}
            {listsNeedParty !== null && (
              <Alert color="teal" role="status" data-testid="connection-lists-need-party">
                {errorMessage(lang, listsNeedParty)}
              </Alert>
            )}
          </Stack>
          <ConfirmModal
            opened={confirmDelete}
            onClose={() => setConfirmDelete(false)}
            title={t('connect.deleteTitle')}
            confirmLabel={t('connect.delete')}
            onConfirm={() => void remove()}
            testId="connection-delete-modal"
          >
            <Text>{t('connect.deleteBody', { name: draft.connection.name })}</Text>
          </ConfirmModal>
          <ConfirmModal
            opened={confirmReset}
            onClose={() => setConfirmReset(false)}
            title={t('connect.resetSandboxTitle')}
            confirmLabel={t('connect.resetSandboxConfirm')}
            dismissLabel={t('connect.resetSandboxKeep')}
            confirmColor="blue"
            onConfirm={() => void resetSandbox()}
            testId="sandbox-reset-modal"
          >
            <Text>{t('connect.resetSandboxBody')}</Text>
          </ConfirmModal>
        </Card>
      )}

      <StepFooter
        nextDisabled={!draft}
        nextLoading={busy === 'next'}
        onNext={() => {
          if (problems.length > 0) setRevealed((count) => count + 1);
          else void run('next', async () => dispatch({ type: 'go', step: 'file' }));
        }}
      >
        {dirty && problems.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('connect.savesOnNext')}
          </Text>
        )}
      </StepFooter>
    </Stack>
  );
}
