import type { Message } from '../messages/message';
import type { RowProblem } from '../validation/problems';
import type { DeclaredType } from './declared-type';

/** A row after mapping, transforms and validation: what a target turns into a request. */
export interface MappedRecord {
  /** Target field key → value ready to send (system values in English, dates in the target's format). */
  fields: Record<string, string>;
  /** Custom field name, exactly as configured in the CRM → value. */
  custom: Record<string, string>;
  /** Custom field name → the type the template declares for it (sent as a JSON boolean, number,
   * or `{"type", "value"}`); one object shared by every record of a mapping. */
  types?: Readonly<Record<string, DeclaredType>>;
}

export interface MappedRow {
  record: MappedRecord;
  /** Empty when the row may be sent. */
  problems: RowProblem[];
}

/** A template compiled against a file's columns once, then applied to every row quickly. */
export interface CompiledMapping {
  /** Problems with the mapping itself: required fields unmapped, unknown columns or fields,
   * custom names that differ only by case, spaces or accents. */
  mappingProblems: Message[];
  /** Whether any mapping problem blocks a run (a required field with no column and no constant). */
  blocking: boolean;
  mapRow(cells: readonly string[], index: number, row: number): MappedRow;
  /** The problems `mapRow` would give the row, without building its record: what a check needs. */
  rowProblems(cells: readonly string[], index: number, row: number): RowProblem[];
}
