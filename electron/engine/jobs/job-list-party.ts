import { partyForLists } from '../../../shared/targets/thalamus-party';
import { readRows } from '../files/read-rows';
import { fileInfoOf, type JobSpec } from './job-spec';

/** Rows looked at for a party: a file whose first ones name none has its constant, or none. */
const ROWS_LOOKED_AT = 50;

/**
 * The party a Thalamus job reads the server's lists as (they answer a logged-in party only): the
 * first of its rows that names one, else the mapping's constant. A file that cannot be read here
 * gives none: the pass that follows says what is wrong with it.
 */
export async function jobListParty(spec: JobSpec): Promise<string | undefined> {
  if (spec.connection.target !== 'thalamus-cases') return undefined;
  const rows: Record<string, string>[] = [];
  if (Object.values(spec.template.columns).includes('party')) {
    const info = fileInfoOf(spec);
    try {
      for await (const batch of readRows(info, { batchSize: ROWS_LOOKED_AT })) {
        for (const { cells } of batch)
          rows.push(Object.fromEntries(info.columns.map((column, i) => [column, cells[i] ?? ''])));
        break;
      }
    } catch {
      // Said by the pass, which reads the same file.
    }
  }
  return partyForLists(spec.template, rows);
}
