import { z } from 'zod';

import type { Lang } from '../../shared/lang';
import { isMessageCode } from '../../shared/messages/catalog';
import type { Message } from '../../shared/messages/message';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import { messageText } from './message-text';

const messageSchema = z.object({
  code: z.string().refine(isMessageCode),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** The engine's explanation carried by a rejected bridge call (`error.detail`), when it has one. */
export function errorDetail(error: unknown): Message | null {
  if (typeof error !== 'object' || error === null || !('detail' in error)) return null;
  const parsed = messageSchema.safeParse(error.detail);
  return parsed.success ? (parsed.data as Message) : null;
}

/** Any rejection as a text for the operator: the engine's message in their language, or a
 * generic sentence. Never a stack trace or an internal error text. */
export function errorMessage(lang: Lang, error: unknown): string {
  const detail = errorDetail(error);
  if (detail) return messageText(lang, detail);
  return (lang === 'es' ? es : en).errors.unexpected;
}
