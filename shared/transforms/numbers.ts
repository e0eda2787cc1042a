import { accepted, rejected, type TransformResult } from './transform-result';

const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** Integers and decimals with one decimal comma or point, sent with a point. Thousands
 * separators (`1.234,5`) are refused rather than guessed. */
export function normalizeNumber(value: string): TransformResult {
  if (!NUMBER.test(value)) return rejected('not-a-number', 'validation.not-a-number');
  const unsigned = value.startsWith('+') ? value.slice(1) : value;
  return accepted(unsigned.replace(',', '.'));
}
