import type { MessageCode } from '../messages/catalog';
import type { Message } from '../messages/message';
import { targetSpec } from '../targets/catalog';
import { LONG_VALUE_MAX, type FieldSpec, type TargetSpec } from '../targets/field-spec';
import type { Template } from '../template';
import type { SystemValueSet } from '../transforms/system-values';
import type { TransformFailure, ValueTransform } from '../transforms/transform-result';
import { buildValueMap } from '../transforms/value-map';
import type { ProblemCode, RowProblem } from '../validation/problems';
import type { DeclaredType } from './declared-type';
import type { EffectiveTemplate } from './effective-template';
import { fieldTransform, isPlainText, type FieldRules } from './field-transform';
import type { CompiledMapping, MappedRecord, MappedRow } from './mapped-record';
import { compactName } from './normalize-name';

/** A cell quoted in a problem is cut here: a 50 MB field must not travel in every message. */
export const SHOWN_VALUE_MAX = 200;

/** Mapping problems that stop a run: a required field nothing provides, or an invalid constant.
 * The others are warnings. */
export const BLOCKING_MAPPING_PROBLEMS: ReadonlySet<MessageCode> = new Set<MessageCode>([
  'mapping.required-unmapped',
  'mapping.connection-field-missing',
  'mapping.constant-invalid',
  'mapping.constant-invalid-date',
  'mapping.constant-invalid-phone',
  'mapping.constant-invalid-email',
  'mapping.constant-not-a-number',
  'mapping.constant-unknown-system-value',
  'mapping.constant-too-long',
]);

/** How an invalid constant is explained, by what is wrong with it. */
const CONSTANT_MESSAGES: Partial<Record<ProblemCode, MessageCode>> = {
  'invalid-date': 'mapping.constant-invalid-date',
  'phone-too-short': 'mapping.constant-invalid-phone',
  'phone-scientific': 'mapping.constant-invalid-phone',
  'phone-invalid': 'mapping.constant-invalid-phone',
  'invalid-email': 'mapping.constant-invalid-email',
  'unknown-system-value': 'mapping.constant-unknown-system-value',
  'not-a-number': 'mapping.constant-not-a-number',
  'value-too-long': 'mapping.constant-too-long',
};

/** Between the values of the columns a free-text field joins (several observation columns into one
 * description or comment). A line each: the agent who reads the case sees each column's note as
 * the operator wrote it, in mapping order, and can tell where one ends, while a separator within
 * a line (` · `) runs notes together into one paragraph that reads as a single sentence. Both
 * wolkvox descriptions and Thalamus comments keep line breaks. */
export const JOINED_VALUES_SEPARATOR = '\n';

export function shownValue(value: string): string {
  return value.length > SHOWN_VALUE_MAX ? `${value.slice(0, SHOWN_VALUE_MAX)}…` : value;
}

/** What a template key names: a field of the target, a custom field, or nothing the target has. */
type KnownField = { kind: 'target'; spec: FieldSpec } | { kind: 'custom'; name: string };
type FieldKind = KnownField | { kind: 'unknown' };

/** Where one field's value comes from, as the template says. */
interface Source {
  field: KnownField;
  /** Indexes of the file's columns that feed it, in template order: the first with a value wins,
   * or, for a field that joins columns, every one with a value, in this order. */
  columns: number[];
  /** The template's constant for it, trimmed; '' when none. */
  constant: string;
}

/** One field of the record, ready to fill from any row. */
interface Slot {
  /** The template's key: a target field (`description`) or a custom one (`form.Ciudad`). */
  key: string;
  /** The custom field's exact name in the CRM, or null for a target field. */
  customName: string | null;
  required: boolean;
  labels: { field: string; labelEs: string; labelEn: string };
  columns: number[];
  constantRaw: string;
  /** The constant ready to send ('' when none or invalid), used when every column's cell is empty. */
  constant: string;
  constantFailure: TransformFailure | null;
  /** A free-text field fed by several columns: the cap of their joined values; null otherwise. */
  joinedMax: number | null;
  transform: ValueTransform;
  /** For free text sent as written: its length cap, checked inline without calling `transform`. */
  plainMax: number | null;
}

