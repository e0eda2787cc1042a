import { z } from 'zod';
import { connectionSchema } from '../../../shared/connection-schema';
import { templateSchema } from '../../../shared/template';

/** `job.json`: what a job imports, where to, and how. Written once, atomically. */
export const jobSpecSchema = z.object({
  version: z.literal(1),
  jobId: z.string().min(1),
  createdAt: z.string(),
  file: z.object({
    path: z.string(),
    name: z.string(),
    size: z.number(),
    mtimeMs: z.number(),
    kind: z.enum(['csv', 'xlsx']),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).nullable(),
    bom: z.boolean(),
    delimiter: z.enum([',', ';', '\t', '|']).nullable(),
    headerRow: z.number().int().min(0),
    sheet: z.string().nullable(),
    headers: z.array(z.string()),
    columns: z.array(z.string()),
  }),
  template: templateSchema,
  connection: connectionSchema,
  /** The operator asked to send rows the destination already accepted in earlier jobs. */
  allowDuplicates: z.boolean().optional(),
});

export type JobSpec = z.infer<typeof jobSpecSchema>;
