import type { DateOutput } from '../targets/field-spec';
import type { DateInputFormat } from '../template';
import { accepted, rejected, type ValueTransform } from './transform-result';

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** `unreadable`: not a date shape; `impossible`: a date shape naming a day or time that does not
 * exist (`31/02/2026`); `mismatch`: a shape the template's forced format rules out. */
export type DateParseResult = DateParts | 'unreadable' | 'impossible' | 'mismatch';

// Times as spreadsheets print them: `10:30`, `10:30:15`, `10:30:15.250`, `2:30 p. m.` (Spanish Excel).
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:([ap])\.?\s*m\.?)?`;
const SLASHED = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T]+${TIME})?$`, 'i');
// The offset of an ISO time is dropped: the wall-clock time written is the time meant.
const ISO = new RegExp(
  String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+${TIME}(?:Z|[+-]\d{2}:?\d{2})?)?$`,
  'i',
);
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/;
const SERIAL = /^(\d{1,7})(?:[.,](\d+))?$/;

/** 9999-12-31, the last day Excel can hold. */
const MAX_SERIAL = 2_958_465;
const MIN_YEAR = 1900;
const SECONDS_PER_DAY = 86_400;
const MS_PER_DAY = SECONDS_PER_DAY * 1000;
/** Excel counts days from 1900-01-00 and believes 1900 was a leap year: from serial 61 on,
 * day 0 is 1899-12-30; below it, 1899-12-31. Serial 60 is the 29 February 1900 that never was. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const EXCEL_PHANTOM_LEAP_DAY = 60;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Two-digit years as Excel reads them: 00–29 are 2000s, 30–99 are 1900s. */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function build(
  year: number,
  month: number,
  day: number,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  meridiem: string | undefined,
): DateParseResult {
  let hour = hourText === undefined ? 0 : Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return 'impossible';
    const pm = meridiem.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return 'impossible';
  if (hour > 23 || minute > 59 || second > 59) return 'impossible';
  return { year, month, day, hour, minute, second };
}

function fromSerial(whole: string, fraction: string | undefined): DateParseResult {
  const days = Number(whole);
  if (days < 1 || days > MAX_SERIAL || days === EXCEL_PHANTOM_LEAP_DAY) return 'impossible';
  const dayOffset = days < EXCEL_PHANTOM_LEAP_DAY ? days + 1 : days;
  // Rounded to the second: a fraction that rounds up to a whole day rolls over to the next one.
  const seconds = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * SECONDS_PER_DAY);
  const date = new Date(EXCEL_EPOCH + dayOffset * MS_PER_DAY + seconds * 1000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/**
 * Reads a date as spreadsheets write it. `auto` accepts every shape below; for `dd/mm` versus
 * `mm/dd` it reads day first (Latin America) unless only month first makes sense (`03/15/2026`).
 * A forced `dd/mm/yyyy` or `mm/dd/yyyy` fixes that order and still takes ISO dates and serial
 * numbers (a workbook mixes date cells and text); `yyyy-mm-dd` refuses day/month-first text;
 * `excel-serial` takes serial numbers only.
 *
 * Shapes: `15/03/2026`, `15-03-2026`, `15.03.26`, with `10:30`, `10:30:15` or `10:30 a. m.`;
 * `2026-03-15`, `2026-03-15T10:30:00`, `2026-03-15 10:30`; `20260315`, `20260315103000`;
 * Excel serials `46096` (2026-03-15) and `46096.5` (12:00 that day).
 */
export function parseDate(value: string, format: DateInputFormat = 'auto'): DateParseResult {
  const serial = SERIAL.exec(value);
  if (format === 'excel-serial') {
    return serial ? fromSerial(serial[1] ?? '', serial[2]) : 'mismatch';
  }
  if (serial) {
    return fromSerial(serial[1] ?? '', serial[2]);
  }
  if (isPlainSlashedDate(value)) {
    if (format === 'yyyy-mm-dd') return 'mismatch';
    return dayMonth(
      Number(value.slice(0, 2)),
      Number(value.slice(3, 5)),
      value.slice(6),
      undefined,
      undefined,
      undefined,
      undefined,
      format,
    );
  }
  const compact = COMPACT.exec(value);
  if (compact) {
    const [, y, mo, d, h, mi, s] = compact;
    return build(Number(y), Number(mo), Number(d), h, mi, s, undefined);
  }
  const iso = ISO.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, ampm] = iso;
    return build(Number(y), Number(mo), Number(d), h, mi, s, ampm);
  }
  const slashed = SLASHED.exec(value);
  if (!slashed) return 'unreadable';
  if (format === 'yyyy-mm-dd') return 'mismatch';
  const [, first, second, y, h, mi, s, ampm] = slashed;
  return dayMonth(Number(first), Number(second), y ?? '', h, mi, s, ampm, format);
}

const PLAIN_DATE_DIGITS = [0, 1, 3, 4, 6, 7, 8, 9];

/** `15/03/2026`, `15-03-2026`, `15.03.2026`: the most common shape, recognised without a regex. */
function isPlainSlashedDate(value: string): boolean {
  if (value.length !== 10) return false;
  const sep1 = value.charCodeAt(2);
  const sep2 = value.charCodeAt(5);
  if (!isDateSeparator(sep1) || !isDateSeparator(sep2)) return false;
  for (const i of PLAIN_DATE_DIGITS) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `/`, `.` or `-`. */
function isDateSeparator(c: number): boolean {
  return c === 47 || c === 46 || c === 45;
}

/** A day/month-first or month/day-first date: day first unless only month first makes sense. */
function dayMonth(
  a: number,
  b: number,
  yearText: string,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  ampm: string | undefined,
  format: DateInputFormat,
): DateParseResult {
  const monthFirst = format === 'mm/dd/yyyy' || (format === 'auto' && a <= 12 && b > 12);
  return monthFirst
    ? build(fullYear(yearText), a, b, h, mi, s, ampm)
    : build(fullYear(yearText), b, a, h, mi, s, ampm);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function formatDate(parts: DateParts, output: DateOutput): string {
  const { year, month, day } = parts;
  if (output === 'iso-date') return `${year}-${pad2(month)}-${pad2(day)}`;
  return `${year}${pad2(month)}${pad2(day)}${pad2(parts.hour)}${pad2(parts.minute)}${pad2(parts.second)}`;
}

/** A field's date transform: read as the template says, write as the target wants
 * (wolkvox `YYYYMMDDHHIISS`; Thalamus `YYYY-MM-DD`, the time dropped). */
export function dateTransform(format: DateInputFormat, output: DateOutput): ValueTransform {
  return (value) => {
    const parsed = parseDate(value, format);
    if (parsed === 'unreadable') return rejected('invalid-date', 'validation.invalid-date');
    if (parsed === 'impossible') return rejected('invalid-date', 'validation.impossible-date');
    if (parsed === 'mismatch') return rejected('invalid-date', 'validation.date-format-mismatch', { format });
    return accepted(formatDate(parsed, output));
  };
}
