import type {
  Connection,
  FileOptions,
  MappingSuggestion,
  TargetDescriptor,
  TargetField,
  Template,
} from '../../shared/contract';
import type { DeclaredType } from '../../shared/mapping/declared-type';
import type { DateInputFormat } from '../../shared/template';

/**
 * The Map step's logic, kept out of React: a `Template` is the single state, and each edit the
 * operator makes is a function from one template to the next.
 */

export interface MappingRow {
  column: string;
  /** Field key the column goes to, or null when the column is not sent. */
  field: string | null;
  /** The CRM's name of the custom field when `field` is one (`form.Ciudad` → `Ciudad`). */
  customName: string | null;
  suggestion: MappingSuggestion | null;
  /** The column still goes where it was suggested to (its confidence is worth showing). */
  followsSuggestion: boolean;
  /** The first non-empty value of the column in the preview. */
  sample: string;
}

export interface ValueMapRow {
  from: string;
  to: string;
  /** Comes from the built-in Spanish→English map. */
  builtIn: boolean;
  /** The template says something of its own for this value. */
  edited: boolean;
}

export function customFieldKey(prefix: string, name: string): string {
  return `${prefix}${name}`;
}

/** The custom field's name when `key` is one under `prefix`, else null. */
export function customFieldName(prefix: string | null, key: string): string | null {
  return prefix && key.startsWith(prefix) ? key.slice(prefix.length) : null;
}

/** What a template remembers of a connection: where, never which vault entry nor the token. */
export function templateConnection(connection: Connection): Template['connection'] {
  const remembered: Template['connection'] = { server: connection.server };
  const keys = ['operation', 'module', 'campaignId', 'campaignType', 'campaignStatus', 'touchpoint'] as const;
  for (const key of keys) {
    const value = connection[key];
    if (value !== undefined && value !== '') Object.assign(remembered, { [key]: value });
  }
  // The CRM's own statuses and priorities, so the CLI checks and sends the template as the app does.
  for (const key of ['extraStatuses', 'extraPriorities'] as const) {
    const values = connection[key];
    if (values && values.length > 0) remembered[key] = [...values];
  }
  return remembered;
}

/** The first mapping of a freshly opened file: each column where the engine suggests, a field
 * taken by the likeliest column only. */
export function initialTemplate(input: {
  name: string;
  target: TargetDescriptor;
  connection: Connection;
  fileOptions: FileOptions;
  suggestions: readonly MappingSuggestion[];
}): Template {
  const best = new Map<string, MappingSuggestion>();
  for (const suggestion of input.suggestions) {
    if (suggestion.field === null) continue;
    const taken = best.get(suggestion.field);
    if (!taken || suggestion.confidence > taken.confidence) best.set(suggestion.field, suggestion);
  }
  const columns: Record<string, string> = {};
  for (const suggestion of input.suggestions) {
    if (suggestion.field !== null && best.get(suggestion.field) === suggestion)
      columns[suggestion.column] = suggestion.field;
  }
  return {
    version: 1,
    name: input.name,
    target: input.target.id,
    connection: templateConnection(input.connection),
    columns,
    constants: {},
    valueMaps: {},
    dateFormats: {},
    file: { ...input.fileOptions },
  };
}

/** A saved template put to work on the open file and the chosen connection. Columns the file
 * does not have are left out, so the mapping never names a column that is not there. */
export function applyTemplate(
  saved: Template,
  input: { columns: readonly string[]; connection: Connection; fileOptions: FileOptions },
): Template {
  const present = new Set(input.columns);
  return {
    ...saved,
    connection: templateConnection(input.connection),
    columns: Object.fromEntries(Object.entries(saved.columns).filter(([column]) => present.has(column))),
    file: { ...input.fileOptions },
  };
}

export function mappingRows(
  mapped: Template['columns'],
  target: TargetDescriptor,
  columns: readonly string[],
  suggestions: readonly MappingSuggestion[],
  preview: readonly Record<string, string>[],
): MappingRow[] {
  return columns.map((column) => {
    const field = mapped[column] ?? null;
    const suggestion = suggestions.find((candidate) => candidate.column === column) ?? null;
    return {
      column,
      field,
      customName: field === null ? null : customFieldName(target.customPrefix, field),
      suggestion,
      followsSuggestion: field !== null && suggestion?.field === field,
      sample: preview.map((row) => row[column] ?? '').find((value) => value.trim() !== '') ?? '',
    };
  });
}

/** Sends `column` to `field` (null: not sent). A target field comes from one column only, so the
 * column that had it before lets it go, unless it is free text that joins columns (a description
 * from several observation columns); custom fields may repeat (the engine warns). */
