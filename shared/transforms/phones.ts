import { accepted, rejected, type TransformResult } from './transform-result';

export const MIN_PHONE_DIGITS = 7;
/** E.164's longest number: more digits means two numbers in one cell. */
export const MAX_PHONE_DIGITS = 15;

const DIGITS = /^\d+$/;
/** `3.00123E+09`, `3,00123E+09`: Excel printed a number it had rounded; the digits are gone. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
/** `3001234567.0`: a phone stored as a number and printed with decimals. */
const PRINTED_AS_DECIMAL = /^(\d{7,})[.,]0{1,2}$/;
/** Separators people type inside a phone number, and the `+` of an international prefix. */
const SEPARATORS = /[\s\-().+]/g;

/** Whether every character is an ASCII digit: most phone cells, checked without a regex. */
function allDigits(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return value.length > 0;
}

/** Digits only, as wolkvox wants them: spaces, dashes, dots, parentheses and `+` dropped. */
export function normalizePhone(value: string): TransformResult {
  let digits: string;
  if (allDigits(value)) {
    digits = value;
  } else if (SCIENTIFIC.test(value)) {
    return rejected('phone-scientific', 'validation.phone-scientific');
  } else {
    const decimal = PRINTED_AS_DECIMAL.exec(value);
    digits = decimal?.[1] ?? value.replace(SEPARATORS, '');
    if (!DIGITS.test(digits)) return rejected('phone-invalid', 'validation.phone-invalid');
  }
  if (digits.length < MIN_PHONE_DIGITS) {
    return rejected('phone-too-short', 'validation.phone-too-short', { digits: digits.length });
  }
  if (digits.length > MAX_PHONE_DIGITS) {
    return rejected('phone-invalid', 'validation.phone-too-long', { digits: digits.length });
  }
  return accepted(digits);
}