function classifier(spec: TargetSpec): (key: string) => FieldKind {
  const fieldsByKey = new Map(spec.fields.map((f) => [f.key, f]));
  const prefix = spec.customPrefix;
  return (key) => {
    const field = fieldsByKey.get(key);
    if (field) return { kind: 'target', spec: field };
    if (prefix !== null && key.startsWith(prefix) && key.length > prefix.length)
      return { kind: 'custom', name: key.slice(prefix.length) };
    return { kind: 'unknown' };
  };
}

/** Finds a template's column in the file: exactly, else the one column that differs only by
 * case, accents or spacing. */
function columnFinder(columns: readonly string[]) {
  const exact = new Map<string, number>();
  const loose = new Map<string, number[]>();
  columns.forEach((name, i) => {
    if (!exact.has(name)) exact.set(name, i);
    const folded = compactName(name);
    loose.set(folded, [...(loose.get(folded) ?? []), i]);
  });
  return (name: string): { index: number; exact: boolean } | null => {
    const i = exact.get(name);
    if (i !== undefined) return { index: i, exact: true };
    const candidates = loose.get(compactName(name));
    return candidates?.length === 1 && candidates[0] !== undefined
      ? { index: candidates[0], exact: false }
      : null;
  };
}

/** Reads the template's columns and constants into one source per field, with warnings about
 * what cannot be used. Target fields come first, in catalog order, so records read the same
 * whatever the template's order; required fields always get a source, even an empty one. */
function collectSources(
  template: Template,
  spec: TargetSpec,
  columns: readonly string[],
  classify: (key: string) => FieldKind,
) {
  const sources = new Map<string, Source>();
  const warnings: Message[] = [];
  const sourceOf = (key: string, field: KnownField): Source => {
    let source = sources.get(key);
    if (!source) {
      source = { field, columns: [], constant: '' };
      sources.set(key, source);
    }
    return source;
  };
  const mappedKeys = new Set(Object.values(template.columns));
  for (const field of spec.fields) {
    if (field.required || mappedKeys.has(field.key) || field.key in template.constants)
      sourceOf(field.key, { kind: 'target', spec: field });
  }

  const findColumn = columnFinder(columns);
  for (const [column, key] of Object.entries(template.columns)) {
    const field = classify(key);
    if (field.kind === 'unknown') {
      warnings.push(
        spec.customPrefix === null
          ? { code: 'mapping.unknown-field-no-custom', params: { column, field: key } }
          : { code: 'mapping.unknown-field', params: { column, field: key, prefix: spec.customPrefix } },
      );
      continue;
    }
    const source = sourceOf(key, field);
    const found = findColumn(column);
    if (!found) {
      warnings.push({ code: 'mapping.column-not-in-file', params: { column, field: key } });
      continue;
    }
    if (!found.exact)
      warnings.push({
        code: 'mapping.column-matched-loosely',
        params: { column, found: columns[found.index] ?? column },
      });
    if (!source.columns.includes(found.index)) source.columns.push(found.index);
  }

  const connectionFields: readonly string[] = spec.connectionFields;
  for (const [key, value] of Object.entries(template.constants)) {
    const field = classify(key);
    if (field.kind !== 'unknown') {
      sourceOf(key, field).constant = value.trim();
    } else if (!connectionFields.includes(key)) {
      // The engine merges connection values (T2's operation, module) into the constants; a target
      // that sends them outside the record has no field for them, and that is no mistake.
      warnings.push({
        code: 'mapping.unknown-constant-field',
        params: { field: key, value: shownValue(value) },
      });
    }
  }

  for (const [key, source] of sources) {
    if (source.columns.length < 2) continue;
    const names = source.columns.map((i) => columns[i] ?? '').join(', ');
    if (source.field.kind === 'target' && source.field.spec.joinsColumns) {
      const { label } = source.field.spec;
      warnings.push({
        code: 'mapping.columns-joined',
        params: { field: key, labelEs: label.es, labelEn: label.en, columns: names },
      });
    } else {
      warnings.push({ code: 'mapping.field-mapped-twice', params: { field: key, columns: names } });
    }
  }
  return { sources, warnings };
}

/** Custom names anywhere in the template that differ only by case, spaces or accents: the CRM
 * sees two fields, and a value map or date format written one way misses the column mapped the other. */