export function withColumnField(
  template: Template,
  target: TargetDescriptor,
  column: string,
  field: string | null,
): Template {
  const columns = { ...template.columns };
  if (field === null) {
    delete columns[column];
    return { ...template, columns };
  }
  if (target.fields.some((candidate) => candidate.key === field && !candidate.joinsColumns)) {
    for (const [other, otherField] of Object.entries(columns)) {
      if (other !== column && otherField === field) delete columns[other];
    }
  }
  columns[column] = field;
  return { ...template, columns };
}

/** The columns each free-text field joins, in the order their values are joined (the
 * template's), for the fields that get more than one. */
export function joinedColumns(mapped: Template['columns'], target: TargetDescriptor): Map<string, string[]> {
  const joins = new Set(target.fields.filter((field) => field.joinsColumns).map((field) => field.key));
  const byField = new Map<string, string[]>();
  for (const [column, field] of Object.entries(mapped)) {
    if (joins.has(field)) byField.set(field, [...(byField.get(field) ?? []), column]);
  }
  for (const [field, columns] of byField) if (columns.length < 2) byField.delete(field);
  return byField;
}

/** Sets the value every row gets for `field` (an empty value removes the constant). */
export function withConstant(template: Template, field: string, value: string | null): Template {
  const constants = { ...template.constants };
  if (value === null || value === '') delete constants[field];
  else constants[field] = value;
  return { ...template, constants };
}

/** The built-in map overlaid with the template's own entries, built-in values first. */
export function valueMapRows(
  valueMaps: Template['valueMaps'],
  field: string,
  builtIn: Readonly<Record<string, string>>,
): ValueMapRow[] {
  const own = valueMaps[field] ?? {};
  const rows: ValueMapRow[] = Object.entries(builtIn).map(([from, to]) => ({
    from,
    to: own[from] ?? to,
    builtIn: true,
    edited: Object.hasOwn(own, from),
  }));
  for (const [from, to] of Object.entries(own)) {
    if (!Object.hasOwn(builtIn, from)) rows.push({ from, to, builtIn: false, edited: true });
  }
  return rows;
}

/** Maps `from` to `to` for `field`; null removes the template's entry (a built-in one then
 * applies again). */
export function withValueMapEntry(
  template: Template,
  field: string,
  from: string,
  to: string | null,
): Template {
  const own = { ...(template.valueMaps[field] ?? {}) };
  if (to === null) delete own[from];
  else own[from] = to;
  const valueMaps = { ...template.valueMaps };
  if (Object.keys(own).length === 0) delete valueMaps[field];
  else valueMaps[field] = own;
  return { ...template, valueMaps };
}

/** Declares the CRM's type of a custom field; text, the default, is not written down. */
export function withFieldType(template: Template, field: string, type: DeclaredType): Template {
  const fieldTypes = { ...template.fieldTypes };
  if (type === 'text') delete fieldTypes[field];
  else fieldTypes[field] = type;
  const { fieldTypes: _previous, ...rest } = template;
  return Object.keys(fieldTypes).length > 0 ? { ...rest, fieldTypes } : rest;
}

/** Stops sending whatever column feeds `field`. */
export function withoutColumnFor(template: Template, field: string): Template {
  const columns = Object.fromEntries(Object.entries(template.columns).filter(([, key]) => key !== field));
  return { ...template, columns };
}

export function withDateFormat(template: Template, field: string, format: DateInputFormat): Template {
  const dateFormats = { ...template.dateFormats };
  if (format === 'auto') delete dateFormats[field];
  else dateFormats[field] = format;
  return { ...template, dateFormats };
}

/** Target fields of `kind` that get a value from a column or a constant. */
export function usedFieldsOfKind(
  columns: Template['columns'],
  constants: Template['constants'],
  target: TargetDescriptor,
  kind: TargetField['kind'],
): TargetField[] {
  const used = new Set([...Object.values(columns), ...Object.keys(constants)]);
  return target.fields.filter((field) => field.kind === kind && used.has(field.key));
}

/** Custom fields that get a value from a column or a constant, as fields of their own: a custom
 * field holds dates only when its format is chosen, so the date formats editor must offer them. */
export function usedCustomFields(
  columns: Template['columns'],
  constants: Template['constants'],
  target: TargetDescriptor,
): TargetField[] {
  const keys = new Set([...Object.values(columns), ...Object.keys(constants)]);
  return [...keys].flatMap((key) => {
    const name = customFieldName(target.customPrefix, key);
    return name ? [{ key, label: { es: name, en: name }, required: false, kind: 'text' as const }] : [];
  });
}
