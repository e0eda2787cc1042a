import { join } from 'node:path';

import { missingConnectionFields } from '../../../shared/connection-requirements';
import type {
  Connection,
  EngineEvent,
  FileInfo,
  JobSummary,
  MissingContactsPlan,
  MissingContactsStart,
} from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { suggestMapping } from '../../../shared/mapping/suggest-mapping';
import { msg } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';
import {
  CONTACT_FIELDS,
  CONTACT_KEY_FIELDS,
  type ContactColumns,
  type ContactField,
} from '../../../shared/missing-contacts';
import type { Template } from '../../../shared/template';
import type { JobManager } from '../jobs/job-manager';
import { writeContactsFile } from './contacts-file';
import { groupByContact, missingContactCases, type ContactGroup } from './missing-contact-cases';

export interface MissingContactsOptions {
  jobs: JobManager;
  /** The folder of a job: the contacts file is kept beside the cases it came from. */
  folderOf(jobId: string): string;
  openFile(path: string): Promise<FileInfo>;
  /** The case job's connection as the operator keeps it now. */
  currentConnection(connection: Connection): Connection;
  emit(event: EngineEvent): void;
}

/** The contacts module every wolkvox CRM operation has (SPEC T2). */
const CONTACTS_MODULE = 'contacts';
const BUSY: ReadonlySet<JobSummary['status']> = new Set(['running', 'waiting-crm']);

/**
 * A case job's missing contacts, created and then its cases retried: the contacts go in as an
 * ordinary module-records job (batches, journal, ledger: a contact is never created twice), and
 * when that job ends, exactly the cases whose contact now exists are retried as a pass of the case
 * job (so a case is never created twice either).
 */
export class MissingContacts {
  /** The step after a contacts job (retry started, or why not), by both jobs' ids. */
  private readonly underway = new Map<string, Promise<void>>();

  constructor(private readonly o: MissingContactsOptions) {}

  async plan(jobId: string): Promise<MissingContactsPlan> {
    const spec = await this.o.jobs.spec(jobId);
    if (spec.connection.target !== 'wolkvox-crm-cases') return emptyPlan(spec.file.columns);
    const cases = await missingContactCases(this.o.jobs, jobId);
    return {
      cases: cases.length,
      contacts: groupByContact(cases).length,
      columns: spec.file.columns,
      suggested: suggestColumns(spec.file.columns, spec.template, cases[0]?.contact ?? ''),
    };
  }

  async create(jobId: string, columns: ContactColumns): Promise<MissingContactsStart> {
    const { jobs } = this.o;
    const spec = await jobs.spec(jobId);
    if (spec.connection.target !== 'wolkvox-crm-cases') throw new CargaError(msg('contacts.not-cases'));
    if (this.underway.has(jobId)) throw new CargaError(msg('contacts.underway'));
    if (BUSY.has((await jobs.summary(jobId)).status))
      throw new CargaError(msg('job.already-running', { jobId }));
    checkColumns(columns, spec.file.columns);
    const cases = await missingContactCases(jobs, jobId);
    if (cases.length === 0) throw new CargaError(msg('contacts.none-missing'));

    const connection = contactsConnection(this.o.currentConnection(spec.connection));
    const missing = missingConnectionFields(connection);
    if (missing.length)
      throw new CargaError(
        msg('job.connection-incomplete', { name: connection.name, fields: missing.join(', ') }),
      );

    const groups = groupByContact(cases);
    const path = join(this.o.folderOf(jobId), `contacts-${Date.now()}.csv`);
    writeContactsFile(path, columns, groups);
    const contactsSpec = await jobs.create({
      file: await this.o.openFile(path),
      template: contactsTemplate(jobId, columns),
      connection,
    });
    const contactsJobId = contactsSpec.jobId;
    const contactsJob = await jobs.start(contactsJobId, { kind: 'run' });
    const step = this.retryAfter(jobId, contactsJobId, groups).finally(() => {
      this.underway.delete(jobId);
      this.underway.delete(contactsJobId);
    });
    this.underway.set(jobId, step);
    this.underway.set(contactsJobId, step);
    return { contactsJob, cases: cases.length, contacts: groups.length };
  }

