import { describe, expect, it } from 'vitest';

import { dateTransform, formatDate, parseDate } from '../../../shared/transforms/dates';

const at = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
});

describe('parseDate', () => {
  it('reads day/month/year as Latin American spreadsheets write it', () => {
    expect(parseDate('15/03/2026')).toEqual(at(2026, 3, 15));
    expect(parseDate('5/3/2026')).toEqual(at(2026, 3, 5));
    expect(parseDate('15-03-2026')).toEqual(at(2026, 3, 15));
    expect(parseDate('15.03.2026')).toEqual(at(2026, 3, 15));
    expect(parseDate('15/03/2026 10:30')).toEqual(at(2026, 3, 15, 10, 30));
    expect(parseDate('15/03/2026 10:30:45')).toEqual(at(2026, 3, 15, 10, 30, 45));
  });

  it('reads day first when both orders make sense', () => {
    expect(parseDate('03/04/2026')).toEqual(at(2026, 4, 3));
  });

  it('reads month first in auto only when day first is impossible', () => {
    expect(parseDate('03/15/2026')).toEqual(at(2026, 3, 15));
  });

  it('reads two-digit years as Excel does', () => {
    expect(parseDate('5/3/26')).toEqual(at(2026, 3, 5));
    expect(parseDate('5/3/29')).toEqual(at(2029, 3, 5));
    expect(parseDate('5/3/30')).toEqual(at(1930, 3, 5));
  });

  it('reads a.m./p.m. times as Spanish Excel prints them', () => {
    expect(parseDate('15/03/2026 2:05 p. m.')).toEqual(at(2026, 3, 15, 14, 5));
    expect(parseDate('15/03/2026 12:00:00 a. m.')).toEqual(at(2026, 3, 15, 0, 0));
    expect(parseDate('15/03/2026 12:10 PM')).toEqual(at(2026, 3, 15, 12, 10));
    expect(parseDate('15/03/2026 9:15 am')).toEqual(at(2026, 3, 15, 9, 15));
  });

  it('reads ISO dates and times, keeping the wall-clock time written', () => {
    expect(parseDate('2026-03-15')).toEqual(at(2026, 3, 15));
    expect(parseDate('2026-03-15T10:30:00')).toEqual(at(2026, 3, 15, 10, 30));
    expect(parseDate('2026-03-15 10:30')).toEqual(at(2026, 3, 15, 10, 30));
    expect(parseDate('2026-03-15T10:30:00.000Z')).toEqual(at(2026, 3, 15, 10, 30));
    expect(parseDate('2026-03-15T10:30:00-05:00')).toEqual(at(2026, 3, 15, 10, 30));
    expect(parseDate('2026/3/5')).toEqual(at(2026, 3, 5));
  });

  it('reads compact dates, including the wolkvox format itself', () => {
    expect(parseDate('20260315')).toEqual(at(2026, 3, 15));
    expect(parseDate('20260315103015')).toEqual(at(2026, 3, 15, 10, 30, 15));
  });

  it('reads Excel serial numbers, with the fraction as the time of day', () => {
    expect(parseDate('46096')).toEqual(at(2026, 3, 15));
    expect(parseDate('46096.5')).toEqual(at(2026, 3, 15, 12));
    expect(parseDate('46096,75')).toEqual(at(2026, 3, 15, 18));
    expect(parseDate('46096.4375')).toEqual(at(2026, 3, 15, 10, 30));
    expect(parseDate('1')).toEqual(at(1900, 1, 1));
    expect(parseDate('59')).toEqual(at(1900, 2, 28));
    expect(parseDate('61')).toEqual(at(1900, 3, 1));
  });

  it('rolls a fraction that rounds to a whole day over to the next day', () => {
    expect(parseDate('46096.999999999')).toEqual(at(2026, 3, 16));
  });

  it('refuses dates that do not exist', () => {
    expect(parseDate('31/02/2026')).toBe('impossible');
    expect(parseDate('29/02/2026')).toBe('impossible');
    expect(parseDate('29/02/2028')).toEqual(at(2028, 2, 29));
    expect(parseDate('13/13/2026')).toBe('impossible');
    expect(parseDate('2026-04-31')).toBe('impossible');
    expect(parseDate('15/03/2026 24:00')).toBe('impossible');
    expect(parseDate('15/03/2026 10:60')).toBe('impossible');
    expect(parseDate('15/03/2026 13:00 p. m.')).toBe('impossible');
    expect(parseDate('20261315')).toBe('impossible');
    expect(parseDate('0')).toBe('impossible');
    expect(parseDate('60')).toBe('impossible');
    expect(parseDate('15/03/1850')).toBe('impossible');
  });

  it('refuses what is not a date', () => {
    expect(parseDate('mañana')).toBe('unreadable');
    expect(parseDate('15 de marzo de 2026')).toBe('unreadable');
    expect(parseDate('15/03')).toBe('unreadable');
    expect(parseDate('2026-03-15T10')).toBe('unreadable');
    expect(parseDate('12345678901')).toBe('unreadable');
  });

  it('follows a forced day-first or month-first order', () => {
    expect(parseDate('03/04/2026', 'dd/mm/yyyy')).toEqual(at(2026, 4, 3));
    expect(parseDate('03/04/2026', 'mm/dd/yyyy')).toEqual(at(2026, 3, 4));
    expect(parseDate('03/15/2026', 'dd/mm/yyyy')).toBe('impossible');
    expect(parseDate('15/03/2026', 'mm/dd/yyyy')).toBe('impossible');
  });

  it('still takes ISO dates and serials when a slash order is forced', () => {
    expect(parseDate('2026-03-15', 'mm/dd/yyyy')).toEqual(at(2026, 3, 15));
    expect(parseDate('46096', 'dd/mm/yyyy')).toEqual(at(2026, 3, 15));
  });

  it('refuses day/month text when yyyy-mm-dd is forced', () => {
    expect(parseDate('15/03/2026', 'yyyy-mm-dd')).toBe('mismatch');
    expect(parseDate('2026-03-15', 'yyyy-mm-dd')).toEqual(at(2026, 3, 15));
  });

  it('takes serial numbers only when excel-serial is forced', () => {
    expect(parseDate('46096', 'excel-serial')).toEqual(at(2026, 3, 15));
    expect(parseDate('2026-03-15', 'excel-serial')).toBe('mismatch');
    expect(parseDate('20260315', 'excel-serial')).toBe('mismatch');
  });
});

