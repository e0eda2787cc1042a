import { isCargaError } from '../../shared/errors/carga-error';
import { msg } from '../../shared/messages/catalog';
import type { Message } from '../../shared/messages/message';
import type { WireError } from '../../shared/preload-api';

export function wireError(detail: Message): WireError {
  return { message: detail.code, detail };
}

/** What the renderer may learn of a failure: the engine's own message for an expected failure,
 * a generic one for anything else. Never a stack, an internal error text or a token. */
export function toWireError(error: unknown): WireError {
  if (isCargaError(error)) return wireError(error.detail);
  return wireError(msg('front-door.unexpected-error'));
}

export function invalidInputError(path: string): WireError {
  return wireError(msg('front-door.invalid-input', { path }));
}