  /** Resolves once the step after this job's contacts import is done (nothing pending: at once). */
  async after(jobId: string): Promise<void> {
    await this.underway.get(jobId);
  }

  /** When the contacts job ends: the cases of every contact it created (or found already created
   * by an earlier job) are retried; the others stay failed, with their own explanation. */
  private async retryAfter(
    jobId: string,
    contactsJobId: string,
    groups: readonly ContactGroup[],
  ): Promise<void> {
    const notice = (message: Message) =>
      this.o.emit({ type: 'job-notice', jobId: contactsJobId, notice: message });
    try {
      const contacts = await this.o.jobs.settled(contactsJobId);
      if (contacts.status !== 'finished') {
        notice(msg('contacts.not-finished', { jobId: contactsJobId, caseJobId: jobId }));
        return;
      }
      const notCreated = new Set<number>();
      for await (const row of this.o.jobs.detailRows(contactsJobId, ['failed', 'uncertain']))
        notCreated.add(row.index);
      const retried = groups.filter((_, index) => !notCreated.has(index));
      const only = new Set(retried.flatMap((group) => group.cases.map((each) => each.index)));
      if (only.size === 0) {
        notice(msg('contacts.none-created', { jobId: contactsJobId }));
        return;
      }
      notice(msg('contacts.retrying', { contacts: retried.length, cases: only.size, caseJobId: jobId }));
      await this.o.jobs.start(jobId, { kind: 'retry', includeUncertain: false, only });
    } catch (error) {
      notice(
        error instanceof CargaError
          ? error.detail
          : msg('contacts.retry-failed', { caseJobId: jobId, detail: String(error) }),
      );
    }
  }
}

function emptyPlan(columns: string[]): MissingContactsPlan {
  return { cases: 0, contacts: 0, columns, suggested: {} };
}

/** The case job's connection, pointed at the same operation's contacts module with the same token. */
function contactsConnection(cases: Connection): Connection {
  const { id, name, server, operation, dailyLimit } = cases;
  return {
    id,
    name: `${name} · ${CONTACTS_MODULE}`,
    target: 'wolkvox-crm-records',
    server,
    module: CONTACTS_MODULE,
    ...(operation !== undefined ? { operation } : {}),
    ...(dailyLimit !== undefined ? { dailyLimit } : {}),
  };
}

function contactsTemplate(jobId: string, columns: ContactColumns): Template {
  const mapped = Object.entries(columns).map(([field, column]) => [column, field]);
  return {
    version: 1,
    name: `contacts ${jobId}`,
    target: 'wolkvox-crm-records',
    connection: {},
    columns: Object.fromEntries(mapped),
    constants: {},
    valueMaps: {},
    dateFormats: {},
    file: {},
  };
}

function checkColumns(columns: ContactColumns, known: readonly string[]): void {
  const chosen = Object.values(columns);
  for (const column of chosen)
    if (!known.includes(column)) throw new CargaError(msg('contacts.unknown-column', { column }));
  if (new Set(chosen).size !== chosen.length) throw new CargaError(msg('contacts.column-twice'));
  if (!CONTACT_KEY_FIELDS.some((field) => columns[field] !== undefined))
    throw new CargaError(msg('contacts.key-missing'));
}

/**
 * The case's contact column goes to the e-mail when the contact looks like one, else to the id
 * (that is what the case names, so the new contact must carry it); the others by their names.
 */
function suggestColumns(columns: string[], template: Template, contact: string): ContactColumns {
  const suggested: ContactColumns = {};
  for (const { column, field } of suggestMapping('wolkvox-crm-records', columns)) {
    if (field && isContactField(field) && suggested[field] === undefined) suggested[field] = column;
  }
  const contactColumn = Object.entries(template.columns).find(([, field]) => field === 'contact')?.[0];
  if (contactColumn && columns.includes(contactColumn)) {
    const key: ContactField = contact.includes('@') || contact === '' ? 'emailcontact' : 'idcontact';
    for (const field of CONTACT_FIELDS) if (suggested[field] === contactColumn) delete suggested[field];
    suggested[key] = contactColumn;
  }
  return suggested;
}

function isContactField(field: string): field is ContactField {
  return (CONTACT_FIELDS as readonly string[]).includes(field);
}
