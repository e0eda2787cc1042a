import type { Vault } from './vault';

/** Tokens held for this process only: the CLI, which reads its token from the environment. */
export function createMemoryVault(): Vault {
  const tokens = new Map<string, string>();
  return {
    get: async (key) => tokens.get(key),
    set: async (key, token) => {
      tokens.set(key, token);
    },
    delete: async (key) => {
      tokens.delete(key);
    },
    has: async (key) => tokens.has(key),
  };
}
