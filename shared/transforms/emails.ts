import { accepted, rejected, type TransformResult } from './transform-result';

/** The shape only (`name@domain.tld`, one `@`, no spaces): whether the mailbox exists is the CRM's business. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export function checkEmail(value: string): TransformResult {
  return EMAIL_SHAPE.test(value) ? accepted(value) : rejected('invalid-email', 'validation.invalid-email');
}
