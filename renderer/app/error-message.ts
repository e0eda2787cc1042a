import type { Lang } from '../../shared/lang';
import { isMessageCode } from '../../shared/messages/catalog';
import type { Message, MessageParams } from '../../shared/messages/message';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import { messageText } from './message-text';

/** The engine's explanation carried by a rejected bridge call (`error.detail`), when it has one:
 * a code of the catalog, with text or number parameters. Checked by hand rather than with zod,
 * which would put its whole library in the code the first screen waits for. */
export function errorDetail(error: unknown): Message | null {
  if (typeof error !== 'object' || error === null || !('detail' in error)) return null;
  const { detail } = error;
  if (typeof detail !== 'object' || detail === null || !('code' in detail)) return null;
  const { code } = detail;
  if (typeof code !== 'string' || !isMessageCode(code)) return null;
  const params = 'params' in detail ? detail.params : undefined;
  if (params === undefined) return { code } as Message;
  return isMessageParams(params) ? ({ code, params } as Message) : null;
}

function isMessageParams(value: unknown): value is MessageParams {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((param) => typeof param === 'string' || typeof param === 'number')
  );
}

/** Any rejection as a text for the operator: the engine's message in their language, or a
 * generic sentence. Never a stack trace or an internal error text. */
export function errorMessage(lang: Lang, error: unknown): string {
  const detail = errorDetail(error);
  if (detail) return messageText(lang, detail);
  return (lang === 'es' ? es : en).errors.unexpected;
}
