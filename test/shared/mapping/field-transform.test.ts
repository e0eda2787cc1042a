import { describe, expect, it } from 'vitest';

import { fieldTransform, type FieldRules } from '../../../shared/mapping/field-transform';
import { CASE_STATUS_VALUES, CASE_TYPE_VALUES } from '../../../shared/transforms/system-values';
import { buildValueMap } from '../../../shared/transforms/value-map';

const rules = (over: Partial<FieldRules>): FieldRules => ({
  kind: 'text',
  maxLength: 255,
  valueMap: buildValueMap(undefined, undefined),
  dateOutput: 'wolkvox',
  ...over,
});

describe('fieldTransform of a system field', () => {
  const status = (template?: Record<string, string>) =>
    fieldTransform(
      rules({
        kind: 'system',
        systemValues: CASE_STATUS_VALUES,
        valueMap: buildValueMap(CASE_STATUS_VALUES.spanish, template),
      }),
    );

  it('translates Spanish values and accepts the English ones in any case, sent as the API spells them', () => {
    const transform = status();
    expect(transform('Abierto')).toEqual({ ok: true, value: 'open' });
    expect(transform('CERRADA')).toEqual({ ok: true, value: 'closed' });
    expect(transform('open')).toEqual({ ok: true, value: 'open' });
    expect(transform('Closed')).toEqual({ ok: true, value: 'closed' });
  });

  it('refuses a value it cannot translate, naming the allowed ones', () => {
    expect(status()('En proceso')).toEqual({
      ok: false,
      failure: {
        code: 'unknown-system-value',
        message: 'validation.unknown-system-value',
        params: { allowed: 'open, closed' },
      },
    });
  });

  it('sends what the template maps a value to, even outside the built-in English set', () => {
    const transform = status({ 'En proceso': 'in progress', Abierto: 'closed' });
    expect(transform('en proceso')).toEqual({ ok: true, value: 'in progress' });
    expect(transform('Abierto')).toEqual({ ok: true, value: 'closed' });
    expect(transform('Cerrado')).toEqual({ ok: true, value: 'closed' });
  });

  it('passes custom case types through: an operation may define its own', () => {
    const type = fieldTransform(
      rules({
        kind: 'system',
        systemValues: CASE_TYPE_VALUES,
        acceptsOtherValues: true,
        valueMap: buildValueMap(CASE_TYPE_VALUES.spanish, undefined),
      }),
    );
    expect(type('Queja')).toEqual({ ok: true, value: 'Complaints' });
    expect(type('request')).toEqual({ ok: true, value: 'Request' });
    expect(type('Garantía')).toEqual({ ok: true, value: 'Garantía' });
  });
});

describe('fieldTransform of other fields', () => {
  it('applies the template value map before the kind checks', () => {
    const phone = fieldTransform(
      rules({
        kind: 'phone',
        valueMap: buildValueMap(undefined, { 'Sin teléfono': '', Oficina: '6041234567' }),
      }),
    );
    expect(phone('sin telefono')).toEqual({ ok: true, value: '' });
    expect(phone('OFICINA')).toEqual({ ok: true, value: '6041234567' });
    expect(phone('300 123 4567')).toEqual({ ok: true, value: '3001234567' });
  });

  it('maps values of a text field', () => {
    const city = fieldTransform(rules({ valueMap: buildValueMap(undefined, { BOG: 'Bogotá' }) }));
    expect(city('bog')).toEqual({ ok: true, value: 'Bogotá' });
    expect(city('Cali')).toEqual({ ok: true, value: 'Cali' });
  });

  it('converts dates when the field has a date format', () => {
    const date = fieldTransform(rules({ kind: 'text', dateFormat: 'dd/mm/yyyy', dateOutput: 'iso-date' }));
    expect(date('05/03/2026')).toEqual({ ok: true, value: '2026-03-05' });
  });

  it('refuses a value longer than the field allows, after transforming it', () => {
    const short = fieldTransform(rules({ maxLength: 5 }));
    expect(short('12345')).toEqual({ ok: true, value: '12345' });
    expect(short('123456')).toEqual({
      ok: false,
      failure: {
        code: 'value-too-long',
        message: 'validation.value-too-long',
        params: { length: 6, max: 5 },
      },
    });
  });

  it('gives the same answer for a value seen before', () => {
    const phone = fieldTransform(rules({ kind: 'phone' }));
    expect(phone('3.00123E+09')).toEqual(phone('3.00123E+09'));
    expect(phone('300-123-4567')).toEqual({ ok: true, value: '3001234567' });
    expect(phone('300-123-4567')).toEqual({ ok: true, value: '3001234567' });
  });
});
