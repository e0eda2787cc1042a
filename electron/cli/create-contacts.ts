import type { Connection, ContactColumns, Lang } from '../../shared/contract';
import { formatMessage, msg } from '../../shared/messages/catalog';
import { CONTACT_FIELDS, type ContactField } from '../../shared/missing-contacts';
import { TARGET_SPECS } from '../../shared/targets/catalog';
import { JobStore } from '../engine/jobs/job-store';
import { withCliEngine } from './cli-engine';
import { jobsDirOf } from './cli-paths';
import type { CliIO } from './command';
import { CREATE_CONTACTS } from './command-specs';
import { tokenFromEnv } from './connection-flags';
import type { FlagValues } from './flags';
import { exitCodeOf, jsonSummary } from './job-output';
import { maxWaitOf } from './max-wait-flag';
import { commandOf } from './run-command';
import { followJobPass } from './run-job-pass';

type Flags = FlagValues<typeof CREATE_CONTACTS.flags>;

/** The flag that names each contact field's column. */
const FLAG_OF: Record<ContactField, 'email' | 'name' | 'phone' | 'id'> = {
  emailcontact: 'email',
  namecontact: 'name',
  telephonecontact: 'phone',
  idcontact: 'id',
};

/**
 * `carga create-contacts JOB`: the contacts a case job was refused for are imported into the
 * contacts module from the same rows, in batches, then exactly those cases are retried. Columns
 * come from `--email`, `--name`, `--phone`, `--id`, or else the suggested ones.
 */
export const createContacts = commandOf(CREATE_CONTACTS, () => async ({ flags, args: [jobId], io, lang }) => {
  const jobsDir = jobsDirOf(io, flags['jobs-dir']);
  const spec = new JobStore(jobsDir).readSpec(jobId!);
  const connection: Connection = { ...spec.connection };
  if (flags.server) connection.server = flags.server;
  if (flags['daily-limit']) connection.dailyLimit = flags['daily-limit'];
  const token = tokenFromEnv(io.env, flags, connection);
  const json = flags.json ?? false;
  return withCliEngine(
    io,
    lang,
    { jobsDir, sandbox: connection.server === 'sandbox', maxWaitMs: maxWaitOf(flags['max-wait']) },
    async (engine) => {
      await engine.useConnection(connection, token);
      const plan = await engine.planMissingContacts({ jobId: jobId! });
      const columns = columnsOf(flags) ?? plan.suggested;
      const started = await engine.createMissingContacts({ jobId: jobId!, columns });
      say(io, lang, msg('cli.contacts.plan', { cases: started.cases, contacts: started.contacts }));
      say(io, lang, msg('cli.contacts.columns', { columns: describeColumns(columns, lang) }));
      // The notices of the step after the contacts (retrying, or why not) come with the contacts job.
      const contacts = await followJobPass(engine, started.contactsJob, io, lang, false, !json);
      if (contacts.summary.status !== 'finished') {
        if (json) io.stdout(JSON.stringify({ contacts: jsonSummary(contacts.summary), cases: null }) + '\n');
        return contacts.code;
      }
      const cases = await followJobPass(
        engine,
        await engine.getJob({ jobId: jobId! }),
        io,
        lang,
        false,
        !json,
      );
      if (json)
        io.stdout(
          JSON.stringify({ contacts: jsonSummary(contacts.summary), cases: jsonSummary(cases.summary) }) +
            '\n',
        );
      return exitCodeOf(cases.summary);
    },
  );
});

/** The columns the operator named, or null to take the suggested ones. */
function columnsOf(flags: Flags): ContactColumns | null {
  const columns: ContactColumns = {};
  for (const field of CONTACT_FIELDS) {
    const column = flags[FLAG_OF[field]];
    if (column !== undefined) columns[field] = column;
  }
  return Object.keys(columns).length > 0 ? columns : null;
}

/** `Correo del contacto ← «Email», …` in the operator's language. */
function describeColumns(columns: ContactColumns, lang: Lang): string {
  const fields = TARGET_SPECS['wolkvox-crm-records'].fields;
  return Object.entries(columns)
    .map(
      ([field, column]) => `${fields.find((each) => each.key === field)?.label[lang] ?? field} ← «${column}»`,
    )
    .join(', ');
}

function say(io: CliIO, lang: Lang, message: Parameters<typeof formatMessage>[1]): void {
  io.stderr(formatMessage(lang, message) + '\n');
}
