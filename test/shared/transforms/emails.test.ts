import { describe, expect, it } from 'vitest';

import { checkEmail } from '../../../shared/transforms/emails';

describe('checkEmail', () => {
  it('accepts the usual shapes as written', () => {
    expect(checkEmail('ana.perez@empresa.com.co')).toEqual({ ok: true, value: 'ana.perez@empresa.com.co' });
    expect(checkEmail('Ana+casos@Empresa.CO')).toEqual({ ok: true, value: 'Ana+casos@Empresa.CO' });
  });

  it('refuses what is not one address', () => {
    const invalid = { ok: false, failure: { code: 'invalid-email', message: 'validation.invalid-email' } };
    for (const value of [
      'ana.perez',
      'ana@empresa',
      'ana perez@empresa.com',
      'ana@@empresa.com',
      'a@x.com; b@y.com',
      '@empresa.com',
      'ana@.com',
      'ana@empresa.',
    ]) {
      expect(checkEmail(value)).toEqual(invalid);
    }
  });
});
