import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

import type { Lang } from '../../shared/lang';
import { en } from './en';
import { es } from './es';

export const resources = { en: { translation: en }, es: { translation: es } } as const;

/** One i18next instance per app (tests mount several apps side by side). */
export function createI18n(lang: Lang): I18n {
  const instance = createInstance();
  instance.use(initReactI18next);
  void instance.init({
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: ['es', 'en'],
    resources,
    // Resources are bundled: initialise synchronously so the first render has its texts.
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
