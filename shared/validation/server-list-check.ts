import type { CaseTypeOption, ServerLists } from '../contract';
import type { CompiledMapping } from '../mapping/mapped-record';
import type { Template } from '../template';
import type { RowProblem } from './problems';

/** A message names this many valid options, then how many more there are. */
export const OPTIONS_NAMED = 12;

/** `RECL/FACT (Reclamos › Facturación)`: the codes sent, with the names operators know. */
export function caseTypeLabel(option: CaseTypeOption): string {
  return `${option.categoryCode}/${option.typeCode} (${option.categoryName} › ${option.typeName})`;
}

export function initialStatuses(lists: ServerLists): string[] {
  return lists.statuses.filter((status) => status.initial).map((status) => status.name);
}

/** The options as one line: the first OPTIONS_NAMED, then how many more (`(+8)`). */
function named(options: readonly string[]): string {
  const shown = options.slice(0, OPTIONS_NAMED).join(', ');
  return options.length > OPTIONS_NAMED ? `${shown} (+${options.length - OPTIONS_NAMED})` : shown;
}

function pairKey(category: string, type: string): string {
  return `${category}\u0000${type}`;
}

/**
 * Check against what the server declares: a Thalamus row's category and type must be one of its
 * valid pairs and its status, when it has one, an initial status. Wraps a compiled mapping so
 * every row of a check goes through it; a row whose fields already have a problem (empty,
 * too long) is not judged twice. An empty list declares nothing, so it checks nothing.
 */
export function withServerListCheck(
  mapping: CompiledMapping,
  lists: ServerLists,
  template: Template,
): CompiledMapping {
  const pairs = new Set(lists.caseTypes.map((option) => pairKey(option.categoryCode, option.typeCode)));
  const pairOptions = lists.caseTypes.map(caseTypeLabel);
  const statuses = new Map(lists.statuses.map((status) => [status.name, status.initial]));
  const initial = initialStatuses(lists).map((name) => `«${name}»`);
  const columnOf = (field: string) => Object.entries(template.columns).find(([, key]) => key === field)?.[0];
  const pairText = named(pairOptions);
  const statusText = named(initial);

  const mapRow: CompiledMapping['mapRow'] = (cells, index, row) => {
    const mapped = mapping.mapRow(cells, index, row);
    const { fields } = mapped.record;
    const judged = new Set(mapped.problems.map((problem) => problem.field));
    const problems: RowProblem[] = [];
    const category = fields.categoryCode;
    const type = fields.typeCode;
    if (
      pairs.size > 0 &&
      category &&
      type &&
      !judged.has('categoryCode') &&
      !judged.has('typeCode') &&
      !pairs.has(pairKey(category, type))
    ) {
      const column = columnOf('categoryCode') ?? columnOf('typeCode');
      problems.push({
        row,
        index,
        ...(column ? { column } : {}),
        field: 'categoryCode',
        value: `${category}/${type}`,
        code: 'not-in-server-list',
        message: {
          code: 'validation.list-pair-invalid',
          params: { row, category, type, options: pairText },
        },
      });
    }
    const status = fields.status;
    if (statuses.size > 0 && status && !judged.has('status') && statuses.get(status) !== true) {
      const column = columnOf('status');
      problems.push({
        row,
        index,
        ...(column ? { column } : {}),
        field: 'status',
        value: status,
        code: 'not-in-server-list',
        message: {
          code: statuses.has(status)
            ? 'validation.list-status-not-initial'
            : 'validation.list-status-unknown',
          params: { row, value: status, options: statusText },
        },
      });
    }
    return problems.length === 0 ? mapped : { ...mapped, problems: [...mapped.problems, ...problems] };
  };
  // Judging a row against the lists needs the values it would send, so the record is built.
  return { ...mapping, mapRow, rowProblems: (cells, index, row) => mapRow(cells, index, row).problems };
}
