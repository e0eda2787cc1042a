import type { MessageCode } from '../../shared/messages/catalog';
import {
  CONNECTION_FLAGS,
  FILE_FLAGS,
  JOBS_DIR_FLAG,
  JSON_FLAG,
  PARTY_PASSWORD_FLAG,
  TARGET_CONNECTION_FLAGS,
  TEMPLATE_FLAGS,
  type FlagTable,
} from './flags';

/** An argument given by position (the file, the job), each one required. */
export interface PositionalSpec {
  /** Its placeholder in the usage line. */
  value: MessageCode;
  /** What is said when it is missing (the message gets `{command}`). */
  missing: MessageCode;
}

/** What a command is, without its code: enough to parse its line and print its help, so
 * `carga <command> --help` and `carga --help` load none of the commands. */
export interface CommandSpec<T extends FlagTable = FlagTable> {
  name: string;
  summary: MessageCode;
  args: readonly PositionalSpec[];
  flags: T;
}

const FILE_ARG = { value: 'cli.value.file', missing: 'cli.missing-file' } as const satisfies PositionalSpec;
const JOB_ARG = { value: 'cli.value.job', missing: 'cli.missing-job' } as const satisfies PositionalSpec;
const MANY = 100_000_000;

export const INSPECT = {
  name: 'inspect',
  summary: 'cli.command.inspect',
  args: [FILE_ARG],
  flags: { ...FILE_FLAGS, ...JSON_FLAG },
} as const satisfies CommandSpec;

export const CHECK = {
  name: 'check',
  summary: 'cli.command.check',
  args: [FILE_ARG],
  // The destination an import would send to, to count the rows it already accepted and to read
  // the lists rows are held to (Thalamus's, with the token from the environment).
  flags: {
    ...TEMPLATE_FLAGS,
    ...FILE_FLAGS,
    ...JSON_FLAG,
    server: CONNECTION_FLAGS.server,
    'token-env': CONNECTION_FLAGS['token-env'],
    ...TARGET_CONNECTION_FLAGS,
    ...JOBS_DIR_FLAG,
  },
} as const satisfies CommandSpec;

export const IMPORT = {
  name: 'import',
  summary: 'cli.command.import',
  args: [FILE_ARG],
  flags: {
    ...TEMPLATE_FLAGS,
    ...FILE_FLAGS,
    ...CONNECTION_FLAGS,
    ...TARGET_CONNECTION_FLAGS,
    report: { kind: 'text', value: 'cli.value.file', help: 'cli.flag.report' },
    'allow-duplicates': { kind: 'switch', help: 'cli.flag.allow-duplicates' },
  },
} as const satisfies CommandSpec;

export const RESUME = {
  name: 'resume',
  summary: 'cli.command.resume',
  args: [JOB_ARG],
  flags: { ...CONNECTION_FLAGS, ...PARTY_PASSWORD_FLAG },
} as const satisfies CommandSpec;

export const RETRY = {
  name: 'retry',
  summary: 'cli.command.retry',
  args: [JOB_ARG],
  flags: {
    ...CONNECTION_FLAGS,
    ...PARTY_PASSWORD_FLAG,
    uncertain: { kind: 'switch', help: 'cli.flag.uncertain' },
  },
} as const satisfies CommandSpec;

export const CREATE_CONTACTS = {
  name: 'create-contacts',
  summary: 'cli.command.create-contacts',
  args: [JOB_ARG],
  flags: {
    email: { kind: 'text', value: 'cli.value.column', help: 'cli.flag.contact-email' },
    name: { kind: 'text', value: 'cli.value.column', help: 'cli.flag.contact-name' },
    phone: { kind: 'text', value: 'cli.value.column', help: 'cli.flag.contact-phone' },
    id: { kind: 'text', value: 'cli.value.column', help: 'cli.flag.contact-id' },
    ...CONNECTION_FLAGS,
  },
} as const satisfies CommandSpec;

export const JOBS = {
  name: 'jobs',
  summary: 'cli.command.jobs',
  args: [],
  flags: { ...JOBS_DIR_FLAG, ...JSON_FLAG },
} as const satisfies CommandSpec;

export const REPORT = {
  name: 'report',
  summary: 'cli.command.report',
  args: [JOB_ARG],
  flags: {
    out: { kind: 'text', value: 'cli.value.file', help: 'cli.flag.out' },
    'failed-rows': { kind: 'switch', help: 'cli.flag.failed-rows' },
    accepted: { kind: 'switch', help: 'cli.flag.accepted' },
    ...JOBS_DIR_FLAG,
  },
} as const satisfies CommandSpec;

export const SANDBOX = {
  name: 'sandbox',
  summary: 'cli.command.sandbox',
  args: [],
  flags: {
    port: { kind: 'whole', value: 'cli.value.number', min: 0, max: 65_535, help: 'cli.flag.port' },
    latency: { kind: 'whole', value: 'cli.value.ms', min: 0, max: 600_000, help: 'cli.flag.latency' },
    jitter: { kind: 'whole', value: 'cli.value.ms', min: 0, max: 600_000, help: 'cli.flag.jitter' },
    'daily-limit': {
      kind: 'whole',
      value: 'cli.value.number',
      min: 0,
      max: MANY,
      help: 'cli.flag.sandbox-daily-limit',
    },
    'license-cap': {
      kind: 'whole',
      value: 'cli.value.number',
      min: 1,
      max: MANY,
      help: 'cli.flag.license-cap',
    },
    quiet: { kind: 'switch', short: 'q', help: 'cli.flag.quiet' },
  },
} as const satisfies CommandSpec;

export const SANDBOX_RESET = {
  name: 'sandbox-reset',
  summary: 'cli.command.sandbox-reset',
  args: [],
  flags: {
    port: {
      kind: 'whole',
      value: 'cli.value.number',
      min: 1,
      max: 65_535,
      help: 'cli.flag.sandbox-reset-port',
    },
    ...JOBS_DIR_FLAG,
  },
} as const satisfies CommandSpec;

/** Every command, in the order `carga --help` lists them. */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  INSPECT,
  CHECK,
  IMPORT,
  RESUME,
  RETRY,
  CREATE_CONTACTS,
  JOBS,
  REPORT,
  SANDBOX,
  SANDBOX_RESET,
];
