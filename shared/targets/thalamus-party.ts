import type { Template } from '../template';

/**
 * The party Thalamus's lists are read as. Thalamus keeps its session by Basic auth, and its
 * category/type and status lists answer only a logged-in party (SPEC T4: "same headers and
 * party"): the party of the file's first row that names one, else the mapping's constant party
 * (the same precedence a row's own party has). `undefined` while the mapping names no party.
 */
export function partyForLists(
  template: Pick<Template, 'columns' | 'constants'>,
  rows: Iterable<Readonly<Record<string, string>>>,
): string | undefined {
  const columns = Object.entries(template.columns)
    .filter(([, field]) => field === 'party')
    .map(([column]) => column);
  if (columns.length > 0) {
    for (const row of rows) {
      for (const column of columns) {
        const value = row[column]?.trim();
        if (value) return value;
      }
    }
  }
  return template.constants.party?.trim() || undefined;
}
