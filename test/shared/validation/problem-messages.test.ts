import { describe, expect, it } from 'vitest';

import { catalog, formatMessage } from '../../../shared/messages/catalog';
import { validationMessages } from '../../../shared/messages/validation-messages';
import { PROBLEM_CODES } from '../../../shared/validation/problems';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('validation, mapping and check texts', () => {
  it('use the same placeholders in Spanish and English', () => {
    for (const [code, texts] of Object.entries(validationMessages)) {
      const es = placeholders(texts.es).filter((p) => p !== 'labelEs');
      const en = placeholders(texts.en).filter((p) => p !== 'labelEn');
      expect(es, code).toEqual(en);
    }
  });

  it('name every kind of problem for the check summary', () => {
    for (const code of PROBLEM_CODES) expect(Object.hasOwn(catalog, `check.kind.${code}`), code).toBe(true);
  });

  it('tell the operator the row, the column, the value and what to do', () => {
    const message = {
      code: 'validation.phone-scientific' as const,
      params: { row: 12, column: 'Teléfono', value: '3.00123E+09' },
    };
    expect(formatMessage('es', message)).toBe(
      'Fila 12, columna «Teléfono»: «3.00123E+09» está en notación científica; Excel perdió dígitos. Formatee la columna como texto en Excel y vuelva a exportar.',
    );
    expect(formatMessage('en', message)).toBe(
      'Row 12, column «Teléfono»: «3.00123E+09» is in scientific notation; Excel lost digits. Format the column as text in Excel and export again.',
    );
  });
});
