import type { Lang } from '../lang';
import type { MessageCode } from './catalog';

export type MessageParams = Record<string, string | number>;

/** A user-visible text as data: a code and its parameters, rendered in the operator's language
 * only where it is shown. Crosses IPC and HTTP as plain JSON. */
export interface Message {
  code: MessageCode;
  params?: MessageParams;
}

/** One text in both languages; `{name}` placeholders are filled from the message's params. */
export type Texts = Record<Lang, string>;
export type MessageCatalog = Record<string, Texts>;
