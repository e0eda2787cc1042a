import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The button that leaves everything as it was, when "Cancel" would read like the action
   * itself (a dialog that cancels an import). */
  dismissLabel?: string;
  confirmColor?: string;
  onConfirm: () => void;
  onClose: () => void;
  testId: string;
}

/** Asks before an action that cannot be undone; Cancel has the focus so Enter is harmless. */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  dismissLabel,
  confirmColor = 'red',
  onConfirm,
  onClose,
  testId,
}: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered data-testid={testId}>
      <Stack>
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus data-testid={`${testId}-cancel`}>
            {dismissLabel ?? t('common.cancel')}
          </Button>
          <Button
            color={confirmColor}
            onClick={() => {
              onClose();
              onConfirm();
            }}
            data-testid={`${testId}-confirm`}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
