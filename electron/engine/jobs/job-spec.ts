import * as z from 'zod';

import { connectionSchema } from '../../../shared/connection-schema';
import type { FileInfo } from '../../../shared/contract';
import { DELIMITERS, ENCODINGS } from '../../../shared/file-format';
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
    encoding: z.enum(ENCODINGS).nullable(),
    bom: z.boolean(),
    delimiter: z.enum(DELIMITERS).nullable(),
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

/** What a job keeps of the file the operator opened: how to read it again, and its size and time. */
export function jobFileOf(file: FileInfo, stat: { size: number; mtimeMs: number }): JobSpec['file'] {
  return {
    path: file.path,
    name: file.name,
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    kind: file.kind,
    encoding: file.encoding,
    bom: file.bom,
    delimiter: file.delimiter,
    headerRow: file.headerRow,
    sheet: file.sheet,
    headers: file.headers,
    columns: file.columns,
  };
}

/** The file as the job first read it: the same encoding, delimiter, header row and sheet. */
export function fileInfoOf(spec: JobSpec): FileInfo {
  const f = spec.file;
  return {
    path: f.path,
    name: f.name,
    size: f.size,
    kind: f.kind,
    encoding: f.encoding,
    bom: f.bom,
    delimiter: f.delimiter,
    headerRow: f.headerRow,
    headers: f.headers,
    columns: f.columns,
    sheets: f.sheet ? [f.sheet] : [],
    sheet: f.sheet,
    preview: [],
    rowCount: null,
    warnings: [],
  };
}