function nearDuplicateCustomNames(template: Template, classify: (key: string) => FieldKind): Message[] {
  const keys = [
    ...Object.values(template.columns),
    ...Object.keys(template.constants),
    ...Object.keys(template.valueMaps),
    ...Object.keys(template.dateFormats),
  ];
  const byFold = new Map<string, string[]>();
  for (const key of keys) {
    const field = classify(key);
    if (field.kind !== 'custom') continue;
    const folded = compactName(field.name);
    const group = byFold.get(folded) ?? [];
    if (!group.includes(field.name)) group.push(field.name);
    byFold.set(folded, group);
  }
  const problems: Message[] = [];
  for (const [first = '', ...others] of byFold.values()) {
    for (const second of others)
      problems.push({ code: 'mapping.custom-near-duplicate', params: { first, second } });
  }
  return problems;
}

/** A system field's values with those the connection's CRM adds (T1's `in progress`). */
function withExtraValues(
  set: SystemValueSet | undefined,
  extra: readonly string[] | undefined,
): SystemValueSet | undefined {
  if (!set || !extra || extra.length === 0) return set;
  const known = new Set(set.allowed.map((value) => value.toLowerCase()));
  const added = extra.filter((value) => !known.has(value.toLowerCase()));
  return { ...set, allowed: [...set.allowed, ...added] };
}

/** Builds a field's slot: its transform, its constant transformed once, and what blocks a run. */
function buildSlot(
  key: string,
  source: Source,
  template: EffectiveTemplate,
  spec: TargetSpec,
): { slot: Slot; blockers: Message[] } {
  const target = source.field.kind === 'target' ? source.field.spec : null;
  const customName = source.field.kind === 'custom' ? source.field.name : null;
  const kind = target?.kind ?? 'text';
  const forcedDate = template.dateFormats[key];
  const declared = template.fieldTypes?.[key];
  const rules: FieldRules = {
    kind,
    maxLength: target?.maxLength ?? LONG_VALUE_MAX,
    valueMap: buildValueMap(target?.systemValues?.spanish, template.valueMaps[key]),
    systemValues: withExtraValues(target?.systemValues, template.extraSystemValues?.[key]),
    acceptsOtherValues: target?.acceptsOtherValues,
    // A text or custom field holds dates only when the template says how they are written.
    dateFormat: kind === 'date' ? (forcedDate ?? 'auto') : kind === 'text' ? forcedDate : undefined,
    dateOutput: spec.dateOutput,
  };
  if (declared !== undefined) rules.declared = declared;
  if (target?.emailWhenItHasAt) rules.emailWhenItHasAt = true;
  const transform = fieldTransform(rules);
  const labels = {
    field: key,
    labelEs: target?.label.es ?? customName ?? key,
    labelEn: target?.label.en ?? customName ?? key,
  };
  const slot: Slot = {
    key,
    customName,
    required: target?.required ?? false,
    labels,
    columns: source.columns,
    constantRaw: source.constant,
    constant: '',
    constantFailure: null,
    joinedMax: target?.joinsColumns && source.columns.length > 1 ? rules.maxLength : null,
    transform,
    plainMax: isPlainText(rules) ? rules.maxLength : null,
  };
  const blockers: Message[] = [];
  if (source.constant !== '') {
    const result = transform(source.constant);
    if (result.ok) {
      slot.constant = result.value;
    } else {
      slot.constantFailure = result.failure;
      blockers.push({
        code: CONSTANT_MESSAGES[result.failure.code] ?? 'mapping.constant-invalid',
        params: { ...labels, value: shownValue(source.constant), ...result.failure.params },
      });
    }
  }
  if (slot.required && source.columns.length === 0 && source.constant === '') {
    const viaConnection = (spec.connectionFields as readonly string[]).includes(key);
    blockers.push({
      code: viaConnection ? 'mapping.connection-field-missing' : 'mapping.required-unmapped',
      params: labels,
    });
  }
  return { slot, blockers };
}

