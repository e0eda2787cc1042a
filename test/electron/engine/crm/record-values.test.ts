import { describe, expect, it } from 'vitest';

import { nonEmpty } from '../../../../electron/engine/crm/record-values';

describe('nonEmpty', () => {
  it('leaves blank values out, keeping the order of the others', () => {
    const kept = nonEmpty({ tel1: '3001234567', city: '', customer_name: 'Ana', tel2: '' });
    expect(kept).toEqual({ tel1: '3001234567', customer_name: 'Ana' });
    expect(JSON.stringify(kept)).toBe('{"tel1":"3001234567","customer_name":"Ana"}');
  });

  it('hands back the same values, uncopied, when none is blank', () => {
    const values = { tel1: '3001234567', customer_name: 'Ana' };
    expect(nonEmpty(values)).toBe(values);
    expect(nonEmpty({})).toEqual({});
  });
});
