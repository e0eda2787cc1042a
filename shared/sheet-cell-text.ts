import type { FileKind } from './contract';
import type { Lang } from './lang';
import type { Message } from './messages/message';

/**
 * The one place a file's cell becomes the text an operator reads (every screen, the reports'
 * explanations, the search of Results). A workbook's date cells reach Carga as ISO text
 * (`2026-11-01T14:30:00`, `2026-11-01`, `14:30:00`: electron/engine/files/excel-date.ts) and are
 * SENT that way, through the target's own date format; the operator reads them as Excel shows
 * dates in their language. Any other value, and every value of a CSV (whose text is what the
 * operator typed), is shown as it is.
 */

/** A workbook date cell's parts; `date` or `time` absent for a time or a date alone. */
export interface SheetDate {
  date?: { year: number; month: number; day: number };
  time?: { hour: number; minute: number; second: number };
}

/** How each language writes a date cell, as Excel number formats: the screens write the same
 * text, and the XLSX reports give their date cells these formats. */
export const SHEET_DATE_FORMATS: Record<Lang, { date: string; time: string; seconds: string }> = {
  es: { date: 'dd/mm/yyyy', time: 'hh:mm', seconds: 'hh:mm:ss' },
  en: { date: 'mm/dd/yyyy', time: 'hh:mm AM/PM', seconds: 'hh:mm:ss AM/PM' },
};

const ISO_DATE = /^(?:(\d{4})-(\d\d)-(\d\d))?(?:T?(\d\d):(\d\d):(\d\d))?$/;

/** The date an ISO text of a workbook cell names; null for any other text (`2026-13-45` too). */
export function readSheetDate(value: string): SheetDate | null {
  const match = value === '' ? null : ISO_DATE.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const result: SheetDate = {};
  if (match[1] !== undefined) {
    const probe = new Date(Date.UTC(year!, month! - 1, day!));
    if (probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day!) return null;
    result.date = { year: year!, month: month!, day: day! };
  }
  if (match[4] !== undefined) {
    if (hour! > 23 || minute! > 59 || second! > 59) return null;
    // `2026-11-01` needs no `T`; a time glued to a date without one is not Carga's text.
    if (match[1] !== undefined && !value.includes('T')) return null;
    result.time = { hour: hour!, minute: minute!, second: second! };
  }
  return result;
}

/** A workbook cell's value as the operator reads it; a CSV's as written. */
export function sheetCellText(lang: Lang, value: string, kind: FileKind): string {
  if (kind !== 'xlsx') return value;
  const date = readSheetDate(value);
  return date ? sheetDateText(lang, date) : value;
}

/** `01/11/2026 14:30` (es), `11/01/2026 02:30 PM` (en); seconds only when there are some. */
export function sheetDateText(lang: Lang, date: SheetDate): string {
  return excelText(sheetDateFormat(lang, date), date);
}

/** The Excel number format a date cell is written with in `lang`. */
export function sheetDateFormat(lang: Lang, date: SheetDate): string {
  const formats = SHEET_DATE_FORMATS[lang];
  const time = date.time ? (date.time.second === 0 ? formats.time : formats.seconds) : null;
  return [date.date ? formats.date : null, time].filter((part) => part !== null).join(' ');
}

/** The instant of a date cell as Excel keeps it: a wall-clock time without a zone, read as UTC
 * (a time alone falls on Excel's day 0, 1899-12-30). */
export function sheetDateInstant(date: SheetDate): Date {
  const day = date.date ?? { year: 1899, month: 12, day: 30 };
  const time = date.time ?? { hour: 0, minute: 0, second: 0 };
  return new Date(Date.UTC(day.year, day.month - 1, day.day, time.hour, time.minute, time.second));
}

/**
 * What the operator typed over a workbook cell, kept as the reader keeps a date cell: text
 * written exactly as `sheetCellText` shows a date (`02/11/2026 14:30` in Spanish) becomes its
 * ISO text again, so an edited date reads the same whatever the language (English `11/02/2026`
 * is never taken for 11 February). Anything else is kept as typed.
 */
export function sheetCellValue(lang: Lang, text: string, kind: FileKind): string {
  if (kind !== 'xlsx') return text;
  const date = readShownDate(lang, text.trim());
  if (!date || sheetDateText(lang, date) !== text.trim()) return text;
  const day = date.date ? `${date.date.year}-${pad2(date.date.month)}-${pad2(date.date.day)}` : '';
  const time = date.time ? `${pad2(date.time.hour)}:${pad2(date.time.minute)}:${pad2(date.time.second)}` : '';
  return day && time ? `${day}T${time}` : day || time;
}

/** The date a text in `lang`'s date format names (its pattern is checked by writing it back). */
function readShownDate(lang: Lang, text: string): SheetDate | null {
  const match = /^(?:(\d\d)\/(\d\d)\/(\d{4}))?\s*(?:(\d\d):(\d\d)(?::(\d\d))?\s*(AM|PM)?)?$/.exec(text);
  if (!match || text === '') return null;
  const [, first, second, year, hour, minute, seconds, meridiem] = match;
  const result: SheetDate = {};
  if (year !== undefined) {
    const [day, month] = lang === 'es' ? [first, second] : [second, first];
    const iso = `${year}-${month}-${day}`;
    const date = readSheetDate(iso);
    if (!date) return null;
    result.date = date.date!;
  }
  if (hour !== undefined) {
    let h = Number(hour);
    if (meridiem !== undefined) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (meridiem === 'PM' ? 12 : 0);
    }
    const time = readSheetDate(`${pad2(h)}:${minute}:${seconds ?? '00'}`);
    if (!time) return null;
    result.time = time.time!;
  }
  return result;
}

/** An explanation quoting a workbook cell (`«{value}» is not …`) quotes it as the operator reads it. */
export function sheetCellMessage(lang: Lang, message: Message, kind: FileKind): Message {
  const value = message.params?.value;
  if (kind !== 'xlsx' || typeof value !== 'string') return message;
  const shown = sheetCellText(lang, value, kind);
  return shown === value ? message : { ...message, params: { ...message.params, value: shown } };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Writes the few codes of SHEET_DATE_FORMATS: `dd`, `mm` (minutes right after `hh:`), `yyyy`,
 * `hh` (12-hour beside `AM/PM`, as in Excel), `ss`, `AM/PM`. */
function excelText(format: string, date: SheetDate): string {
  const { year = 1899, month = 12, day = 30 } = date.date ?? {};
  const { hour = 0, minute = 0, second = 0 } = date.time ?? {};
  const twelve = format.includes('AM/PM');
  return format.replace(/yyyy|dd|hh:mm|mm|ss|AM\/PM/g, (code) => {
    switch (code) {
      case 'yyyy':
        return String(year).padStart(4, '0');
      case 'dd':
        return pad2(day);
      case 'mm':
        return pad2(month);
      case 'hh:mm':
        return `${pad2(twelve ? hour % 12 || 12 : hour)}:${pad2(minute)}`;
      case 'ss':
        return pad2(second);
      default:
        return hour < 12 ? 'AM' : 'PM';
    }
  });
}