function requiredMissing(slot: Slot, columns: readonly string[], row: number, index: number): RowProblem {
  const first = slot.columns[0];
  if (first === undefined) {
    return {
      row,
      index,
      field: slot.key,
      code: 'required-missing',
      message: { code: 'validation.required-unmapped', params: { row, ...slot.labels } },
    };
  }
  const column = columns[first] ?? '';
  return {
    row,
    index,
    column,
    field: slot.key,
    value: '',
    code: 'required-missing',
    message: { code: 'validation.required-missing', params: { row, column, ...slot.labels } },
  };
}

/** A cell's problem, with where it was and the value as shown. */
function cellProblem(
  slot: Slot,
  columns: readonly string[],
  columnIndex: number,
  trimmed: string,
  failure: TransformFailure,
  row: number,
  index: number,
): RowProblem {
  const column = columns[columnIndex] ?? '';
  const shown = shownValue(trimmed);
  const params = { row, column, value: shown, ...failure.params };
  return {
    row,
    index,
    column,
    field: slot.key,
    value: shown,
    code: failure.code,
    message: { code: failure.message, params },
  };
}

const NO_COLUMNS: readonly number[] = [];

function tooLong(length: number, max: number): TransformFailure {
  return { code: 'value-too-long', message: 'validation.value-too-long', params: { length, max } };
}

/** The non-empty values of the columns a free-text field joins, each checked as a cell of its
 * own, then joined and capped as a whole; null when a cell or the whole cannot be sent (the
 * problems say why). */
function joinedCells(
  slot: Slot,
  joinedMax: number,
  cells: readonly string[],
  columns: readonly string[],
  row: number,
  index: number,
  problems: RowProblem[],
): string | null {
  let joined = '';
  let failed = false;
  for (const columnIndex of slot.columns) {
    const trimmed = cells[columnIndex]?.trim() ?? '';
    if (trimmed === '') continue;
    const result = slot.transform(trimmed);
    if (!result.ok) {
      problems.push(cellProblem(slot, columns, columnIndex, trimmed, result.failure, row, index));
      failed = true;
    } else if (result.value !== '') {
      joined = joined === '' ? result.value : `${joined}${JOINED_VALUES_SEPARATOR}${result.value}`;
    }
  }
  if (failed) return null;
  if (joined.length > joinedMax) {
    const names = slot.columns.map((i) => columns[i] ?? '').join(', ');
    problems.push({
      row,
      index,
      field: slot.key,
      code: 'value-too-long',
      message: {
        code: 'validation.joined-too-long',
        params: { row, columns: names, ...slot.labels, length: joined.length, max: joinedMax },
      },
    });
    return null;
  }
  return joined;
}

/** The per-row work, kept to lookups and the fields' precompiled transforms; free text is
 * checked inline, so a row of valid cells allocates little more than the record it returns, and
 * a check, which needs only the problems, builds no record at all (adding each field to an
 * object is most of the cost of mapping a row). */
