import { describe, expect, it } from 'vitest';

import { progressLine } from '../../../electron/cli/progress-bar';
import type { JobProgress } from '../../../shared/contract';

const progress: JobProgress = {
  jobId: 'j',
  status: 'running',
  total: 1_200,
  ok: 300,
  failed: 0,
  uncertain: 0,
  pending: 900,
  skipped: 0,
  requests: 300,
  rate: 12,
  etaSeconds: null,
  quotaLeft: null,
};

describe('the terminal progress line', () => {
  it('shows done of total and the percentage once the total is known', () => {
    expect(progressLine(progress, 'en')).toContain('300/1200');
    expect(progressLine(progress, 'en')).toContain(' 25%');
  });

  it('says the total is being counted, in the operator’s language, instead of a percentage of the rows read so far', () => {
    const counting = { ...progress, counting: true };
    expect(progressLine(counting, 'en')).toContain('300/counting…');
    expect(progressLine(counting, 'es')).toContain('300/contando…');
    expect(progressLine(counting, 'en')).not.toMatch(/%|1200/);
  });
});
