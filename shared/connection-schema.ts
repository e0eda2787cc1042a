import * as z from 'zod';

import { TARGET_IDS } from './targets/target-ids';

const text = (max: number) => z.string().trim().max(max);

/** Values a CRM has besides the built-in ones (T1 statuses, priorities): no blanks, no repeats. */
export const extraValuesSchema = z
  .array(text(100).min(1))
  .max(50)
  .refine((values) => new Set(values.map((v) => v.toLowerCase())).size === values.length, {
    message: 'repeated value',
  });
const extraValues = extraValuesSchema.optional();

/** A saved connection as it crosses a trust boundary (IPC, HTTP, files on disk). No token. */
export const connectionSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: text(200).min(1),
    target: z.enum(TARGET_IDS),
    server: text(300).min(1),
    operation: text(200).optional(),
    module: text(200).optional(),
    campaignId: text(100).optional(),
    campaignType: z.enum(['predictive', 'preview']).optional(),
    campaignStatus: text(100).optional(),
    touchpoint: text(200).optional(),
    extraStatuses: extraValues,
    extraPriorities: extraValues,
    dailyLimit: z.number().int().positive().optional(),
  })
  .strict();
