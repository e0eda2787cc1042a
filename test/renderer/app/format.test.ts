import { describe, expect, it } from 'vitest';

import { formatBytes, formatDuration, formatNumber, numberSeparators } from '../../../renderer/app/format';

describe('formatting', () => {
  it('writes numbers as each language does', () => {
    expect(formatNumber('en', 1234567)).toBe('1,234,567');
    expect(formatNumber('es', 1234567)).toBe('1.234.567');
    expect(numberSeparators('es')).toEqual({ thousands: '.', decimal: ',' });
    expect(numberSeparators('en')).toEqual({ thousands: ',', decimal: '.' });
    expect(formatNumber('es', 12.5, 1)).toBe('12,5');
  });

  it('writes durations and sizes briefly', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(3900)).toBe('1 h 05 min');
    expect(formatBytes('en', 512)).toBe('512 B');
    expect(formatBytes('en', 1024 * 1024 * 1.5)).toBe('1.5 MB');
  });
});
