import type { JobCounts } from '../../shared/contract';

export interface ProgressSection {
  outcome: 'ok' | 'failed' | 'uncertain' | 'skipped';
  count: number;
  percent: number;
  color: string;
}

const ORDER: { outcome: ProgressSection['outcome']; color: string }[] = [
  { outcome: 'ok', color: 'teal' },
  { outcome: 'failed', color: 'red' },
  { outcome: 'uncertain', color: 'yellow' },
  { outcome: 'skipped', color: 'gray' },
];

/** The progress bar's coloured parts: one per outcome that has rows, in percent of the total. */
export function progressSections(counts: JobCounts): ProgressSection[] {
  if (counts.total <= 0) return [];
  return ORDER.map(({ outcome, color }) => ({
    outcome,
    color,
    count: counts[outcome],
    percent: (counts[outcome] / counts.total) * 100,
  })).filter((section) => section.count > 0);
}
