import type { FailureClass, ResultFilter, RowOutcome } from '../../shared/contract';

/** Results list the rows that need the operator: those sent fine or still pending have nothing to read. */
export const FILTER_OUTCOMES: RowOutcome[] = ['failed', 'uncertain', 'skipped'];

export interface FilterState {
  outcomes: RowOutcome[];
  classes: (FailureClass | 'validation')[];
  text: string;
}

/** What the operator came for: the rows that did not go in. */
export const DEFAULT_FILTER: FilterState = { outcomes: ['failed', 'uncertain'], classes: [], text: '' };

/** The contract's filter: empty choices mean "any", so they are left out. */
export function toResultFilter(state: FilterState): ResultFilter {
  const filter: ResultFilter = {};
  if (state.outcomes.length > 0) filter.outcomes = [...state.outcomes];
  if (state.classes.length > 0) filter.classes = [...state.classes];
  const text = state.text.trim();
  if (text) filter.text = text;
  return filter;
}
