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
