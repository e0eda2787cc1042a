import { describe, expect, it } from 'vitest';

import { errorDetail, errorMessage } from '../../../renderer/app/error-message';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';

describe('errorMessage', () => {
  it('shows the engine’s message in the operator’s language', () => {
    const error = new CargaError(msg('file.empty', { name: 'casos.csv' }));
    expect(errorMessage('es', error)).toBe('El archivo casos.csv está vacío: no tiene encabezado ni filas.');
    expect(errorMessage('en', error)).toBe('File casos.csv is empty: it has no header and no rows.');
  });

  it('reads a message carried by any Error (one rebuilt after crossing IPC or HTTP)', () => {
    const error = Object.assign(new Error('file.empty'), {
      detail: { code: 'file.empty', params: { name: 'x.csv' } },
    });
    expect(errorDetail(error)).toEqual({ code: 'file.empty', params: { name: 'x.csv' } });
  });

  it('never shows an internal error text or a stack', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'rows')");
    expect(errorMessage('en', error)).toBe(
      'Something went wrong and the operation did not finish. Try again; if it keeps happening, restart Carga.',
    );
    expect(errorMessage('es', 'boom')).toBe(
      'Algo falló y la operación no terminó. Inténtelo de nuevo; si sigue pasando, reinicie Carga.',
    );
    expect(
      errorMessage('en', Object.assign(new Error('x'), { detail: { code: 'no.such-code' } })),
    ).not.toContain('no.such-code');
  });
});

describe('errorDetail', () => {
  it('takes only a known code with text or number parameters', () => {
    const carrying = (detail: unknown) => Object.assign(new Error('x'), { detail });
    expect(errorDetail(carrying({ code: 'file.empty', params: { name: 'x.csv' }, extra: 1 }))).toEqual({
      code: 'file.empty',
      params: { name: 'x.csv' },
    });
    expect(errorDetail(carrying({ code: 'file.empty', params: { name: { nested: true } } }))).toBeNull();
    expect(errorDetail(carrying({ code: 'file.empty', params: ['x.csv'] }))).toBeNull();
    expect(errorDetail(carrying({ code: 'file.empty', params: null }))).toBeNull();
    expect(errorDetail(carrying({ code: 42 }))).toBeNull();
    expect(errorDetail(carrying('file.empty'))).toBeNull();
  });
});
