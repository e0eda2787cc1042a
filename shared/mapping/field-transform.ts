import type { TargetField } from '../contract';
import type { DateOutput } from '../targets/field-spec';
import type { DateInputFormat } from '../template';
import { dateTransform } from '../transforms/dates';
import { checkEmail } from '../transforms/emails';
import { normalizeNumber } from '../transforms/numbers';
import { normalizePhone } from '../transforms/phones';
import type { SystemValueSet } from '../transforms/system-values';
import {
  accepted,
  rejected,
  type TransformResult,
  type ValueTransform,
} from '../transforms/transform-result';
import type { ValueMap } from '../transforms/value-map';
import type { DeclaredType } from './declared-type';
import { declaredTransform } from './declared-types';

/** Everything that decides how one field's cells become the value sent. */
export interface FieldRules {
  kind: TargetField['kind'];
  maxLength: number;
  valueMap: ValueMap;
  systemValues?: SystemValueSet;
  acceptsOtherValues?: boolean;
  /** Set when the field's cells are dates (a date field, or a text/custom field the template gives a date format). */
  dateFormat?: DateInputFormat;
  dateOutput: DateOutput;
  /** The type the template declares for a field the CRM types itself. */
  declared?: DeclaredType;
  /** Values with an `@` are e-mails (see FieldSpec.emailWhenItHasAt). */
  emailWhenItHasAt?: boolean;
}

/** Distinct values per field worth remembering: system values, dates and phones repeat a lot. */
const MEMO_LIMIT = 4096;

function memoize(transform: ValueTransform): ValueTransform {
  const memo = new Map<string, TransformResult>();
  return (value) => {
    let result = memo.get(value);
    if (result === undefined) {
      result = transform(value);
      if (memo.size < MEMO_LIMIT) memo.set(value, result);
    }
    return result;
  };
}

function kindTransform(rules: FieldRules): ValueTransform | null {
  if (rules.declared !== undefined && rules.declared !== 'text')
    return declaredTransform(rules.declared, rules.dateFormat, rules.dateOutput);
  if (rules.dateFormat !== undefined) return dateTransform(rules.dateFormat, rules.dateOutput);
  switch (rules.kind) {
    case 'phone':
      return normalizePhone;
    case 'email':
      return checkEmail;
    case 'number':
      return normalizeNumber;
    default:
      return rules.emailWhenItHasAt ? emailWhenItHasAt : null;
  }
}

function emailWhenItHasAt(value: string): TransformResult {
  return value.includes('@') ? checkEmail(value) : accepted(value);
}

/**
 * English system values: a value the template's own map produced is sent as the operator
 * wrote it (they know their CRM's values); otherwise it must be one of the allowed values,
 * matched without regard to case and sent in the API's spelling. A field that
 * `acceptsOtherValues` (T1 case types, which an operation may extend) passes any other value
 * through: blocking it would refuse valid custom types, and the CRM's own answer names a bad one.
 */
function systemTransform(
  set: SystemValueSet,
  acceptsOtherValues: boolean,
): (value: string, fromTemplate: boolean) => TransformResult {
  const canonical = new Map(set.allowed.map((v) => [v.toLowerCase(), v]));
  const allowed = set.allowed.join(', ');
  return (value, fromTemplate) => {
    if (fromTemplate) return accepted(value);
    const known = canonical.get(value.toLowerCase());
    if (known !== undefined) return accepted(known);
    if (acceptsOtherValues) return accepted(value);
    return rejected('unknown-system-value', 'validation.unknown-system-value', { allowed });
  };
}

/** Whether a field's cells are sent as they are, only capped in length: free text with no value
 * map and no date format. The row mapper checks those inline, without a transform call. */
export function isPlainText(rules: FieldRules): boolean {
  return (
    rules.valueMap.size === 0 &&
    kindTransform(rules) === null &&
    !(rules.kind === 'system' && rules.systemValues)
  );
}

/** Builds the transform of one field once; it takes a trimmed, non-empty cell and returns the
 * value to send (`''` when a value map emptied it) or why it cannot be sent. */
export function fieldTransform(rules: FieldRules): ValueTransform {
  const { valueMap, maxLength } = rules;
  const convert = kindTransform(rules);
  const system =
    rules.kind === 'system' && rules.systemValues
      ? systemTransform(rules.systemValues, rules.acceptsOtherValues ?? false)
      : null;
  const capped = (value: string): TransformResult =>
    value.length > maxLength
      ? rejected('value-too-long', 'validation.value-too-long', { length: value.length, max: maxLength })
      : accepted(value);

  const transform: ValueTransform = (value) => {
    const hit = valueMap.size === 0 ? undefined : valueMap.lookup(value);
    const mapped = hit ? hit.value.trim() : value;
    if (mapped === '') return accepted('');
    if (system) {
      const result = system(mapped, hit?.fromTemplate ?? false);
      return result.ok ? capped(result.value) : result;
    }
    if (convert) {
      const result = convert(mapped);
      return result.ok ? capped(result.value) : result;
    }
    return capped(mapped);
  };

  // System values, mapped values and dates repeat a lot and cost a lookup or a parse. Free text,
  // phones, e-mails and numbers rarely repeat and cost less to check than to remember.
  const repeats = system !== null || valueMap.size > 0 || rules.dateFormat !== undefined;
  return repeats ? memoize(transform) : transform;
}
