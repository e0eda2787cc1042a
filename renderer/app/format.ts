import type { Lang } from '../../shared/lang';

const locales: Record<Lang, string> = { es: 'es-419', en: 'en-US' };

export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits }).format(value);
}

export function formatDateTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
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
