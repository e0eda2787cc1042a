export const TARGET_IDS = [
  'wolkvox-crm-cases',
  'wolkvox-crm-records',
  'wolkvox-campaign',
  'thalamus-cases',
] as const;
export type TargetId = (typeof TARGET_IDS)[number];
