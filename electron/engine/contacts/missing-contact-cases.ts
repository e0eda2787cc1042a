import type { JobManager } from '../jobs/job-manager';

/** A failed case whose contact the CRM said does not exist, with the row's cells (fixes applied). */
export interface MissingContactCase {
  index: number;
  /** The contact the CRM named; '' when its answer did not say. */
  contact: string;
  values: Record<string, string>;
}

/** The cases of one contact: the contact is created once, from the first of them. */
export interface ContactGroup {
  contact: string;
  cases: MissingContactCase[];
}

const EXPLANATION = 'crm.wolkvox.contact-not-found';
const CRM_MESSAGE = /THE CONTACT \((.*)\) DOES NOT EXIST/i;

/** The job's failed rows the CRM refused for a missing contact, in file order. */
export async function missingContactCases(jobs: JobManager, jobId: string): Promise<MissingContactCase[]> {
  const found: MissingContactCase[] = [];
  for await (const row of jobs.detailRows(jobId, ['failed'])) {
    const byExplanation = row.explanation?.code.startsWith(EXPLANATION) ?? false;
    const byMessage = row.message ? CRM_MESSAGE.exec(row.message) : null;
    if (!byExplanation && !byMessage) continue;
    const named = row.explanation?.params?.contact ?? byMessage?.[1] ?? '';
    found.push({ index: row.index, contact: String(named).trim(), values: row.values });
  }
  return found;
}

/** One group per contact, compared without case as the CRM does; a case whose contact is unknown
 * makes a group of its own. */
export function groupByContact(cases: readonly MissingContactCase[]): ContactGroup[] {
  const groups = new Map<string, ContactGroup>();
  for (const each of cases) {
    const key = each.contact === '' ? `#${each.index}` : each.contact.toLocaleLowerCase();
    const group = groups.get(key);
    if (group) group.cases.push(each);
    else groups.set(key, { contact: each.contact, cases: [each] });
  }
  return [...groups.values()];
}
