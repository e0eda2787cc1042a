import { describe, expect, it } from 'vitest';

import { initialConnection } from '../../../renderer/app/initial-connection';
import type { ConnectionSummary } from '../../../shared/contract';

const sandbox: ConnectionSummary = {
  id: 'sandbox',
  name: 'Sandbox',
  target: 'wolkvox-crm-cases',
  server: 'sandbox',
  hasToken: false,
  isSandbox: true,
};
const real: ConnectionSummary = {
  id: 'c1',
  name: 'Ventas',
  target: 'wolkvox-crm-cases',
  server: 'crm0001.wolkvox.com',
  hasToken: true,
  isSandbox: false,
};

describe('initialConnection', () => {
  it('picks the sandbox on a first start', () => {
    expect(initialConnection([real, sandbox], null)).toBe(sandbox);
  });

  it('picks the connection used last time while it exists', () => {
    expect(initialConnection([sandbox, real], 'c1')).toBe(real);
    expect(initialConnection([sandbox, real], 'deleted')).toBe(sandbox);
    expect(initialConnection([], null)).toBeNull();
  });
});
