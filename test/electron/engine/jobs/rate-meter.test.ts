import { describe, expect, it } from 'vitest';

import { RateMeter } from '../../../../electron/engine/jobs/rate-meter';

describe('the rate meter', () => {
  it('measures a short pass over the time it actually ran', () => {
    let clock = 1_000;
    const meter = new RateMeter(10_000, () => clock);
    clock += 200;
    meter.add(7);
    expect(meter.perSecond()).toBe(35);
  });

  it('follows the last window of a long pass, and falls to zero when nothing finishes', () => {
    let clock = 0;
    const meter = new RateMeter(10_000, () => clock);
    for (let second = 1; second <= 30; second++) {
      clock = second * 1_000;
      meter.add(second <= 20 ? 10 : 50);
    }
    expect(meter.perSecond()).toBe(50);
    clock += 20_000;
    expect(meter.perSecond()).toBe(0);
  });
});
