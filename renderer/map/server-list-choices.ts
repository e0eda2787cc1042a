import type { CaseTypeOption, ServerLists, Template } from '../../shared/contract';
import { compactName } from '../../shared/mapping/normalize-name';

/**
 * The Map step's use of a Thalamus server's lists, kept out of React: category and type chosen
 * as one valid pair, statuses only among the initial ones, and the file's own values translated
 * to the server's codes through the template's value maps.
 */

/** The fields whose values must be in the server's lists. */
export const LIST_FIELDS = ['categoryCode', 'typeCode', 'status'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export interface ListOption {
  /** What is sent: a code, or a status name. */
  value: string;
  /** What the operator reads: the name with the code. */
  label: string;
}

const PAIR_SEPARATOR = '\u0000';

export function pairValue(option: Pick<CaseTypeOption, 'categoryCode' | 'typeCode'>): string {
  return `${option.categoryCode}${PAIR_SEPARATOR}${option.typeCode}`;
}

/** The valid pairs for a Select, grouped by category: `Reclamos (RECL)` › `Facturación (FACT)`. */
export function pairChoices(lists: ServerLists): { group: string; items: ListOption[] }[] {
  const groups = new Map<string, ListOption[]>();
  for (const option of lists.caseTypes) {
    const group = `${option.categoryName} (${option.categoryCode})`;
    const items = groups.get(group) ?? [];
    items.push({ value: pairValue(option), label: `${option.typeName} (${option.typeCode})` });
    groups.set(group, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** The pair a template's constants name, when they name one of the server's. */
export function chosenPair(template: Template, lists: ServerLists): string | null {
  const category = template.constants.categoryCode;
  const type = template.constants.typeCode;
  const found = lists.caseTypes.find(
    (option) => option.categoryCode === category && option.typeCode === type,
  );
  return found ? pairValue(found) : null;
}

/** Sets category and type for every row from one valid pair (null removes both constants). */
export function withPairConstant(template: Template, lists: ServerLists, value: string | null): Template {
  const constants = { ...template.constants };
  const option = lists.caseTypes.find((candidate) => pairValue(candidate) === value);
  if (option) {
    constants.categoryCode = option.categoryCode;
    constants.typeCode = option.typeCode;
  } else {
    delete constants.categoryCode;
    delete constants.typeCode;
  }
  return { ...template, constants };
}

/** The codes (or initial statuses) a list field may take, with their names. */
export function fieldOptions(lists: ServerLists, field: ListField): ListOption[] {
  if (field === 'status')
    return lists.statuses
      .filter((status) => status.initial)
      .map((status) => ({ value: status.name, label: status.name }));
  const seen = new Map<string, ListOption>();
  for (const option of lists.caseTypes) {
    const [value, name] =
      field === 'categoryCode'
        ? [option.categoryCode, option.categoryName]
        : [option.typeCode, option.typeName];
    if (!seen.has(value)) seen.set(value, { value, label: `${name} (${value})` });
  }
  return [...seen.values()];
}

/** The column a field is mapped from, if any. */
export function columnOf(columns: Template['columns'], field: string): string | null {
  return Object.entries(columns).find(([, key]) => key === field)?.[0] ?? null;
}

export interface FileValueRow {
  /** As written in the file. */
  value: string;
  /** What will be sent for it: the template's translation, or the value itself. */
  sent: string;
  /** The template translates it. */
  translated: boolean;
  /** What is sent is one of the server's options. */
  valid: boolean;
}

/**
 * The distinct values of a field's column in the file's first rows, each with what will be sent
 * for it and whether the server accepts that. Check covers the rows beyond these.
 */
export function fileValueRows(
  template: Template,
  field: ListField,
  preview: readonly Record<string, string>[],
  options: readonly ListOption[],
): FileValueRow[] {
  const column = columnOf(template.columns, field);
  if (column === null) return [];
  const map = template.valueMaps[field] ?? {};
  const valid = new Set(options.map((option) => option.value));
  const values = [
    ...new Set(preview.map((row) => (row[column] ?? '').trim()).filter((value) => value !== '')),
  ];
  return values.map((value) => {
    const translated = Object.hasOwn(map, value);
    const sent = translated ? (map[value] ?? '') : value;
    return { value, sent, translated, valid: valid.has(sent) };
  });
}

/** The option a file value most likely means: the same code or name, ignoring case, accents
 * and spaces (`reclamos` → `RECL`). */
export function likelyOption(value: string, options: readonly ListOption[]): ListOption | null {
  const folded = compactName(value);
  return (
    options.find((option) => compactName(option.value) === folded) ??
    options.find((option) => compactName(option.label.replace(/\s*\([^)]*\)$/, '')) === folded) ??
    null
  );
}
