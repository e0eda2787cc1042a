import { Badge, Button, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ProblemCode } from '../../shared/contract';
import { formatNumber } from '../app/format';
import { problemLabel } from '../app/kind-labels';
import { useLang } from '../i18n/use-lang';

interface ProblemCountsProps {
  counts: Partial<Record<ProblemCode, number>>;
  selected: ProblemCode | null;
  onSelect: (kind: ProblemCode | null) => void;
}

/** One button per kind of problem: choosing one shows its example rows. */
export function ProblemCounts({ counts, selected, onSelect }: ProblemCountsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const entries = (Object.entries(counts) as [ProblemCode, number][])
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
  return (
    <Card withBorder padding="md" data-testid="check-problem-counts">
      <Title order={3} size="h4" mb="xs">
        {t('check.problemsTitle')}
      </Title>
      <Group gap="xs">
        <Button
          size="xs"
          variant={selected === null ? 'filled' : 'default'}
          onClick={() => onSelect(null)}
          aria-pressed={selected === null}
        >
          {t('check.allKinds')}
        </Button>
        {entries.map(([code, count]) => (
          <Button
            key={code}
            size="xs"
            variant={selected === code ? 'filled' : 'default'}
            color={selected === code ? 'red' : undefined}
            onClick={() => onSelect(code)}
            aria-pressed={selected === code}
            rightSection={
              <Badge size="sm" color="red" variant={selected === code ? 'white' : 'light'}>
                {formatNumber(lang, count)}
              </Badge>
            }
            data-testid={`check-kind-${code}`}
          >
            <Text span size="xs">
              {problemLabel(lang, code)}
            </Text>
          </Button>
        ))}
      </Group>
    </Card>
  );
}
