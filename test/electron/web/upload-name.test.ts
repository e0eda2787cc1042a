import { describe, expect, it } from 'vitest';

import { sanitizeUploadName } from '../../../electron/web/upload-name';

describe('sanitizeUploadName', () => {
  it('keeps an ordinary name as it is, accents and spaces included', () => {
    expect(sanitizeUploadName('Casos marzo – Bogotá (v2).xlsx')).toBe('Casos marzo – Bogotá (v2).xlsx');
  });

  it('keeps only the last part of a path, with either separator', () => {
    expect(sanitizeUploadName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeUploadName('C:\\Users\\ana\\casos.csv')).toBe('casos.csv');
    expect(sanitizeUploadName('/')).toBe('upload');
  });

  it('replaces control and reserved characters, and strips leading dots and trailing dots or spaces', () => {
    expect(sanitizeUploadName('a\u0000b\nc<d>e:f"g|h?i*j.csv')).toBe('a_b_c_d_e_f_g_h_i_j.csv');
    expect(sanitizeUploadName('..hidden.csv')).toBe('hidden.csv');
    expect(sanitizeUploadName('casos.csv. . ')).toBe('casos.csv');
  });

  it('does not produce a device name Windows reserves', () => {
    expect(sanitizeUploadName('CON.csv')).toBe('_CON.csv');
    expect(sanitizeUploadName('lpt1')).toBe('_lpt1');
    expect(sanitizeUploadName('console.csv')).toBe('console.csv');
  });

  it('shortens a very long name but keeps its extension', () => {
    const name = sanitizeUploadName(`${'x'.repeat(500)}.xlsx`);
    expect(name).toHaveLength(180);
    expect(name.endsWith('x.xlsx')).toBe(true);
  });

  it('names an empty or missing name "upload"', () => {
    expect(sanitizeUploadName('')).toBe('upload');
    expect(sanitizeUploadName(null)).toBe('upload');
    expect(sanitizeUploadName('...')).toBe('upload');
  });
});
