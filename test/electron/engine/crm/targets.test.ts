import { describe, expect, it } from 'vitest';

import { targetAdapter } from '../../../../electron/engine/crm/targets';
import { TARGET_IDS } from '../../../../shared/targets/target-ids';

describe('targetAdapter', () => {
  it.each(TARGET_IDS)('gives the adapter of %s', (id) => {
    expect(targetAdapter(id).id).toBe(id);
  });

  it('batches only the batch targets', () => {
    expect(TARGET_IDS.map((id) => [id, targetAdapter(id).maxBatch])).toEqual([
      ['wolkvox-crm-cases', 1],
      ['wolkvox-crm-records', 10_000],
      ['wolkvox-campaign', 10_000],
      ['thalamus-cases', 1],
    ]);
  });
});
