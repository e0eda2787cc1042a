import { Chip, Group, MultiSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { JobCounts, RowOutcome } from '../../shared/contract';
import { FAILURE_CLASSES, type FailureClass } from '../../shared/errors/failure-class';
import { formatNumber } from '../app/format';
import { failureClassLabel, outcomeLabel } from '../app/kind-labels';
import { useLang } from '../i18n/use-lang';
import { FILTER_OUTCOMES, type FilterState } from './result-filter';

const CLASSES: (FailureClass | 'validation')[] = ['validation', ...FAILURE_CLASSES];

interface ResultFiltersProps {
  filter: FilterState;
  /** The job's rows per outcome, shown on each choice. */
  counts: JobCounts | null | undefined;
  /** The text as typed (the list follows it a moment later). */
  text: string;
  onText: (text: string) => void;
  onChange: (filter: FilterState) => void;
}

export function ResultFilters({ filter, counts, text, onText, onChange }: ResultFiltersProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Group align="flex-end" gap="md" data-testid="results-filters">
      <div role="group" aria-label={t('results.filterOutcome')}>
        <Chip.Group
          multiple
          value={filter.outcomes}
          onChange={(values) => onChange({ ...filter, outcomes: values.filter(isOutcome) })}
        >
          <Group gap={6}>
            {FILTER_OUTCOMES.map((outcome) => (
              <Chip key={outcome} value={outcome} size="sm" data-testid={`results-filter-outcome-${outcome}`}>
                {counts
                  ? t('resultsDetail.outcomeCount', {
                      label: outcomeLabel(lang, outcome),
                      formatted: formatNumber(lang, countOf(counts, outcome)),
                    })
                  : outcomeLabel(lang, outcome)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <MultiSelect
        label={t('results.filterClass')}
        placeholder={filter.classes.length === 0 ? t('results.anyClass') : undefined}
        data={CLASSES.map((value) => ({ value, label: failureClassLabel(lang, value) }))}
        value={filter.classes}
        onChange={(values) =>
          onChange({ ...filter, classes: CLASSES.filter((value) => values.includes(value)) })
        }
        clearable
        w={300}
        data-testid="results-filter-class"
      />
      <TextInput
        label={t('results.filterText')}
        placeholder={t('results.filterTextPlaceholder')}
        value={text}
        onChange={(event) => onText(event.currentTarget.value)}
        w={260}
        type="search"
        data-testid="results-filter-text"
      />
    </Group>
  );
}

function countOf(counts: JobCounts, outcome: RowOutcome): number {
  return outcome === 'sending' ? 0 : counts[outcome];
}

function isOutcome(value: string): value is RowOutcome {
  return (FILTER_OUTCOMES as string[]).includes(value);
}
