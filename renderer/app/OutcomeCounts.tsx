import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { JobCounts } from '../../shared/contract';
import { useLang } from '../i18n/use-lang';
import { formatNumber } from './format';
import { Stat } from './Stat';

type CountedOutcome = 'ok' | 'failed' | 'uncertain' | 'pending' | 'skipped';

const COLORS: Partial<Record<CountedOutcome, string>> = { ok: 'teal', failed: 'red', uncertain: 'yellow' };

/** One figure per outcome, in the given order; `testIdPrefix` names each (`run-ok`, `results-failed`). */
export function OutcomeCounts({
  counts,
  outcomes,
  testIdPrefix,
}: {
  counts: JobCounts | null | undefined;
  outcomes: readonly CountedOutcome[];
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SimpleGrid cols={{ base: 2, md: outcomes.length }}>
      {outcomes.map((outcome) => {
        const count = counts?.[outcome] ?? 0;
        return (
          <Stat
            key={outcome}
            label={t(`counters.${outcome}`)}
            value={formatNumber(lang, count)}
            raw={count}
            color={COLORS[outcome]}
            testId={`${testIdPrefix}-${outcome}`}
          />
        );
      })}
    </SimpleGrid>
  );
}
