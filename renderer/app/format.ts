import { langFromLocale, type Lang } from '../../shared/lang';

/** The OS's own locale when it speaks the chosen language (an operator in Bogotá sees
 * `1.234`, one in Mexico `1,234`), else a neutral one for that language. */
function locale(lang: Lang): string {
  const os = typeof navigator === 'undefined' ? undefined : navigator.language;
  if (os && langFromLocale(os) === lang) return os;
  return lang === 'es' ? 'es' : 'en-US';
}

/** The separators number inputs should use, as the formatted numbers show them. */
export function numberSeparators(lang: Lang): { thousands: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale(lang), { useGrouping: 'always' }).formatToParts(1234567.5);
  return {
    thousands: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits }).format(value);
}

export function formatDateTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A quota reset, the same instant on every screen: weekday, day, month and time in the
 * operator's language and time zone ("mar, 1 dic, 00:07" / "Tue, Dec 1, 12:07 AM"). */
export function formatResetTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export function formatBytes(lang: Lang, bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(lang, value, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** `1 h 05 min`, `3 min 20 s`, `45 s`: the same in both languages. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(secs).padStart(2, '0')} s`;
  return `${secs} s`;
}

/** The ISO text the engine gives an Excel date cell: `2026-11-01`, `2026-11-01T14:30:00`, `14:30:00`. */
const EXCEL_DATE = /^(?:(\d{4})-(\d\d)-(\d\d))?(?:T?(\d\d):(\d\d):(\d\d))?$/;

/**
 * A workbook cell as the operator saw it in Excel: dates and times in their language's format
 * (`01/11/2026 14:30`, `11/01/2026, 02:30 PM`) rather than the ISO text Carga reads them as.
 * Excel dates have no time zone, so they are shown as written (UTC), never shifted.
 */
export function formatSheetCell(lang: Lang, value: string): string {
  const match = EXCEL_DATE.exec(value);
  if (!match || value === '') return value;
  const [, year, month, day, hours, minutes, seconds] = match;
  const date = new Date(
    Date.UTC(
      Number(year ?? 1970),
      Number(month ?? 1) - 1,
      Number(day ?? 1),
      Number(hours ?? 0),
      Number(minutes ?? 0),
      Number(seconds ?? 0),
    ),
  );
  // Out of range (month 13, 25:00) is text that only looks like a date.
  const iso = Number.isNaN(date.getTime()) ? '' : date.toISOString();
  if (year !== undefined && iso.slice(0, 10) !== `${year}-${month}-${day}`) return value;
  if (hours !== undefined && iso.slice(11, 19) !== `${hours}:${minutes}:${seconds}`) return value;
  const withSeconds = seconds !== undefined && seconds !== '00';
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
  if (withSeconds) time.second = '2-digit';
  const options: Intl.DateTimeFormatOptions = {
    timeZone: 'UTC',
    ...(year !== undefined ? { day: '2-digit', month: '2-digit', year: 'numeric' } : {}),
    ...(hours !== undefined ? time : {}),
  };
  return new Intl.DateTimeFormat(locale(lang), options).format(date);
}
