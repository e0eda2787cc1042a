import { describe, expect, it } from 'vitest';

import {
  formatBytes,
  formatDuration,
  formatNumber,
  formatSheetCell,
  numberSeparators,
} from '../../../renderer/app/format';

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

  it('shows a workbook date as the operator reads dates, never as ISO text, without shifting its day', () => {
    expect(formatSheetCell('es', '2026-11-01T14:30:00')).toBe('01/11/2026, 14:30');
    expect(formatSheetCell('en', '2026-11-01T14:30:00')).toBe('11/01/2026, 02:30 PM');
    expect(formatSheetCell('es', '2026-11-01')).toBe('01/11/2026');
    expect(formatSheetCell('es', '2026-03-15T10:30:15')).toBe('15/03/2026, 10:30:15');
    expect(formatSheetCell('en', '10:30:00')).toBe('10:30 AM');
    // Anything else is shown as written.
    expect(formatSheetCell('es', '3001234567')).toBe('3001234567');
    expect(formatSheetCell('es', '')).toBe('');
    expect(formatSheetCell('es', '2026-13-45')).toBe('2026-13-45');
  });
});
