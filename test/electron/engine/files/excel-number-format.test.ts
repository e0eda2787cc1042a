import { describe, expect, it } from 'vitest';

import {
  isDateFormat,
  isScientificFormat,
  zeroPadWidth,
} from '../../../../electron/engine/files/excel-number-format';

describe('Excel number formats', () => {
  it('tells date formats from others, ignoring literal text and colours', () => {
    for (const format of [
      'dd/mm/yyyy',
      'yyyy-mm-dd hh:mm',
      '[h]:mm:ss',
      '[$-240A]d" de "mmmm" de "yyyy',
      'h:mm AM/PM',
    ]) {
      expect(isDateFormat(format), format).toBe(true);
    }
    for (const format of [
      'General',
      '0.00',
      '#,##0 "días"',
      '[Red]0.00',
      '0.00E+00',
      '"$"#,##0',
      undefined,
    ]) {
      expect(isDateFormat(format), String(format)).toBe(false);
    }
  });

  it('finds scientific formats and zero-padded integer formats', () => {
    expect(isScientificFormat('0.00E+00')).toBe(true);
    expect(isScientificFormat('##0.0E-0')).toBe(true);
    expect(isScientificFormat('"E+"0')).toBe(false);
    expect(zeroPadWidth('0000000000')).toBe(10);
    expect(zeroPadWidth('0')).toBe(0);
    expect(zeroPadWidth('0.00')).toBe(0);
  });
});
