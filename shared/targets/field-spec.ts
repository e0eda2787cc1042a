import type { TargetDescriptor, TargetField } from '../contract';
import type { DeclaredType } from '../mapping/declared-type';
import type { SystemValueSet } from '../transforms/system-values';

/** Cap for names, codes, phones and other one-line values: longer is a pasted mistake. */
export const SHORT_VALUE_MAX = 255;
/** Cap for free text (descriptions, comments, custom fields). */
export const LONG_VALUE_MAX = 10_000;

/** What the engine knows about a field beyond the contract's descriptor. */
export interface FieldSpec extends TargetField {
  /** Column headers operators use for this field (Spanish and English), besides the key and labels. */
  synonyms: readonly string[];
  maxLength: number;
  /** System fields: the English values the API accepts and the Spanish ones mapped to them. */
  systemValues?: SystemValueSet;
  /** A system field whose values outside `systemValues.allowed` may still be sent
   * (T1 case types: an operation may define its own). */
  acceptsOtherValues?: boolean;
  /** A text field that holds e-mails or other keys (T1's contact: an e-mail, a document number):
   * a value with an `@` is meant as an e-mail and checked as one, so a typo never reaches the CRM. */
  emailWhenItHasAt?: boolean;
  /** A system field whose allowed values the connection may extend with its CRM's own
   * (T1 statuses and priorities: a CRM can have `in progress`, `urgent`). */
  extendedBy?: ExtraValuesField;
}

/** The connection's lists of values a CRM has besides the built-in ones. */
export type ExtraValuesField = 'extraStatuses' | 'extraPriorities';

/** How a target wants dates: wolkvox `YYYYMMDDHHIISS`, Thalamus `YYYY-MM-DD`. */
export type DateOutput = 'wolkvox' | 'iso-date';

export interface TargetSpec extends TargetDescriptor {
  fields: FieldSpec[];
  dateOutput: DateOutput;
  /** The types its custom fields may be declared as (the CRM types them itself); none: text only. */
  declaredTypes?: readonly DeclaredType[];
}

interface FieldOptions {
  required?: boolean;
  synonyms?: readonly string[];
  maxLength?: number;
  systemValues?: SystemValueSet;
  acceptsOtherValues?: boolean;
  emailWhenItHasAt?: boolean;
  extendedBy?: ExtraValuesField;
  joinsColumns?: boolean;
}

export function fieldSpec(
  key: string,
  es: string,
  en: string,
  kind: TargetField['kind'],
  options: FieldOptions = {},
): FieldSpec {
  const spec: FieldSpec = {
    key,
    label: { es, en },
    required: options.required ?? false,
    kind,
    synonyms: options.synonyms ?? [],
    maxLength: options.maxLength ?? SHORT_VALUE_MAX,
  };
  if (options.systemValues) spec.systemValues = options.systemValues;
  if (options.acceptsOtherValues) spec.acceptsOtherValues = true;
  if (options.emailWhenItHasAt) spec.emailWhenItHasAt = true;
  if (options.extendedBy) spec.extendedBy = options.extendedBy;
  if (options.joinsColumns) spec.joinsColumns = true;
  return spec;
}
