import { langFromLocale, LANGS, type Lang } from '../../shared/lang';

const STORAGE_KEY = 'carga.lang';

/** The operator's own choice when they made one, else the OS's language. */
export function initialLang(): Lang {
  const chosen = readStored();
  return chosen ?? langFromLocale(navigator.language);
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be off (private mode); the switch still works for this session.
  }
}

function readStored(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LANGS.find((lang) => lang === value) ?? null;
  } catch {
    return null;
  }
}
