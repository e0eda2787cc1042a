import { describe, expect, it } from 'vitest';

import { declaredTransform, readDecimal, wireValue } from '../../../shared/mapping/declared-types';

describe('declared types', () => {
  it.each([
    ['1.234,56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['1.234.567,89', '1234567.89'],
    ['250.000', '250000'],
    ['2,5', '2.5'],
    ['0,125', '0.125'],
    ['-12', '-12'],
    ['1234', '1234'],
  ])('reads the decimal %s as %s', (text, value) => {
    expect(readDecimal(text)).toBe(value);
  });

  it.each(['1.23.4', '12a', '1,234,56', '$1.000', ''])('refuses %j as a decimal', (text) => {
    expect(readDecimal(text)).toBeNull();
  });

  it('converts yes/no words, whole numbers and dates, refusing what is not one', () => {
    const boolean = declaredTransform('boolean', undefined, 'iso-date')!;
    expect(['Sí', 'si', 'true', 'X'].map((v) => boolean(v))).toEqual(
      Array(4).fill({ ok: true, value: 'true' }),
    );
    expect(['No', 'false', '0'].map((v) => boolean(v))).toEqual(Array(3).fill({ ok: true, value: 'false' }));
    expect(boolean('quizás')).toMatchObject({
      ok: false,
      failure: { code: 'invalid-typed-value', message: 'validation.not-a-boolean' },
    });
    const integer = declaredTransform('number', undefined, 'iso-date')!;
    expect(integer('1.500')).toEqual({ ok: true, value: '1500' });
    expect(integer('2,5')).toMatchObject({ ok: false, failure: { message: 'validation.not-an-integer' } });
    expect(declaredTransform('date', 'dd/mm/yyyy', 'iso-date')!('15/03/2026')).toEqual({
      ok: true,
      value: '2026-03-15',
    });
  });

  it('takes a table from a cell holding a JSON array of rows, and refuses anything else', () => {
    const table = declaredTransform('table', undefined, 'wolkvox')!;
    expect(table('[{"SKU":"A1","Cantidad":2}]')).toEqual({ ok: true, value: '[{"SKU":"A1","Cantidad":2}]' });
    for (const bad of ['{"SKU":"A1"}', '[1,2]', 'A1; A2', '[{"x":{"y":1}}]'])
      expect(table(bad)).toMatchObject({ ok: false, failure: { message: 'validation.not-a-table' } });
  });

  it('puts values on the wire with their JSON types', () => {
    expect(wireValue('boolean', 'true')).toBe(true);
    expect(wireValue('decimal', '1234.56')).toBe(1234.56);
    expect(wireValue('number', '3')).toBe(3);
    expect(wireValue('address', 'Calle 145a #12-60')).toEqual({
      type: 'address',
      value: 'Calle 145a #12-60',
    });
    expect(wireValue('table', '[{"SKU":"A1"}]')).toEqual({ type: 'table', value: [{ SKU: 'A1' }] });
    expect(wireValue(undefined, '007')).toBe('007');
    expect(wireValue('date', '2026-03-15')).toBe('2026-03-15');
  });
});
