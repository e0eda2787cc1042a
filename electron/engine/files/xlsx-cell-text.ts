import type { CellValue } from 'exceljs';

import { dateFromSerial, isoFromExcelDate } from './excel-date';
import { isDateFormat, isScientificFormat, zeroPadWidth } from './excel-number-format';
import { plainNumber } from './plain-number';

/**
 * A cell as the text a CRM should receive: dates as ISO, numbers without float noise or exponent,
 * booleans as Excel writes them in a CSV (TRUE/FALSE), rich text and hyperlinks as their text,
 * formulas as their last computed result, errors as their code (#N/A).
 */
export function cellText(value: CellValue, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt, date1904);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoFromExcelDate(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) return '';
    if (typeof result === 'object' && !(result instanceof Date)) return result.error;
    return cellText(result, numFmt, date1904);
  }
  if ('text' in value) return cellText(value.text, numFmt, date1904);
  return '';
}

function numberText(value: number, numFmt: string | undefined, date1904: boolean): string {
  // exceljs turns date-formatted cells into Dates, but not the results of formulas.
  if (isDateFormat(numFmt)) return isoFromExcelDate(dateFromSerial(value, date1904));
  const pad = zeroPadWidth(numFmt);
  if (pad > 0 && Number.isInteger(value) && value >= 0) return String(value).padStart(pad, '0');
  return plainNumber(value);
}

export type NumberNote = 'scientific' | 'digits-lost';

/**
 * Whether an integer cell is one an operator must look at: Excel shows it in scientific
 * notation (an 11+ digit phone or id number, or a scientific format), which is where people
 * copy digits from; or it is longer than the 15 digits Excel keeps, so its last ones are gone.
 */
export function numberNote(value: CellValue, numFmt: string | undefined): NumberNote | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return null;
  const size = Math.abs(value);
  if (size >= 1e15) return 'digits-lost';
  if (size >= 1e10 || isScientificFormat(numFmt)) return 'scientific';
  return null;
}

/** How Excel shows a number in scientific notation in a General cell: `3.00123E+09`. */
export function scientificText(value: number): string {
  const [mantissa = '', exponent = '0'] = value.toExponential(5).split('e');
  const power = Number(exponent);
  return `${mantissa}E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
}
