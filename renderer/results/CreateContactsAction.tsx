import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ContactColumns, JobStatus, Message, MissingContactsPlan } from '../../shared/contract';
import { CONTACT_FIELDS, CONTACT_KEY_FIELDS } from '../../shared/missing-contacts';
import { useBridge } from '../app/bridge-context';
import { errorMessage } from '../app/error-message';
import { formatNumber } from '../app/format';
import { messageText } from '../app/message-text';
import { useEngineEvents } from '../app/use-engine-events';
import { useWizard } from '../app/wizard-context';
import { useLang } from '../i18n/use-lang';
import { useLiveJob } from '../run/use-live-job';

/** No file column can be named '' (blank headers are renamed), so it stands for "not sent". */
const NOT_SENT = '';
const LIVE: ReadonlySet<JobStatus> = new Set(['running', 'waiting-crm']);

/**
 * "Create the missing contacts": for a case job whose cases the CRM refused because their contact
 * does not exist, one button and its dialog. The contacts are imported from the same rows (the
 * operator picks which columns give the e-mail, name, phone and ID), then exactly those cases are
 * retried, and the Run step follows that retry.
 */
export function CreateContactsAction({ jobId, status }: { jobId: string; status: JobStatus | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const [plan, setPlan] = useState<MissingContactsPlan | null>(null);
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    if (status === null || LIVE.has(status)) return;
    let current = true;
    // Without a plan the button is simply not offered: Results works on without it.
    bridge.planMissingContacts({ jobId }).then(
      (result) => current && setPlan(result),
      () => current && setPlan(null),
    );
    return () => {
      current = false;
    };
  }, [bridge, jobId, status]);

  if (!plan || plan.cases === 0) return null;
  return (
    <>
      <Button
        variant="light"
        onClick={() => setOpened(true)}
        disabled={status === null || LIVE.has(status)}
        data-testid="results-create-contacts"
      >
        {t('missingContacts.button', { count: plan.cases, formatted: formatNumber(lang, plan.cases) })}
      </Button>
      {opened && <CreateContactsDialog jobId={jobId} plan={plan} onClose={() => setOpened(false)} />}
    </>
  );
}

function CreateContactsDialog({
  jobId,
  plan,
  onClose,
}: {
  jobId: string;
  plan: MissingContactsPlan;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const bridge = useBridge();
  const { state, dispatch } = useWizard();
  const [columns, setColumns] = useState<ContactColumns>(plan.suggested);
  const [contactsJobId, setContactsJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<Message | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const { job: contactsJob } = useLiveJob(contactsJobId);
  // A small contacts import can end, and its cases' retry begin, before the answer that names
  // it arrives: events are kept from the moment the operator asked.
  const asked = useRef(false);
  const notices = useRef(new Map<string, Message>());

  useEngineEvents((event) => {
    if (!asked.current) return;
    if (event.type === 'job-notice') {
      notices.current.set(event.jobId, event.notice);
      if (event.jobId === contactsJobId) setNotice(event.notice);
    }
    // The contacts are in: the cases' retry is a pass of this job, followed on the Run step.
    if (event.type === 'job-status' && event.jobId === jobId && event.status === 'running')
      dispatch({ type: 'job-opened', jobId, status: 'running', usesTemplate: state.jobUsesTemplate });
  });

  const chosen = Object.values(columns);
  const repeated = new Set(chosen).size !== chosen.length;
  const keyMissing = !CONTACT_KEY_FIELDS.some((field) => columns[field] !== undefined);
  const working = starting || contactsJobId !== null;

  const create = async () => {
    setStarting(true);
    setFailure(null);
    asked.current = true;
    try {
      const started = await bridge.createMissingContacts({ jobId, columns });
      setContactsJobId(started.contactsJob.jobId);
      setNotice(notices.current.get(started.contactsJob.jobId) ?? null);
    } catch (error) {
      asked.current = false;
      setFailure(error);
    } finally {
      setStarting(false);
    }
  };

  const counts = contactsJob.counts;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('missingContacts.title')}
      centered
      size="lg"
      data-testid="create-contacts-dialog"
    >
      <Stack>
        <Text>
          {t('missingContacts.intro', {
            cases: formatNumber(lang, plan.cases),
            contacts: formatNumber(lang, plan.contacts),
          })}
        </Text>
        {CONTACT_FIELDS.map((field) => (
          <Select
            key={field}
            label={t(`missingContacts.fields.${field}`)}
            // "Not sent" is an option like the columns, so a keyboard can choose it too.
            data={[{ value: NOT_SENT, label: t('missingContacts.notSent') }, ...plan.columns]}
            value={columns[field] ?? NOT_SENT}
            allowDeselect={false}
            onChange={(column) => {
              const next = { ...columns };
              if (column) next[field] = column;
              else delete next[field];
              setColumns(next);
            }}
            searchable
            disabled={working}
            data-testid={`create-contacts-${field}`}
          />
        ))}
        {keyMissing && (
          <Text size="sm" c="red" role="alert">
            {t('missingContacts.keyMissing')}
          </Text>
        )}
        {repeated && (
          <Text size="sm" c="red" role="alert">
            {t('missingContacts.columnTwice')}
          </Text>
        )}
        {contactsJobId && counts && (
          <Text role="status" data-testid="create-contacts-progress">
            {t('missingContacts.progress', {
              ok: formatNumber(lang, counts.ok + counts.skipped),
              failed: formatNumber(lang, counts.failed + counts.uncertain),
              total: formatNumber(lang, counts.total),
            })}
          </Text>
        )}
        {notice && (
          <Alert color="blue" role="status" data-testid="create-contacts-notice">
            {messageText(lang, notice)}
          </Alert>
        )}
        {failure !== null && (
          <Alert color="red" role="alert" data-testid="create-contacts-error">
            {errorMessage(lang, failure)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus data-testid="create-contacts-close">
            {contactsJobId ? t('missingContacts.close') : t('common.cancel')}
          </Button>
          <Button
            onClick={() => void create()}
            disabled={keyMissing || repeated || working}
            loading={starting}
            data-testid="create-contacts-confirm"
          >
            {t('missingContacts.confirm', {
              count: plan.contacts,
              formatted: formatNumber(lang, plan.contacts),
            })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
