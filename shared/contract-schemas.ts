/**
 * The input of every contract method as a schema. Both front doors (Electron's IPC and the web
 * server) parse what the renderer sends with these before the engine sees it: a compromised or
 * buggy renderer can send anything, and the engine trusts its arguments.
 */
import * as z from 'zod';

import { connectionSchema } from './connection-schema';
import type { MethodInput, MethodName, ResultFilter, RowOutcome } from './contract';
import { FAILURE_CLASSES } from './errors/failure-class';
import { DELIMITERS, ENCODINGS } from './file-format';
import { LANGS } from './lang';
import { CONTACT_FIELDS } from './missing-contacts';
import { TARGET_IDS } from './targets/target-ids';
import { templateSchema } from './template';

/** Tokens are a few dozen characters; 4 KB leaves room for any vendor's format. */
export const MAX_TOKEN_LENGTH = 4096;
const MAX_PATH_LENGTH = 4096;
/** Excel's own limit for the text of one cell. */
const MAX_CELL_LENGTH = 32_767;
const MAX_COLUMNS = 16_384;
const MAX_NAME_LENGTH = 200;
export const MAX_RESULTS_PAGE = 1000;

/** Ids name folders, files and object keys in the engine: no separators, no leading dot or underscore. */
const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/);

const pathSchema = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .refine((path) => !path.includes('\0'));
const columnNameSchema = z.string().max(1000);

const fileOptionsSchema = z.strictObject({
  encoding: z.enum(ENCODINGS).optional(),
  delimiter: z.enum(DELIMITERS).optional(),
  headerRow: z.number().int().min(0).max(1_000_000).optional(),
  sheet: z.string().max(MAX_NAME_LENGTH).optional(),
});

const ROW_OUTCOMES = [
  'pending',
  'sending',
  'ok',
  'failed',
  'uncertain',
  'skipped',
] as const satisfies readonly RowOutcome[];

const resultFilterSchema: z.ZodType<ResultFilter> = z.strictObject({
  outcomes: z.array(z.enum(ROW_OUTCOMES)).max(ROW_OUTCOMES.length).optional(),
  classes: z
    .array(z.enum([...FAILURE_CLASSES, 'validation']))
    .max(FAILURE_CLASSES.length + 1)
    .optional(),
  text: z.string().max(1000).optional(),
  corrected: z.boolean().optional(),
  lang: z.enum(LANGS).optional(),
});

const jobRef = z.strictObject({ jobId: idSchema });

export const methodInputSchemas: { [M in MethodName]: z.ZodType<MethodInput<M>> } = {
  getAppInfo: z.undefined(),
  listTargets: z.undefined(),

  listConnections: z.undefined(),
  saveConnection: z.strictObject({
    connection: connectionSchema.extend({ id: idSchema }),
    token: z.string().min(1).max(MAX_TOKEN_LENGTH).optional(),
    partyPassword: z.string().max(MAX_TOKEN_LENGTH).optional(),
  }),
  deleteConnection: z.strictObject({ id: idSchema }),
  testConnection: z.strictObject({ id: idSchema }),
  resetSandbox: z.undefined(),
  readServerLists: z.strictObject({ id: idSchema, party: z.string().min(1).max(1000).optional() }),

  openFile: z.strictObject({ path: pathSchema, options: fileOptionsSchema.optional() }),
  suggestMapping: z.strictObject({
    target: z.enum(TARGET_IDS),
    columns: z.array(columnNameSchema).max(MAX_COLUMNS),
  }),
  previewRequests: z.strictObject({
    path: pathSchema,
    options: fileOptionsSchema.optional(),
    template: templateSchema,
    connectionId: idSchema,
    rows: z.number().int().min(1).max(100).optional(),
  }),
  checkFile: z.strictObject({
    checkId: idSchema,
    path: pathSchema,
    options: fileOptionsSchema.optional(),
    template: templateSchema,
    connectionId: idSchema.optional(),
  }),

  startJob: z.strictObject({
    path: pathSchema,
    options: fileOptionsSchema.optional(),
    template: templateSchema,
    connectionId: idSchema,
    allowDuplicates: z.boolean().optional(),
  }),
  pauseJob: jobRef,
  resumeJob: jobRef,
  cancelJob: jobRef,
  retryJob: z.strictObject({
    jobId: idSchema,
    includeUncertain: z.boolean(),
    onlyCorrected: z.boolean().optional(),
    template: templateSchema.optional(),
  }),
  fixRow: z.strictObject({
    jobId: idSchema,
    index: z.number().int().min(0),
    values: z
      .record(columnNameSchema, z.string().max(MAX_CELL_LENGTH))
      .refine((values) => Object.keys(values).length <= MAX_COLUMNS),
  }),
  getJob: jobRef,
  listJobs: z.undefined(),
  listResults: z.strictObject({
    jobId: idSchema,
    filter: resultFilterSchema.optional(),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(MAX_RESULTS_PAGE),
  }),
  failureBreakdown: jobRef,
  planMissingContacts: jobRef,
  createMissingContacts: z.strictObject({
    jobId: idSchema,
    columns: z.partialRecord(z.enum(CONTACT_FIELDS), columnNameSchema.min(1)),
  }),
  exportReport: z.strictObject({
    jobId: idSchema,
    kind: z.enum(['errors', 'failed-rows', 'accepted', 'summary']),
    format: z.enum(['csv', 'xlsx']),
    path: pathSchema.optional(),
    lang: z.enum(LANGS).optional(),
  }),

  listTemplates: z.undefined(),
  saveTemplate: z.strictObject({ template: templateSchema }),
  deleteTemplate: z.strictObject({ name: z.string().trim().min(1).max(MAX_NAME_LENGTH) }),
  matchTemplates: z.strictObject({ columns: z.array(columnNameSchema).max(MAX_COLUMNS) }),
};

export type MethodInputParse<M extends MethodName> =
  { ok: true; input: MethodInput<M> } | { ok: false; path: string };

/** Parses one method's input; on failure says where (`connection.server`), never the value. */
export function parseMethodInput<M extends MethodName>(method: M, raw: unknown): MethodInputParse<M> {
  const schema: z.ZodType<MethodInput<M>> = methodInputSchemas[method];
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.').slice(0, 200) : '(input)';
  return { ok: false, path };
}

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methodInputSchemas, name);
}
