import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { BuiltInConnections } from '../../../../electron/engine/connections/built-in-connections';
import { ConnectionResolver } from '../../../../electron/engine/connections/connection-resolver';
import { ConnectionStore } from '../../../../electron/engine/connections/connection-store';
import { createMemoryVault } from '../../../../electron/engine/secrets/memory-vault';
import { sandboxBaseUrl, sandboxConnections } from '../../../../electron/sandbox/sandbox-connections';
import type { Connection } from '../../../../shared/contract';
import { useTempDirs } from '../../../support/temp-dir';

const newTempDir = useTempDirs();
const SAVED: Connection = {
  id: 'crm-1',
  name: 'Producción',
  target: 'wolkvox-crm-cases',
  server: 'crm0007.wolkvox.com',
  operation: 'ventas',
};

function resolver(builtIn: BuiltInConnections | null) {
  const vault = createMemoryVault();
  return {
    vault,
    connections: new ConnectionResolver(
      new ConnectionStore(join(newTempDir(), 'connections.json')),
      vault,
      builtIn,
    ),
  };
}

const sandbox: BuiltInConnections = {
  origin: 'http://127.0.0.1:4555',
  baseUrl: (target) => sandboxBaseUrl(target, 'http://127.0.0.1:4555'),
  tokenFor: (connection) => `sandbox-token-${connection.target}`,
  connections: sandboxConnections(),
  reset: () => {},
  close: async () => {},
};

describe('ConnectionResolver', () => {
  it('lists the built-in connections first, then the saved ones, and resolves each to its origin and token', async () => {
    const { connections } = resolver(sandbox);
    await connections.save(SAVED, 'tok-1');
    expect(connections.list().map((each) => each.id)).toEqual([
      'sandbox-cases',
      'sandbox-records',
      'sandbox-campaign',
      'sandbox-thalamus',
      'crm-1',
    ]);
    expect(await connections.resolve(connections.find('sandbox-cases'))).toMatchObject({
      origin: 'http://127.0.0.1:4555',
      token: 'sandbox-token-wolkvox-crm-cases',
    });
    expect(await connections.resolve(connections.find('crm-1'))).toMatchObject({
      origin: 'https://crm0007.wolkvox.com',
      token: 'tok-1',
    });
    // The sandbox's Thalamus is served under a path, so its base URL carries it.
    expect(await connections.resolve(connections.find('sandbox-thalamus'))).toMatchObject({
      origin: 'http://127.0.0.1:4555/thalamus',
    });
    expect(await connections.summary(connections.find('sandbox-cases'))).toMatchObject({
      hasToken: true,
      isSandbox: true,
    });
  });

  it('refuses to save or delete over a built-in connection, and to use the sandbox when no front door started it', async () => {
    const { connections } = resolver(null);
    await expect(connections.save({ ...SAVED, id: 'sandbox-cases' }, undefined)).rejects.toMatchObject({
      detail: { code: 'job.sandbox-read-only' },
    });
    await expect(connections.delete('sandbox-campaign')).rejects.toMatchObject({
      detail: { code: 'job.sandbox-read-only' },
    });
    expect(connections.list()).toEqual([]);
    await expect(connections.resolve(sandboxConnections()[0]!)).rejects.toMatchObject({
      detail: { code: 'job.sandbox-off' },
    });
  });

  it('says which connection has no token, and lets a process-only connection stand in for a saved one', async () => {
    const { connections } = resolver(null);
    await connections.save(SAVED, undefined);
    await expect(connections.resolve(SAVED)).rejects.toMatchObject({
      detail: { code: 'job.no-token', params: { name: 'Producción' } },
    });
    await connections.useForThisProcess({ ...SAVED, server: 'crm0009.wolkvox.com' }, 'tok-9');
    expect(await connections.resolve(SAVED)).toMatchObject({
      origin: 'https://crm0009.wolkvox.com',
      token: 'tok-9',
    });
  });
});

describe('the engine and the sandbox', () => {
  it('the engine imports nothing of the sandbox: the front doors pass it in', () => {
    const engineDir = resolve(import.meta.dirname, '../../../../electron/engine');
    const offenders: string[] = [];
    for (const entry of readdirSync(engineDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const path = join(entry.parentPath, entry.name);
      if (/from '(\.\.\/)+sandbox\//.test(readFileSync(path, 'utf8'))) offenders.push(path);
    }
    expect(offenders).toEqual([]);
  });
});
