import { describe, expect, it } from 'vitest';

import { cellText, numberNote, scientificText } from '../../../../electron/engine/files/xlsx-cell-text';

describe('cellText', () => {
  it('turns every kind of cell into the text a CRM receives', () => {
    expect(cellText(null, undefined, false)).toBe('');
    expect(cellText('Peña', undefined, false)).toBe('Peña');
    expect(cellText(0.1 + 0.2, undefined, false)).toBe('0.3');
    expect(cellText(42, '0000000000', false)).toBe('0000000042');
    expect(cellText(true, undefined, false)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2026, 2, 15)), 'dd/mm/yyyy', false)).toBe('2026-03-15');
    expect(cellText({ richText: [{ text: 'Cliente ' }, { text: 'VIP' }] }, undefined, false)).toBe(
      'Cliente VIP',
    );
    expect(cellText({ text: 'portal', hyperlink: 'https://example.com' }, undefined, false)).toBe('portal');
    expect(cellText({ formula: 'A1*2', result: 0.30000000000000004 }, undefined, false)).toBe('0.3');
    expect(cellText({ formula: 'B2+1', result: 46096 }, 'dd/mm/yyyy', false)).toBe('2026-03-15');
    expect(cellText({ formula: 'NOW()' }, undefined, false)).toBe('');
    expect(cellText({ formula: 'X1', result: { error: '#REF!' } }, undefined, false)).toBe('#REF!');
    expect(cellText({ error: '#N/A' }, undefined, false)).toBe('#N/A');
  });
});

describe('numberNote', () => {
  it('flags integers Excel shows in scientific notation and those past 15 digits', () => {
    expect(numberNote(3001234567, undefined)).toBeNull();
    expect(numberNote(30012345678, undefined)).toBe('scientific');
    expect(numberNote(3001234567, '0.00E+00')).toBe('scientific');
    expect(numberNote(1234567890123456, undefined)).toBe('digits-lost');
    expect(numberNote(12.5, '0.00E+00')).toBeNull();
    expect(numberNote('3001234567', undefined)).toBeNull();
    expect(scientificText(3001234567)).toBe('3.00123E+09');
  });
});
