import { describe, expect, it } from 'vitest';

import { normalizePhone } from '../../../shared/transforms/phones';

const ok = (value: string) => ({ ok: true, value });

describe('normalizePhone', () => {
  it('keeps the digits of a well-written number', () => {
    expect(normalizePhone('3001234567')).toEqual(ok('3001234567'));
    expect(normalizePhone('6041234')).toEqual(ok('6041234'));
  });

  it('drops spaces, dashes, dots, parentheses and the + of an international prefix', () => {
    expect(normalizePhone('300 123 4567')).toEqual(ok('3001234567'));
    expect(normalizePhone('300-123-4567')).toEqual(ok('3001234567'));
    expect(normalizePhone('(604) 123.4567')).toEqual(ok('6041234567'));
    expect(normalizePhone('+57 300 123 4567')).toEqual(ok('573001234567'));
    expect(normalizePhone('300\u00a0123\u00a04567')).toEqual(ok('3001234567'));
  });

  it('drops the decimals of a phone Excel stored as a number', () => {
    expect(normalizePhone('3001234567.0')).toEqual(ok('3001234567'));
    expect(normalizePhone('3001234567,00')).toEqual(ok('3001234567'));
  });

  it('refuses scientific notation: Excel already lost digits', () => {
    const scientific = {
      ok: false,
      failure: { code: 'phone-scientific', message: 'validation.phone-scientific' },
    };
    expect(normalizePhone('3.00123E+09')).toEqual(scientific);
    expect(normalizePhone('3,00123E+09')).toEqual(scientific);
    expect(normalizePhone('3E9')).toEqual(scientific);
    expect(normalizePhone('5.73001e+11')).toEqual(scientific);
  });

  it('refuses fewer than 7 digits', () => {
    expect(normalizePhone('123456')).toEqual({
      ok: false,
      failure: { code: 'phone-too-short', message: 'validation.phone-too-short', params: { digits: 6 } },
    });
    expect(normalizePhone('300-12')).toEqual({
      ok: false,
      failure: { code: 'phone-too-short', message: 'validation.phone-too-short', params: { digits: 5 } },
    });
  });

  it('refuses letters, other symbols and two numbers in one cell', () => {
    const invalid = { ok: false, failure: { code: 'phone-invalid', message: 'validation.phone-invalid' } };
    expect(normalizePhone('300 123 4567 ext 12')).toEqual(invalid);
    expect(normalizePhone('N/A')).toEqual(invalid);
    expect(normalizePhone('3001234567 / 3109876543')).toEqual(invalid);
    expect(normalizePhone('3001234567-3109876543')).toEqual({
      ok: false,
      failure: { code: 'phone-invalid', message: 'validation.phone-too-long', params: { digits: 20 } },
    });
  });
});
