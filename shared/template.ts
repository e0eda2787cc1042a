import * as z from 'zod';

import { DELIMITERS, ENCODINGS } from './file-format';
import { DECLARED_TYPES } from './mapping/declared-type';
import { TARGET_IDS } from './targets/target-ids';

export const DATE_INPUT_FORMATS = ['auto', 'dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd', 'excel-serial'] as const;
export type DateInputFormat = (typeof DATE_INPUT_FORMATS)[number];

const fileOptionsSchema = z
  .object({
    encoding: z.enum(ENCODINGS).optional(),
    delimiter: z.enum(DELIMITERS).optional(),
    headerRow: z.number().int().min(0).optional(),
    sheet: z.string().optional(),
  })
  .strict();

/** A connection as a template remembers it: never an id of a vault entry, never a token. */
const templateConnectionSchema = z
  .object({
    server: z.string().optional(),
    operation: z.string().optional(),
    module: z.string().optional(),
    campaignId: z.string().optional(),
    campaignType: z.enum(['predictive', 'preview']).optional(),
    campaignStatus: z.string().optional(),
    touchpoint: z.string().optional(),
    extraStatuses: z.array(z.string()).optional(),
    extraPriorities: z.array(z.string()).optional(),
  })
  .strict();

/**
 * How a spreadsheet becomes requests: stored as JSON, read by the app and the CLI alike.
 * Field keys are the target's field keys (`description`, `tel1`) or a custom field with the
 * target's custom prefix (`form.Ciudad`), spelled exactly as configured in the CRM.
 */
export const templateSchema = z
  .object({
    version: z.literal(1).default(1),
    name: z.string().trim().min(1).max(200),
    target: z.enum(TARGET_IDS),
    connection: templateConnectionSchema.default({}),
    /** Column header (as in FileInfo.columns) → field key. */
    columns: z.record(z.string(), z.string().min(1)).default({}),
    /** Field key → the same value for every row (wins over a mapped column only when the cell is empty). */
    constants: z.record(z.string(), z.string()).default({}),
    /** Field key → (value in the file → value sent); merged over the built-in Spanish→English maps. */
    valueMaps: z.record(z.string(), z.record(z.string(), z.string())).default({}),
    /** Field key → the type the CRM gives that field (Thalamus `caseData`, module fields): the
     * cell is converted and validated, and sent with its JSON type. */
    fieldTypes: z.record(z.string(), z.enum(DECLARED_TYPES)).optional(),
    /** Field key → how dates in that column are written. */
    dateFormats: z.record(z.string(), z.enum(DATE_INPUT_FORMATS)).default({}),
    file: fileOptionsSchema.default({}),
  })
  .strict();

export type Template = z.infer<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateSchema>;
