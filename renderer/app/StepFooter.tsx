import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface StepFooterProps {
  onBack?: () => void;
  onNext?: () => void;
  nextLabel?: ReactNode;
  nextDisabled?: boolean;
  nextLoading?: boolean;
  nextTestId?: string;
  /** Shown between Back and Next (a reason Next is disabled, a secondary action). */
  children?: ReactNode;
}

export function StepFooter({
  onBack,
  onNext,
  nextLabel,
  nextDisabled,
  nextLoading,
  nextTestId = 'wizard-next',
  children,
}: StepFooterProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="xl" wrap="nowrap">
      <div>
        {onBack && (
          <Button variant="default" onClick={onBack} data-testid="wizard-back">
            {t('common.back')}
          </Button>
        )}
      </div>
      <Group gap="sm" wrap="nowrap">
        {children}
        {onNext && (
          <Button onClick={onNext} disabled={nextDisabled} loading={nextLoading} data-testid={nextTestId}>
            {nextLabel ?? t('common.next')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
