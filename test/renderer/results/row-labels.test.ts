import { describe, expect, it } from 'vitest';

import { createI18n } from '../../../renderer/i18n/i18n';
import { cellLabeller } from '../../../renderer/results/row-labels';

describe('cellLabeller', () => {
  it.each(['es', 'en'] as const)(
    'says in %s what i18next interpolation says, for every kind of cell',
    (lang) => {
      const t = createI18n(lang).t;
      const label = cellLabeller(t);
      const cells = [
        { value: 'Cali', column: 'Ciudad', row: 7, failed: false },
        { value: '', column: 'Descripción', row: 12, failed: false },
        { value: 'x@ejemplo.co', column: 'Correo contacto', row: 1_000_000, failed: true },
        { value: '', column: 'Estado', row: 3, failed: true },
        // Text that looks like a blank or a replacement pattern stays as typed.
        { value: '{{row}} $& $1', column: '{{value}}', row: 2, failed: false },
      ];
      for (const cell of cells) {
        const value = cell.value === '' ? t('a11y.emptyValue') : cell.value;
        const key = cell.failed ? 'resultsDetail.failedCell' : 'a11y.cellValue';
        expect(label(cell)).toBe(t(key, { value, column: cell.column, row: cell.row }));
      }
    },
  );
});
