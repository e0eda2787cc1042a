import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

import * as z from 'zod';

import { writeFileAtomic } from '../jobs/atomic-write';
import type { Vault } from './vault';

const fileSchema = z.record(z.string(), z.string());

/**
 * Tokens in a file only this user can read (0600), for the web front door, which has no OS
 * keychain; like `gh` or `~/.netrc` without a keyring. The desktop app uses `safeStorage`.
 */
export function createFileVault(path: string): Vault {
  const read = (): Record<string, string> => {
    if (!existsSync(path)) return {};
    try {
      return fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      return {};
    }
  };
  const write = (tokens: Record<string, string>) => {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileAtomic(path, JSON.stringify(tokens), 0o600);
  };
  return {
    get: async (key) => read()[key],
    set: async (key, token) => write({ ...read(), [key]: token }),
    delete: async (key) => {
      const tokens = read();
      delete tokens[key];
      write(tokens);
    },
    has: async (key) => Object.hasOwn(read(), key),
  };
}
