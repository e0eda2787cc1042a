import { describe, expect, it } from 'vitest';

import { dateFromSerial, isoFromExcelDate } from '../../../../electron/engine/files/excel-date';

describe('Excel dates', () => {
  it('converts serial numbers in both date systems', () => {
    expect(isoFromExcelDate(dateFromSerial(46096, false))).toBe('2026-03-15');
    expect(isoFromExcelDate(dateFromSerial(46096.4375, false))).toBe('2026-03-15T10:30:00');
    expect(isoFromExcelDate(dateFromSerial(44634, true))).toBe('2026-03-15');
  });

  it('rounds to the second and writes a time alone without a date', () => {
    expect(isoFromExcelDate(new Date(Date.UTC(2026, 2, 15, 10, 29, 59, 999)))).toBe('2026-03-15T10:30:00');
    expect(isoFromExcelDate(dateFromSerial(0.75, false))).toBe('18:00:00');
  });
});
