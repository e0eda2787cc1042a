export const LANGS = ['es', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Spanish for any `es*` locale (the operators are mostly Latin American), English otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  if (!locale) return 'es';
  return /^es([-_.@]|$)/i.test(locale.trim()) ? 'es' : 'en';
}
