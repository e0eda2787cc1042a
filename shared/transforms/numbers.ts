import { accepted, rejected, type TransformResult } from './transform-result';

const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** Integers and decimals with one decimal comma or point, sent with a point. Thousands
 * separators (`1.234,5`) are refused rather than guessed. */
export function normalizeNumber(value: string): TransformResult {
  if (isUnsignedInteger(value)) return accepted(value);
  if (!NUMBER.test(value)) return rejected('not-a-number', 'validation.not-a-number');
  const unsigned = value.startsWith('+') ? value.slice(1) : value;
  return accepted(unsigned.replace(',', '.'));
}

/** The common case, checked without a regex: digits only, sent as they are. */
function isUnsignedInteger(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
