import type { Connection, Template } from '../../shared/contract';
import { BLOCKING_MAPPING_PROBLEMS, compileMapping } from '../../shared/mapping/compile-mapping';
import { effectiveTemplate } from '../../shared/mapping/effective-template';
import type { Message } from '../../shared/messages/message';

export interface MappingReview {
  /** What stops a run (a required field nothing fills, an invalid constant): Next stays off. */
  blocking: Message[];
  /** What the engine warns about but sends anyway (a column the file lacks, near-duplicate names). */
  warnings: Message[];
}

/**
 * The Map step's verdict is the engine's own: the template compiled exactly as Check and a run
 * compile it (with the connection's values merged in), so the two can never disagree.
 */
export function reviewMapping(template: Template, connection: Connection, columns: string[]): MappingReview {
  const { mappingProblems } = compileMapping(effectiveTemplate(template, connection), columns);
  return {
    blocking: mappingProblems.filter((problem) => BLOCKING_MAPPING_PROBLEMS.has(problem.code)),
    warnings: mappingProblems.filter((problem) => !BLOCKING_MAPPING_PROBLEMS.has(problem.code)),
  };
}
