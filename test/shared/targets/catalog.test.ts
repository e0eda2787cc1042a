import { describe, expect, it } from 'vitest';

import { TARGET_SPECS, targetSpec } from '../../../shared/targets/catalog';
import { TARGET_IDS } from '../../../shared/targets/target-ids';

const keys = (id: keyof typeof TARGET_SPECS) => targetSpec(id).fields.map((f) => f.key);
const required = (id: keyof typeof TARGET_SPECS) =>
  targetSpec(id)
    .fields.filter((f) => f.required)
    .map((f) => f.key);

describe('target catalogs', () => {
  it('describes every target', () => {
    expect(Object.keys(TARGET_SPECS).sort()).toEqual([...TARGET_IDS].sort());
    for (const id of TARGET_IDS) expect(targetSpec(id).id).toBe(id);
  });

  it('wolkvox CRM cases: one per request, the fields SPEC.md lists, custom fields in form', () => {
    const t = targetSpec('wolkvox-crm-cases');
    expect([t.maxBatch, t.customPrefix, t.connectionFields]).toEqual([1, 'form.', ['operation']]);
    expect(keys('wolkvox-crm-cases')).toEqual([
      'operation',
      'case-type',
      'responsible',
      'owner',
      'contact',
      'description',
      'status',
      'priority',
      'solution',
    ]);
    expect(required('wolkvox-crm-cases')).toEqual([
      'operation',
      'case-type',
      'responsible',
      'owner',
      'contact',
      'description',
      'status',
      'priority',
    ]);
    expect(t.fields.filter((f) => f.kind === 'system').map((f) => f.key)).toEqual([
      'case-type',
      'status',
      'priority',
    ]);
  });

  it('wolkvox CRM records: batches of 10,000, system keys optional, custom labels under field.', () => {
    const t = targetSpec('wolkvox-crm-records');
    expect([t.maxBatch, t.customPrefix]).toEqual([10_000, 'field.']);
    expect(keys('wolkvox-crm-records')).toEqual([
      'namecontact',
      'telephonecontact',
      'idcontact',
      'emailcontact',
    ]);
    expect(required('wolkvox-crm-records')).toEqual([]);
  });

  it('wolkvox campaign: batches of 10,000, every record field, tel1 required, no custom fields', () => {
    const t = targetSpec('wolkvox-campaign');
    expect([t.maxBatch, t.customPrefix]).toEqual([10_000, null]);
    expect(keys('wolkvox-campaign')).toEqual([
      'customer_name',
      'customer_last_name',
      'id_type',
      'customer_id',
      'age',
      'gender',
      'country',
      'state',
      'city',
      'zone',
      'address',
      'opt1',
      'opt2',
      'opt3',
      'opt4',
      'opt5',
      'opt6',
      'opt7',
      'opt8',
      'opt9',
      'opt10',
      'opt11',
      'opt12',
      'tel1',
      'tel2',
      'tel3',
      'tel4',
      'tel5',
      'tel6',
      'tel7',
      'tel8',
      'tel9',
      'tel10',
      'tel_extra',
      'email',
      'recall_date',
      'recall_telephone',
    ]);
    expect(required('wolkvox-campaign')).toEqual(['tel1']);
    expect(t.fields.find((f) => f.key === 'recall_date')?.kind).toBe('date');
    expect(t.fields.filter((f) => f.kind === 'phone')).toHaveLength(12);
  });

  it('Thalamus cases: one per request, the party, category and type required, custom fields in caseData', () => {
    const t = targetSpec('thalamus-cases');
    expect([t.maxBatch, t.customPrefix, TARGET_SPECS['thalamus-cases'].dateOutput]).toEqual([
      1,
      'caseData.',
      'iso-date',
    ]);
    expect(keys('thalamus-cases')).toEqual([
      'party',
      'categoryCode',
      'typeCode',
      'status',
      'resolution',
      'comment',
    ]);
    expect(required('thalamus-cases')).toEqual(['party', 'categoryCode', 'typeCode']);
  });

  it('labels every field in Spanish and English', () => {
    for (const id of TARGET_IDS) {
      for (const field of targetSpec(id).fields) {
        expect(field.label.es.length, `${id} ${field.key}`).toBeGreaterThan(0);
        expect(field.label.en.length, `${id} ${field.key}`).toBeGreaterThan(0);
      }
    }
  });
});