describe('formatDate', () => {
  it('writes wolkvox dates as YYYYMMDDHHIISS and Thalamus dates as YYYY-MM-DD', () => {
    expect(formatDate(at(2026, 3, 5, 9, 7, 3), 'wolkvox')).toBe('20260305090703');
    expect(formatDate(at(2026, 3, 5, 9, 7, 3), 'iso-date')).toBe('2026-03-05');
  });
});

describe('dateTransform', () => {
  it('converts to the target format', () => {
    const wolkvox = dateTransform('auto', 'wolkvox');
    expect(wolkvox('15/03/2026 10:30')).toEqual({ ok: true, value: '20260315103000' });
    expect(wolkvox('46096.5')).toEqual({ ok: true, value: '20260315120000' });
    expect(dateTransform('auto', 'iso-date')('15/03/2026 10:30')).toEqual({ ok: true, value: '2026-03-15' });
  });

  it('explains each way a date can fail', () => {
    const transform = dateTransform('yyyy-mm-dd', 'wolkvox');
    expect(transform('31/02/2026x')).toEqual({
      ok: false,
      failure: { code: 'invalid-date', message: 'validation.invalid-date' },
    });
    expect(transform('2026-02-31')).toEqual({
      ok: false,
      failure: { code: 'invalid-date', message: 'validation.impossible-date' },
    });
    expect(transform('15/03/2026')).toEqual({
      ok: false,
      failure: {
        code: 'invalid-date',
        message: 'validation.date-format-mismatch',
        params: { format: 'yyyy-mm-dd' },
      },
    });
  });
});
