import { Alert, Checkbox, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { AlreadySent } from '../../shared/contract';
import { ConfirmModal } from '../app/ConfirmModal';
import { formatDateTime, formatNumber } from '../app/format';
import { useLang } from '../i18n/use-lang';

interface AlreadySentNoticeProps {
  rows: number;
  from: AlreadySent[];
  /** Whether the operator chose to send these rows again. */
  sendAgain: boolean;
  onSendAgainChange(sendAgain: boolean): void;
}

/**
 * Rows the destination already accepted in earlier jobs: skipped unless the operator asks,
 * and asking needs a confirmation, because they would reach the CRM twice.
 */
export function AlreadySentNotice({ rows, from, sendAgain, onSendAgainChange }: AlreadySentNoticeProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [confirming, setConfirming] = useState(false);
  return (
    <Alert
      color={sendAgain ? 'orange' : 'blue'}
      title={t('check.alreadySentTitle')}
      data-testid="check-already-sent"
    >
      <Stack gap="xs">
        <List size="sm">
          {from.map((earlier) => (
            <List.Item key={earlier.jobId} data-testid="check-already-sent-job">
              {t('check.alreadySent', {
                count: earlier.rows,
                rows: formatNumber(lang, earlier.rows),
                date: formatDateTime(lang, earlier.at),
                jobId: earlier.jobId,
              })}
            </List.Item>
          ))}
        </List>
        <Text size="sm" data-testid="check-already-sent-verdict">
          {sendAgain
            ? t('check.sendAgainOn', { count: rows })
            : t('check.alreadySentSkipped', { count: rows })}
        </Text>
        <Checkbox
          label={t('check.sendAgain')}
          checked={sendAgain}
          onChange={(event) => (event.currentTarget.checked ? setConfirming(true) : onSendAgainChange(false))}
          data-testid="check-send-again"
        />
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('check.sendAgainTitle')}
        confirmLabel={t('check.sendAgainConfirm')}
        confirmColor="orange"
        onConfirm={() => onSendAgainChange(true)}
        onClose={() => setConfirming(false)}
        testId="confirm-send-again"
      >
        <Text size="sm">{t('check.sendAgainBody', { count: rows, rows: formatNumber(lang, rows) })}</Text>
      </ConfirmModal>
    </Alert>
  );
}
