import type { Lang } from '../lang';

/** Values filling a text's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** One text in both languages; `{name}` placeholders are filled from the message's params. */
export type Texts = Record<Lang, string>;
export type MessageCatalog = Record<string, Texts>;
