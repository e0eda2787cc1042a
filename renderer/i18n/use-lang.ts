import { useTranslation } from 'react-i18next';

import type { Lang } from '../../shared/lang';

/** The operator's language as the engine's messages know it. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'es' ? 'es' : 'en';
}
