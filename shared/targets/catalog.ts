import type { TargetSpec } from './field-spec';
import type { TargetId } from './target-ids';
import { THALAMUS_CASES } from './thalamus-cases';
import { WOLKVOX_CAMPAIGN } from './wolkvox-campaign';
import { WOLKVOX_CRM_CASES } from './wolkvox-crm-cases';
import { WOLKVOX_CRM_RECORDS } from './wolkvox-crm-records';

/** Every target: what the contract describes (`listTargets` returns these) and what mapping and
 * validation need besides (synonyms, caps, system values, date format). */
export const TARGET_SPECS: Record<TargetId, TargetSpec> = {
  'wolkvox-crm-cases': WOLKVOX_CRM_CASES,
  'wolkvox-crm-records': WOLKVOX_CRM_RECORDS,
  'wolkvox-campaign': WOLKVOX_CAMPAIGN,
  'thalamus-cases': THALAMUS_CASES,
};

export function targetSpec(id: TargetId): TargetSpec {
  return TARGET_SPECS[id];
}
