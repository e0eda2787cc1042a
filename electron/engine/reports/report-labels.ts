import type { Lang } from '../../../shared/lang';
import { formatMessage, isMessageCode } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';

/** The text of `report.<group>.<key>` in `lang`, or `key` itself when there is none (a failure
 * class or status added later still shows, untranslated, rather than breaking an export). */
export function reportLabel(
  lang: Lang,
  group: 'outcome' | 'kind' | 'status' | 'target',
  key: string,
): string {
  const code = `report.${group}.${key}`;
  return isMessageCode(code) ? formatMessage(lang, { code }) : key;
}

/** A message in `lang`; a code the catalog does not know (say, from an older journal) shows as
 * the code, never as a crash. */
export function explain(lang: Lang, message: Message | undefined): string {
  if (!message) return '';
  return isMessageCode(message.code) ? formatMessage(lang, message) : message.code;
}

export function otherLang(lang: Lang): Lang {
  return lang === 'es' ? 'en' : 'es';
}
