import type { MessageCode } from '../messages/catalog';
import type { MessageParams } from '../messages/message';
import type { ProblemCode } from '../validation/problems';

/** Why a value cannot be sent. The caller adds where it was (row, column, value) to the message. */
export interface TransformFailure {
  code: ProblemCode;
  message: MessageCode;
  params?: MessageParams;
}

export type TransformResult = { ok: true; value: string } | { ok: false; failure: TransformFailure };

/** A value transform: takes a trimmed, non-empty cell. */
export type ValueTransform = (value: string) => TransformResult;

export function accepted(value: string): TransformResult {
  return { ok: true, value };
}

export function rejected(code: ProblemCode, message: MessageCode, params?: MessageParams): TransformResult {
  return params
    ? { ok: false, failure: { code, message, params } }
    : { ok: false, failure: { code, message } };
}
