import { describe, expect, it } from 'vitest';

import { isoFromExcelDate } from '../../electron/engine/files/excel-date';
import { msg } from '../../shared/messages/catalog';
import {
  readSheetDate,
  sheetCellMessage,
  sheetCellText,
  sheetCellValue,
  sheetDateFormat,
  sheetDateInstant,
} from '../../shared/sheet-cell-text';

describe('a cell as the operator reads it', () => {
  it('shows a workbook date in the language’s own order, never as ISO text, without shifting its day', () => {
    expect(sheetCellText('es', '2026-11-01T14:30:00', 'xlsx')).toBe('01/11/2026 14:30');
    expect(sheetCellText('en', '2026-11-01T14:30:00', 'xlsx')).toBe('11/01/2026 02:30 PM');
    expect(sheetCellText('es', '2026-11-01', 'xlsx')).toBe('01/11/2026');
    expect(sheetCellText('en', '2026-11-01', 'xlsx')).toBe('11/01/2026');
    expect(sheetCellText('es', '2026-03-15T10:30:15', 'xlsx')).toBe('15/03/2026 10:30:15');
    expect(sheetCellText('en', '2026-03-15T00:05:15', 'xlsx')).toBe('03/15/2026 12:05:15 AM');
    expect(sheetCellText('en', '10:30:00', 'xlsx')).toBe('10:30 AM');
    expect(sheetCellText('es', '23:59:00', 'xlsx')).toBe('23:59');
    // The last second of a day before midnight UTC stays on its day in every time zone.
    expect(sheetCellText('es', '2026-12-31T23:59:59', 'xlsx')).toBe('31/12/2026 23:59:59');
  });

  it('shows anything else as written, and a CSV’s text always as typed', () => {
    for (const value of [
      '3001234567',
      '',
      '2026-13-45',
      '2026-02-30',
      '2026-11-01 14:30:00',
      '25:00:00',
      'Ana',
    ])
      expect(sheetCellText('es', value, 'xlsx')).toBe(value);
    expect(sheetCellText('es', '2026-11-01T14:30:00', 'csv')).toBe('2026-11-01T14:30:00');
  });

  it('reads back every text the workbook reader writes, to the same instant', () => {
    for (const instant of [
      Date.UTC(2026, 10, 1, 14, 30),
      Date.UTC(2024, 1, 29),
      Date.UTC(1899, 11, 30, 18),
    ]) {
      const iso = isoFromExcelDate(new Date(instant));
      const date = readSheetDate(iso);
      expect(date, iso).not.toBeNull();
      expect(sheetDateInstant(date!).getTime()).toBe(instant);
    }
  });

  it('names the Excel format a report gives each kind of date cell', () => {
    expect(sheetDateFormat('es', readSheetDate('2026-11-01T14:30:00')!)).toBe('dd/mm/yyyy hh:mm');
    expect(sheetDateFormat('en', readSheetDate('2026-11-01T14:30:05')!)).toBe('mm/dd/yyyy hh:mm:ss AM/PM');
    expect(sheetDateFormat('en', readSheetDate('2026-11-01')!)).toBe('mm/dd/yyyy');
    expect(sheetDateFormat('es', readSheetDate('14:30:00')!)).toBe('hh:mm');
  });

  it('quotes a workbook date in an explanation as the operator reads it, other params untouched', () => {
    const message = msg('validation.invalid-date', { row: 4, column: 'Fecha', value: '2026-11-01T14:30:00' });
    expect(sheetCellMessage('es', message, 'xlsx').params).toEqual({
      row: 4,
      column: 'Fecha',
      value: '01/11/2026 14:30',
    });
    expect(sheetCellMessage('es', message, 'csv')).toBe(message);
    const plain = msg('validation.invalid-date', { row: 4, column: 'Fecha', value: 'mañana' });
    expect(sheetCellMessage('en', plain, 'xlsx')).toBe(plain);
  });

  it('keeps a date typed as the screen shows dates as the workbook keeps it, anything else as typed', () => {
    expect(sheetCellValue('es', '02/11/2026 14:30', 'xlsx')).toBe('2026-11-02T14:30:00');
    expect(sheetCellValue('en', '11/02/2026 02:30 PM', 'xlsx')).toBe('2026-11-02T14:30:00');
    expect(sheetCellValue('en', '11/02/2026', 'xlsx')).toBe('2026-11-02');
    expect(sheetCellValue('es', '09:05:07', 'xlsx')).toBe('09:05:07');
    expect(sheetCellValue('en', '12:05 AM', 'xlsx')).toBe('00:05:00');
    // Not the screen's own shape (or not a real day): kept as typed, for the template's date format to read.
    for (const typed of ['2/11/2026', '31/02/2026', '11/02/2026 14:30', 'mañana', '', '13/13/2026'])
      expect(sheetCellValue('en', typed, 'xlsx')).toBe(typed);
    expect(sheetCellValue('es', '02/11/2026 14:30', 'csv')).toBe('02/11/2026 14:30');
    // Every date the screen shows comes back as the value it showed.
    for (const iso of ['2026-11-01T14:30:00', '2026-11-01T00:00:05', '2026-11-01', '23:59:00'])
      for (const lang of ['es', 'en'] as const)
        expect(sheetCellValue(lang, sheetCellText(lang, iso, 'xlsx'), 'xlsx')).toBe(iso);
  });
});
