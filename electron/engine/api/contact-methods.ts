import type { CargaApi } from '../../../shared/contract';
import type { EngineParts } from './engine-parts';

export type ContactMethods = Pick<CargaApi, 'planMissingContacts' | 'createMissingContacts'>;

/** Cases refused for a missing contact: the contacts created from the job's file, then the cases retried. */
export function contactMethods({ missingContacts }: EngineParts): ContactMethods {
  return {
    planMissingContacts: async ({ jobId }) => missingContacts.plan(jobId),
    createMissingContacts: async ({ jobId, columns }) => missingContacts.create(jobId, columns),
  };
}
