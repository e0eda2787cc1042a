// A cell of a declared type is converted to one canonical text when the row is mapped (so Check
// refuses what the CRM would) and put on the wire with its JSON type by the target (`wireValue`).
import type { DateOutput } from '../targets/field-spec';
import type { DateInputFormat } from '../template';
import { dateTransform } from '../transforms/dates';
import { accepted, rejected, type ValueTransform } from '../transforms/transform-result';
import type { DeclaredType } from './declared-type';

/** Module field types sent as `{"type": …, "value": …}`. */
const OBJECT_TYPES: ReadonlySet<DeclaredType> = new Set(['address', 'search', 'relationship', 'table']);

const TRUE_WORDS = new Set(['si', 'sí', 's', 'yes', 'y', 'true', 'verdadero', 'v', '1', 'x']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'falso', 'f', '0']);

function toBoolean(value: string) {
  const word = value.toLowerCase();
  if (TRUE_WORDS.has(word)) return accepted('true');
  if (FALSE_WORDS.has(word)) return accepted('false');
  return rejected('invalid-typed-value', 'validation.not-a-boolean');
}

/** `1.234,56` (Spanish), `1,234.56` (English), `1234,5`, `-12`: the last separator is the decimal
 * one when both appear; thousands come in groups of three. Returns the number as `1234.56`, or null. */
export function readDecimal(value: string): string | null {
  const match = /^([+-]?)(\d[\d.,]*)$/.exec(value.replace(/\s/g, ''));
  if (!match) return null;
  const sign = match[1] === '-' ? '-' : '';
  const body = match[2] ?? '';
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  let integer: string;
  let fraction = '';
  let thousands: string | null = null;
  if (dots > 0 && commas > 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    thousands = decimal === '.' ? ',' : '.';
    if (body.split(decimal).length - 1 !== 1) return null;
    [integer = '', fraction = ''] = body.split(decimal);
  } else if (dots + commas === 1) {
    const separator = dots ? '.' : ',';
    [integer = '', fraction = ''] = body.split(separator);
    // `250.000` and `1,500`: one separator before exactly three digits groups thousands, as
    // amounts are written in both languages; `0,125` and `2,5` are decimals.
    if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(integer)) {
      integer = `${integer}${fraction}`;
      fraction = '';
    }
  } else if (dots + commas > 1) {
    thousands = dots ? '.' : ',';
    integer = body;
  } else {
    integer = body;
  }
  if (thousands !== null) {
    const groups = integer.split(thousands);
    if (!/^\d{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
    integer = groups.join('');
  }
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction) || (fraction === '' && /[.,]$/.test(body)))
    return null;
  const trimmedInteger = integer.replace(/^0+(?=\d)/, '');
  return fraction === '' ? `${sign}${trimmedInteger}` : `${sign}${trimmedInteger}.${fraction}`;
}

function toDecimal(value: string) {
  const number = readDecimal(value);
  return number === null ? rejected('invalid-typed-value', 'validation.not-a-decimal') : accepted(number);
}

function toInteger(value: string) {
  const number = readDecimal(value);
  if (number === null) return rejected('invalid-typed-value', 'validation.not-an-integer');
  // `3,0` is three; `2,5` is not a whole number.
  const [whole = '', fraction = ''] = number.split('.');
  return /^0*$/.test(fraction)
    ? accepted(whole)
    : rejected('invalid-typed-value', 'validation.not-an-integer');
}

/** A table field's cell holds its rows as a JSON array of objects: `[{"SKU":"A1","Cantidad":2}]`. */
function toTable(value: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return rejected('invalid-typed-value', 'validation.not-a-table');
  }
  const isRow = (row: unknown) =>
    typeof row === 'object' &&
    row !== null &&
    !Array.isArray(row) &&
    Object.values(row).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
  if (!Array.isArray(parsed) || !parsed.every(isRow))
    return rejected('invalid-typed-value', 'validation.not-a-table');
  return accepted(JSON.stringify(parsed));
}

/** The conversion of a declared type, or null when its cells are sent as written. */
export function declaredTransform(
  type: DeclaredType,
  dateFormat: DateInputFormat | undefined,
  dateOutput: DateOutput,
): ValueTransform | null {
  switch (type) {
    case 'boolean':
      return toBoolean;
    case 'number':
      return toInteger;
    case 'decimal':
      return toDecimal;
    case 'date':
      return dateTransform(dateFormat ?? 'auto', dateOutput);
    case 'table':
      return toTable;
    default:
      return null;
  }
}

export type WireValue = string | number | boolean | { type: DeclaredType; value: unknown };

/** A converted value as the CRM wants it on the wire: JSON booleans and numbers, typed module
 * fields as `{"type", "value"}`. */
export function wireValue(type: DeclaredType | undefined, value: string): WireValue {
  switch (type) {
    case 'boolean':
      return value === 'true';
    case 'number':
    case 'decimal':
      return Number(value);
    case 'table':
      return { type, value: JSON.parse(value) as unknown };
    default:
      return type !== undefined && OBJECT_TYPES.has(type) ? { type, value } : value;
  }
}
