import type { Lang } from '../../shared/lang';
import { formatMessage, isMessageCode } from '../../shared/messages/catalog';
import type { Message } from '../../shared/messages/message';
import { formatResetTime } from './format';

/** Renders an engine message in the operator's language. A code this build does not know (an
 * engine newer than the UI) shows as the code itself rather than breaking the screen. */
export function messageText(lang: Lang, message: Message): string {
  return isMessageCode(message.code) ? formatMessage(lang, readableTimes(lang, message)) : message.code;
}

/** A quota reset travels as an ISO instant; the operator reads it in their own words and zone. */
function readableTimes(lang: Lang, message: Message): Message {
  const resetsAt = message.params?.resetsAt;
  if (typeof resetsAt !== 'string') return message;
  return { ...message, params: { ...message.params, resetsAt: formatResetTime(lang, resetsAt) } };
}
