import { describe, expect, it } from 'vitest';

import { compactName, normalizeName } from '../../../shared/mapping/normalize-name';

describe('normalizeName', () => {
  it('folds accents, case, spacing and punctuation', () => {
    expect(normalizeName('Correo  Contácto')).toBe('correo contacto');
    expect(normalizeName('  DESCRIPCIÓN ')).toBe('descripcion');
    expect(normalizeName('case-type')).toBe('case type');
    expect(normalizeName('customer_last_name')).toBe('customer last name');
    expect(normalizeName('Apellido(s)')).toBe('apellido s');
    expect(normalizeName('Dueño')).toBe('dueno');
    expect(normalizeName('E-mail')).toBe('e mail');
    expect(normalizeName('Teléfono\t1')).toBe('telefono 1');
  });

  it('leaves nothing of a name made only of punctuation', () => {
    expect(normalizeName(' -- ')).toBe('');
  });
});

describe('compactName', () => {
  it('also drops the spaces, so names that differ only by spacing match', () => {
    expect(compactName('Tel 1')).toBe('tel1');
    expect(compactName('E-mail')).toBe('email');
    expect(compactName('Fecha Cierre')).toBe(compactName('fechacierre'));
  });
});
