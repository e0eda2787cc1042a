import type { Message } from '../messages/message';

/** An expected failure with a message for the operator (never a stack trace). */
export class CargaError extends Error {
  readonly detail: Message;
  constructor(detail: Message, options?: { cause?: unknown }) {
    super(detail.code, options);
    this.name = 'CargaError';
    this.detail = detail;
  }
}

export function isCargaError(error: unknown): error is CargaError {
  return error instanceof CargaError;
}
