import { z } from 'zod';

import { TARGET_IDS } from './targets/target-ids';

const text = (max: number) => z.string().trim().max(max);

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
    dailyLimit: z.number().int().positive().optional(),
  })
  .strict();
