import type { CompiledMapping } from '../mapping/mapped-record';
import type { Message } from '../messages/message';
import type { RowProblem } from './problems';

/** The parts of a source row a check needs (the engine's SourceRow has this shape). */
export interface RowToCheck {
  index: number;
  row: number;
  cells: readonly string[];
  ragged?: Message;
}

/** Every reason a row cannot be sent. A ragged row (more or fewer cells than the header) may
 * have its cells under the wrong columns, so it counts as a problem whatever its values; the
 * reader's explanation is its message. */
export function checkRow(mapping: CompiledMapping, source: RowToCheck): RowProblem[] {
  const problems = mapping.rowProblems(source.cells, source.index, source.row);
  if (!source.ragged) return problems;
  return [{ row: source.row, index: source.index, code: 'ragged-row', message: source.ragged }, ...problems];
}
