import { Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ServerLists, TargetId } from '../../shared/contract';
import { initialStatuses } from '../../shared/validation/server-list-check';

/** Targets whose Test reads the server's lists instead of a quota (Thalamus has no quota API). */
export function testsWithLists(target: TargetId): boolean {
  return target === 'thalamus-cases';
}

/** What a Thalamus Test found: how many category/type pairs, and the initial statuses. */
export function ServerListsCard({ lists }: { lists: ServerLists }) {
  const { t } = useTranslation();
  const initial = initialStatuses(lists);
  return (
    <Card
      withBorder
      bg="var(--mantine-color-default-hover)"
      data-testid="connection-lists"
      aria-live="polite"
    >
      <Stack gap={4}>
        <Text fw={600}>{t('connect.lists.title')}</Text>
        <Text size="sm" data-testid="connection-lists-pairs">
          {t('connect.lists.pairs', { count: lists.caseTypes.length })}
        </Text>
        <Text size="sm" data-testid="connection-lists-statuses">
          {initial.length > 0
            ? t('connect.lists.initial', { names: initial.join(', ') })
            : t('connect.lists.noInitial')}
        </Text>
      </Stack>
    </Card>
  );
}
