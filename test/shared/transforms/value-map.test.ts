import { describe, expect, it } from 'vitest';

import {
  CASE_PRIORITY_VALUES,
  CASE_STATUS_VALUES,
  CASE_TYPE_VALUES,
} from '../../../shared/transforms/system-values';
import { buildValueMap } from '../../../shared/transforms/value-map';

describe('buildValueMap', () => {
  it('maps the Spanish system values of SPEC.md to English', () => {
    const status = buildValueMap(CASE_STATUS_VALUES.spanish, undefined);
    const priority = buildValueMap(CASE_PRIORITY_VALUES.spanish, undefined);
    const type = buildValueMap(CASE_TYPE_VALUES.spanish, undefined);
    expect([status.lookup('Abierto')?.value, status.lookup('Cerrado')?.value]).toEqual(['open', 'closed']);
    expect([
      priority.lookup('Alta')?.value,
      priority.lookup('Media')?.value,
      priority.lookup('Baja')?.value,
    ]).toEqual(['high', 'medium', 'low']);
    expect(['Solicitud', 'Queja', 'Reclamo', 'Sugerencia'].map((v) => type.lookup(v)?.value)).toEqual([
      'Request',
      'Complaints',
      'Claims',
      'Suggestions',
    ]);
  });

  it('ignores case, accents and spacing', () => {
    const type = buildValueMap(CASE_TYPE_VALUES.spanish, undefined);
    expect(type.lookup('PETICION')).toEqual({ value: 'Request', fromTemplate: false });
    expect(type.lookup('petición')).toEqual({ value: 'Request', fromTemplate: false });
    const status = buildValueMap(CASE_STATUS_VALUES.spanish, undefined);
    expect(status.lookup('  abierto')).toEqual({ value: 'open', fromTemplate: false });
  });

  it('lets the template add entries and override defaults, however it spells them', () => {
    const priority = buildValueMap(CASE_PRIORITY_VALUES.spanish, { ALTA: 'medium', Urgente: 'high' });
    expect(priority.lookup('Alta')).toEqual({ value: 'medium', fromTemplate: true });
    expect(priority.lookup('alta')).toEqual({ value: 'medium', fromTemplate: true });
    expect(priority.lookup('urgente')).toEqual({ value: 'high', fromTemplate: true });
    expect(priority.lookup('Baja')).toEqual({ value: 'low', fromTemplate: false });
    expect(priority.lookup('Crítica')).toBeUndefined();
  });

  it('matches a key of punctuation only as written', () => {
    const map = buildValueMap(undefined, { '-': '', 'N/A': '' });
    expect(map.lookup('-')).toEqual({ value: '', fromTemplate: true });
    expect(map.lookup('.')).toBeUndefined();
    expect(map.lookup('n/a')).toEqual({ value: '', fromTemplate: true });
  });

  it('is empty without defaults or template entries', () => {
    const map = buildValueMap(undefined, undefined);
    expect(map.size).toBe(0);
    expect(map.lookup('Abierto')).toBeUndefined();
  });
});
