import type { Lang } from '../../shared/lang';
import type { Message } from '../../shared/messages/message';
import { formatMessage, isMessageCode } from '../../shared/messages/catalog';

/** Renders an engine message in the operator's language. A code this build does not know (an
 * engine newer than the UI) shows as the code itself rather than breaking the screen. */
export function messageText(lang: Lang, message: Message): string {
  return isMessageCode(message.code) ? formatMessage(lang, message) : message.code;
}
