import type { Connection, TargetId } from './contract';

type ConnectionField =
  'operation' | 'module' | 'campaignId' | 'campaignType' | 'campaignStatus' | 'touchpoint';

/** What each target's requests cannot be built without (the URL's parameters, the `operation` field). */
const REQUIRED: Record<TargetId, readonly ConnectionField[]> = {
  'wolkvox-crm-cases': ['operation'],
  'wolkvox-crm-records': ['operation', 'module'],
  'wolkvox-campaign': ['campaignId', 'campaignType', 'campaignStatus'],
  'thalamus-cases': ['touchpoint'],
};

export function missingConnectionFields(connection: Connection): ConnectionField[] {
  return REQUIRED[connection.target].filter((field) => !connection[field]?.toString().trim());
}
