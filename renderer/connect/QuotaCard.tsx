import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { QuotaInfo } from '../../shared/contract';
import { formatNumber, formatResetTime } from '../app/format';
import { useLang } from '../i18n/use-lang';

export function QuotaCard({ quota }: { quota: QuotaInfo }) {
  const { t } = useTranslation();
  const lang = useLang();
  const items = [
    { key: 'limit', label: t('quota.limit'), value: formatNumber(lang, quota.limit) },
    { key: 'used', label: t('quota.usedToday'), value: formatNumber(lang, quota.usedToday) },
    { key: 'remaining', label: t('quota.remaining'), value: formatNumber(lang, quota.remaining) },
    {
      key: 'resets',
      label: t('quota.resetsAt'),
      value: quota.resetsAt ? formatResetTime(lang, quota.resetsAt) : t('quota.unknown'),
    },
  ];
  return (
    <Card
      withBorder
      bg="var(--mantine-color-default-hover)"
      data-testid="connection-quota"
      aria-live="polite"
    >
      <Stack gap={4}>
        <Text fw={600}>{t('quota.title')}</Text>
        <Group gap="xl">
          {items.map((item) => (
            <div key={item.key} data-testid={`quota-${item.key}`}>
              <Text size="xs" c="dimmed">
                {item.label}
              </Text>
              <Text fw={600}>{item.value}</Text>
            </div>
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {t('quota.counted', { count: quota.countedToday })}
        </Text>
      </Stack>
    </Card>
  );
}
