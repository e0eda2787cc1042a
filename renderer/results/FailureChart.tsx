import { Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { FailureClass } from '../../shared/contract';
import { formatNumber } from '../app/format';
import { failureClassLabel } from '../app/kind-labels';
import { useLang } from '../i18n/use-lang';

type Breakdown = Partial<Record<FailureClass | 'validation', number>>;

/** Failures by kind as horizontal bars, the largest first. */
export function FailureChart({ breakdown }: { breakdown: Breakdown }) {
  const { t } = useTranslation();
  const lang = useLang();
  const entries = (Object.entries(breakdown) as [FailureClass | 'validation', number][])
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
  const max = entries[0]?.[1] ?? 0;
  return (
    <Card withBorder padding="md" data-testid="results-chart">
      <Title order={3} size="h4" mb="sm">
        {t('results.chartTitle')}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('results.noFailures')}
        </Text>
      ) : (
        <Stack gap="xs">
          {entries.map(([failureClass, count]) => (
            <div key={failureClass} data-testid={`results-chart-${failureClass}`} data-count={count}>
              <Group justify="space-between" gap="xs">
                <Text size="sm">{failureClassLabel(lang, failureClass)}</Text>
                <Text size="sm" fw={600}>
                  {formatNumber(lang, count)}
                </Text>
              </Group>
              <Progress
                value={(count / max) * 100}
                color={failureClass === 'uncertain' ? 'yellow' : 'red'}
                aria-label={failureClassLabel(lang, failureClass)}
              />
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
