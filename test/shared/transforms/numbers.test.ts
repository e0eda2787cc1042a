import { describe, expect, it } from 'vitest';

import { normalizeNumber } from '../../../shared/transforms/numbers';

describe('normalizeNumber', () => {
  it('accepts integers and decimals with a comma or a point, and sends a point', () => {
    expect(normalizeNumber('35')).toEqual({ ok: true, value: '35' });
    expect(normalizeNumber('35,5')).toEqual({ ok: true, value: '35.5' });
    expect(normalizeNumber('35.5')).toEqual({ ok: true, value: '35.5' });
    expect(normalizeNumber('-2')).toEqual({ ok: true, value: '-2' });
    expect(normalizeNumber('+2')).toEqual({ ok: true, value: '2' });
  });

  it('refuses anything else', () => {
    const nan = { ok: false, failure: { code: 'not-a-number', message: 'validation.not-a-number' } };
    expect(normalizeNumber('35 años')).toEqual(nan);
    expect(normalizeNumber('1.234,5')).toEqual(nan);
    expect(normalizeNumber('treinta')).toEqual(nan);
    expect(normalizeNumber('1e3')).toEqual(nan);
  });
});
