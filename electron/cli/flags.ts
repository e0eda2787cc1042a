import { ENCODINGS } from '../../shared/file-format';
import { LANGS } from '../../shared/lang';
import type { MessageCode } from '../../shared/messages/catalog';
import { TARGET_IDS } from '../../shared/targets/target-ids';

/**
 * One command-line flag, stated once: parsing, validation and its `--help` line all come from it.
 * - `switch`: present or not;
 * - `text`: one value (`repeatable` when it may be given several times);
 * - `choice`: one of `choices`;
 * - `whole`: a whole number from `min` to `max`.
 */
export type FlagSpec = {
  /** What the flag does: one line of the catalog, shown by --help. */
  help: MessageCode;
  short?: string;
} & (
  | { kind: 'switch' }
  | { kind: 'text'; value: MessageCode; repeatable?: boolean }
  | { kind: 'choice'; value: MessageCode; choices: readonly string[] }
  | { kind: 'whole'; value: MessageCode; min: number; max: number }
);

export type FlagTable = Readonly<Record<string, FlagSpec>>;

type ValueOf<F extends FlagSpec> = F extends { kind: 'switch' }
  ? boolean
  : F extends { kind: 'whole' }
    ? number
    : F extends { kind: 'choice'; choices: readonly (infer C)[] }
      ? C
      : F extends { repeatable: true }
        ? string[]
        : string;

/** What a command receives for its flag table: each flag's value, absent when not given. */
export type FlagValues<T extends FlagTable> = { -readonly [K in keyof T]?: ValueOf<T[K]> };

const MANY = 100_000_000;

/** The flags every command has. */
export const COMMON_FLAGS = {
  lang: { kind: 'choice', value: 'cli.value.lang', choices: LANGS, help: 'cli.flag.lang' },
  help: { kind: 'switch', short: 'h', help: 'cli.flag.help' },
} as const satisfies FlagTable;

export const JSON_FLAG = {
  json: { kind: 'switch', help: 'cli.flag.json' },
} as const satisfies FlagTable;

export const JOBS_DIR_FLAG = {
  'jobs-dir': { kind: 'text', value: 'cli.value.folder', help: 'cli.flag.jobs-dir' },
} as const satisfies FlagTable;

/** Overrides of what was detected in the file. */
export const FILE_FLAGS = {
  sheet: { kind: 'text', value: 'cli.value.sheet', help: 'cli.flag.sheet' },
  encoding: { kind: 'choice', value: 'cli.value.encoding', choices: ENCODINGS, help: 'cli.flag.encoding' },
  delimiter: {
    kind: 'choice',
    value: 'cli.value.delimiter',
    choices: [',', ';', 'tab', '|'],
    help: 'cli.flag.delimiter',
  },
  'header-row': { kind: 'whole', value: 'cli.value.number', min: 0, max: MANY, help: 'cli.flag.header-row' },
} as const satisfies FlagTable;

/** How a mapping is given on the command line: a template file, or a target and pairs. */
export const TEMPLATE_FLAGS = {
  template: { kind: 'text', value: 'cli.value.file', help: 'cli.flag.template' },
  target: { kind: 'choice', value: 'cli.value.target', choices: TARGET_IDS, help: 'cli.flag.target' },
  map: { kind: 'text', value: 'cli.value.column-field', repeatable: true, help: 'cli.flag.map' },
  set: { kind: 'text', value: 'cli.value.field-value', repeatable: true, help: 'cli.flag.set' },
} as const satisfies FlagTable;

/** Where and how a job sends: shared by import, resume and retry. The token is never one of them. */
export const CONNECTION_FLAGS = {
  server: { kind: 'text', value: 'cli.value.server', help: 'cli.flag.server' },
  'token-env': { kind: 'text', value: 'cli.value.variable', help: 'cli.flag.token-env' },
  'daily-limit': {
    kind: 'whole',
    value: 'cli.value.number',
    min: 1,
    max: MANY,
    help: 'cli.flag.daily-limit',
  },
  'max-wait': { kind: 'text', value: 'cli.value.duration', help: 'cli.flag.max-wait' },
  ...JOBS_DIR_FLAG,
  ...JSON_FLAG,
} as const satisfies FlagTable;

/** Thalamus's party password, named by the environment variable that holds it: import, and the
 * resume or retry of a job whose parties log in with one (it is never stored with the job). */
export const PARTY_PASSWORD_FLAG = {
  'party-password-env': { kind: 'text', value: 'cli.value.variable', help: 'cli.flag.party-password-env' },
} as const satisfies FlagTable;

/** The values a target's connection needs beyond the server, as import flags. */
export const TARGET_CONNECTION_FLAGS = {
  operation: { kind: 'text', value: 'cli.value.text', help: 'cli.flag.operation' },
  module: { kind: 'text', value: 'cli.value.text', help: 'cli.flag.module' },
  touchpoint: { kind: 'text', value: 'cli.value.text', help: 'cli.flag.touchpoint' },
  'campaign-id': { kind: 'text', value: 'cli.value.id', help: 'cli.flag.campaign-id' },
  'campaign-type': {
    kind: 'choice',
    value: 'cli.value.text',
    choices: ['predictive', 'preview'],
    help: 'cli.flag.campaign-type',
  },
  'campaign-status': { kind: 'text', value: 'cli.value.text', help: 'cli.flag.campaign-status' },
  ...PARTY_PASSWORD_FLAG,
  type: { kind: 'text', value: 'cli.value.field-type', repeatable: true, help: 'cli.flag.type' },
  'extra-status': { kind: 'text', value: 'cli.value.text', repeatable: true, help: 'cli.flag.extra-status' },
  'extra-priority': {
    kind: 'text',
    value: 'cli.value.text',
    repeatable: true,
    help: 'cli.flag.extra-priority',
  },
} as const satisfies FlagTable;
