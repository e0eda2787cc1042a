import type { TargetId } from '../../../shared/targets/target-ids';
import type { TargetAdapter } from './target-adapter';
import { thalamusCases } from './thalamus-cases';
import { wolkvoxCampaign } from './wolkvox-campaign';
import { wolkvoxCrmCases } from './wolkvox-crm-cases';
import { wolkvoxCrmRecords } from './wolkvox-crm-records';

const ADAPTERS: Record<TargetId, TargetAdapter> = {
  'wolkvox-crm-cases': wolkvoxCrmCases,
  'wolkvox-crm-records': wolkvoxCrmRecords,
  'wolkvox-campaign': wolkvoxCampaign,
  'thalamus-cases': thalamusCases,
};

export function targetAdapter(id: TargetId): TargetAdapter {
  return ADAPTERS[id];
}
