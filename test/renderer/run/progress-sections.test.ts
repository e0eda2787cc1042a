import { describe, expect, it } from 'vitest';

import { progressSections } from '../../../renderer/run/progress-sections';

describe('progressSections', () => {
  it('gives each outcome with rows its share of the bar', () => {
    expect(
      progressSections({ total: 200, ok: 100, failed: 20, uncertain: 0, pending: 70, skipped: 10 }),
    ).toEqual([
      { outcome: 'ok', color: 'teal', count: 100, percent: 50 },
      { outcome: 'failed', color: 'red', count: 20, percent: 10 },
      { outcome: 'skipped', color: 'gray', count: 10, percent: 5 },
    ]);
  });

  it('draws nothing for an empty job', () => {
    expect(progressSections({ total: 0, ok: 0, failed: 0, uncertain: 0, pending: 0, skipped: 0 })).toEqual(
      [],
    );
  });
});