function rowMapper(
  slots: readonly Slot[],
  columns: readonly string[],
  types: MappedRecord['types'],
): Pick<CompiledMapping, 'mapRow' | 'rowProblems'> {
  const mappedColumns = [...new Set(slots.flatMap((s) => s.columns))];
  const rowIsEmpty = (cells: readonly string[]): boolean => {
    if (mappedColumns.length === 0) return false;
    for (const i of mappedColumns) {
      const cell = cells[i];
      // A cell with no space at either end holds something without trimming a copy of it.
      if (cell !== undefined && cell !== '' && (isTrimmed(cell) || cell.trim() !== '')) return false;
    }
    return true;
  };

  /** Adds the row's problems to `problems` and, unless `fields` is null, its values to `fields`
   * and `custom`. */
  const fill = (
    cells: readonly string[],
    index: number,
    row: number,
    fields: Record<string, string> | null,
    custom: Record<string, string> | null,
    problems: RowProblem[],
  ): void => {
    // One problem says it all for a row with nothing in the mapped columns.
    if (rowIsEmpty(cells)) {
      problems.push({
        row,
        index,
        code: 'empty-row',
        message: { code: 'validation.empty-row', params: { row } },
      });
      return;
    }
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!;
      let value = '';
      let failed = false;
      // A field that joins columns reads them all below; the others take the first with a value.
      const slotColumns = slot.joinedMax === null ? slot.columns : NO_COLUMNS;
      if (slot.joinedMax !== null) {
        const joined = joinedCells(slot, slot.joinedMax, cells, columns, row, index, problems);
        if (joined === null) failed = true;
        else value = joined;
      }
      for (let c = 0; c < slotColumns.length; c++) {
        const columnIndex = slotColumns[c]!;
        const cell = cells[columnIndex];
        if (cell === undefined || cell === '') continue;
        const trimmed = isTrimmed(cell) ? cell : cell.trim();
        if (trimmed === '') continue;
        if (slot.plainMax !== null) {
          if (trimmed.length > slot.plainMax) {
            problems.push(
              cellProblem(
                slot,
                columns,
                columnIndex,
                trimmed,
                tooLong(trimmed.length, slot.plainMax),
                row,
                index,
              ),
            );
            failed = true;
          } else {
            value = trimmed;
          }
          break;
        }
        const result = slot.transform(trimmed);
        if (!result.ok) {
          problems.push(cellProblem(slot, columns, columnIndex, trimmed, result.failure, row, index));
          failed = true;
          break;
        }
        if (result.value !== '') {
          value = result.value;
          break;
        }
      }
      if (failed) continue;
      if (value === '' && slot.constantFailure) {
        const shown = shownValue(slot.constantRaw);
        const message: Message = {
          code: 'validation.constant-invalid',
          params: { row, field: slot.key, value: shown },
        };
        problems.push({
          row,
          index,
          field: slot.key,
          value: shown,
          code: slot.constantFailure.code,
          message,
        });
        continue;
      }
      if (value === '') value = slot.constant;
      if (value !== '') {
        if (fields === null || custom === null) continue;
        if (slot.customName === null) fields[slot.key] = value;
        else custom[slot.customName] = value;
      } else if (slot.required) {
        problems.push(requiredMissing(slot, columns, row, index));
      }
    }
  };

  return {
    mapRow(cells, index, row): MappedRow {
      const fields: Record<string, string> = {};
      const custom: Record<string, string> = {};
      const problems: RowProblem[] = [];
      fill(cells, index, row, fields, custom, problems);
      return { record: types ? { fields, custom, types } : { fields, custom }, problems };
    },
    rowProblems(cells, index, row): RowProblem[] {
      const problems: RowProblem[] = [];
      fill(cells, index, row, null, null, problems);
      return problems;
    },
  };
}

/** Whether a non-empty cell starts and ends with a printable ASCII character, so `trim` would
 * return it unchanged: most cells, checked without scanning for Unicode spaces. */
function isTrimmed(cell: string): boolean {
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

/** The declared types of custom fields, by their name in the CRM: shared by every record. */
function declaredCustomTypes(
  template: Template,
  classify: (key: string) => FieldKind,
): MappedRecord['types'] {
  const types: Record<string, DeclaredType> = {};
  for (const [key, type] of Object.entries(template.fieldTypes ?? {})) {
    const field = classify(key);
    if (field.kind === 'custom') types[field.name] = type;
  }
  return Object.keys(types).length > 0 ? types : undefined;
}

/**
 * Compiles a template against a file's columns once; `mapRow` then turns each row into the
 * record to send, or the reasons it cannot be sent. A field is provided when a column mapped to
 * it has a value in the row or, failing that, when the template has a constant for it (the
 * engine merges the connection's values, such as T1's `operation`, into the constants first).
 * A free-text field several columns feed (T1's description, T4's comment) gets all their values
 * with something in them, one per line. Cells are trimmed; a value map that yields '' empties the cell.
 */
export function compileMapping(template: EffectiveTemplate, columns: string[]): CompiledMapping {
  const spec = targetSpec(template.target);
  const classify = classifier(spec);
  const { sources, warnings } = collectSources(template, spec, columns, classify);
  warnings.push(...nearDuplicateCustomNames(template, classify));
  const slots: Slot[] = [];
  const blockers: Message[] = [];
  for (const [key, source] of sources) {
    const built = buildSlot(key, source, template, spec);
    slots.push(built.slot);
    blockers.push(...built.blockers);
  }
  const mappingProblems = [...blockers, ...warnings];
  return {
    mappingProblems,
    blocking: mappingProblems.some((p) => BLOCKING_MAPPING_PROBLEMS.has(p.code)),
    ...rowMapper(slots, columns, declaredCustomTypes(template, classify)),
  };
}
