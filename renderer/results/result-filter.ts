import type { FailureClass, Lang, ResultFilter, RowOutcome } from '../../shared/contract';

/** Every outcome a row can end a pass with, the ones that need the operator first. */
export const FILTER_OUTCOMES: RowOutcome[] = ['failed', 'uncertain', 'ok', 'skipped', 'pending'];

export interface FilterState {
  outcomes: RowOutcome[];
  classes: (FailureClass | 'validation')[];
  text: string;
}

/** What the operator came for: the rows that did not go in. */
export const DEFAULT_FILTER: FilterState = { outcomes: ['failed', 'uncertain'], classes: [], text: '' };

/** The contract's filter: empty choices mean "any", so they are left out. Text is searched in the
 * operator's language (the explanations and dates as they read them). */
export function toResultFilter(state: FilterState, lang: Lang): ResultFilter {
  const filter: ResultFilter = {};
  if (state.outcomes.length > 0) filter.outcomes = [...state.outcomes];
  if (state.classes.length > 0) filter.classes = [...state.classes];
  const text = state.text.trim();
  if (text) {
    filter.text = text;
    filter.lang = lang;
  }
  return filter;
}
