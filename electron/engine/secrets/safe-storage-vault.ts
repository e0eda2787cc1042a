import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

import * as z from 'zod';

import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { writeFileAtomic } from '../jobs/atomic-write';
import type { Vault } from './vault';

/** The part of Electron's `safeStorage` the vault uses; injected so it is tested without Electron. */
export interface StringEncryption {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const fileSchema = z.strictObject({
  version: z.literal(1),
  /** Connection id → token encrypted by the OS keychain, base64. */
  tokens: z.record(z.string(), z.string()),
});
type VaultFile = z.infer<typeof fileSchema>;

/**
 * The desktop app's tokens: encrypted with the OS keychain (Electron's `safeStorage`: Keychain,
 * DPAPI, libsecret/kwallet) and kept in a JSON file only this user can read (0600). The file
 * alone is useless on another machine or account. Without an available keychain nothing is
 * stored: a token is never written in clear by the desktop app.
 */
export function createSafeStorageVault(path: string, encryption: StringEncryption): Vault {
  const read = (): VaultFile => {
    if (!existsSync(path)) return { version: 1, tokens: {} };
    try {
      return fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      // A damaged file holds nothing that could still be decrypted reliably.
      return { version: 1, tokens: {} };
    }
  };
  const write = (file: VaultFile) => {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileAtomic(path, JSON.stringify(file), 0o600);
  };
  const requireEncryption = () => {
    if (!encryption.isEncryptionAvailable())
      throw new CargaError(msg('front-door.secure-storage-unavailable'));
  };

  return {
    get: async (key) => {
      const encrypted = read().tokens[key];
      if (encrypted === undefined) return undefined;
      requireEncryption();
      try {
        return encryption.decryptString(Buffer.from(encrypted, 'base64'));
      } catch {
        // Encrypted under another OS account or a reset keychain: as if never saved.
        return undefined;
      }
    },
    set: async (key, token) => {
      requireEncryption();
      const file = read();
      file.tokens[key] = encryption.encryptString(token).toString('base64');
      write(file);
    },
    delete: async (key) => {
      const file = read();
      if (!Object.hasOwn(file.tokens, key)) return;
      delete file.tokens[key];
      write(file);
    },
    has: async (key) => Object.hasOwn(read().tokens, key),
  };
}
