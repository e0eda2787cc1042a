import { Card, Text } from '@mantine/core';

/** A labelled figure; `data-value` carries the raw number for tests. */
export function Stat({
  label,
  value,
  testId,
  color,
  raw,
}: {
  label: string;
  value: string;
  testId: string;
  color?: string;
  raw?: number;
}) {
  return (
    <Card withBorder padding="sm" data-testid={testId} data-value={raw}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {value}
      </Text>
    </Card>
  );
}
