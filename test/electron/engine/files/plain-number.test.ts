import { describe, expect, it } from 'vitest';

import { plainNumber } from '../../../../electron/engine/files/plain-number';

describe('plainNumber', () => {
  it('drops float noise by keeping 15 significant digits', () => {
    expect(plainNumber(0.1 + 0.2)).toBe('0.3');
    expect(plainNumber(1.1 * 3)).toBe('3.3');
    expect(plainNumber(-1234.5)).toBe('-1234.5');
  });

  it('never writes an exponent', () => {
    expect(plainNumber(3001234567)).toBe('3001234567');
    expect(plainNumber(573001234567)).toBe('573001234567');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(1234567890123456)).toBe('1234567890123460');
  });

  it('writes zero as 0', () => {
    expect(plainNumber(0)).toBe('0');
    expect(plainNumber(-0)).toBe('0');
  });
});
