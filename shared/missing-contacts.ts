/**
 * Creating the contacts a wolkvox CRM case job (T1) was refused for (`THE CONTACT (x) DOES NOT
 * EXIST IN THE OPERATION`), then retrying exactly those cases: what the operator is shown and
 * chooses. The contacts go to the contacts module as module records (T2).
 */

/** The contacts module's system fields a new contact can be given from the cases' columns. */
export const CONTACT_FIELDS = ['emailcontact', 'namecontact', 'telephonecontact', 'idcontact'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** One of these identifies a contact, so a case can name it: without one the retry fails again. */
export const CONTACT_KEY_FIELDS: readonly ContactField[] = ['emailcontact', 'idcontact'];

/** Column of the cases' file → contact field; a field left out is not sent. */
export type ContactColumns = Partial<Record<ContactField, string>>;

export interface MissingContactsPlan {
  /** Failed cases whose contact does not exist in the operation. */
  cases: number;
  /** Distinct contacts among them: one record each. */
  contacts: number;
  /** The job's columns, to choose from. */
  columns: string[];
  /** The column suggested for each field: the case's contact column for the e-mail or the id,
   * the others by their names. */
  suggested: ContactColumns;
}
