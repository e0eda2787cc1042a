import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  createSafeStorageVault,
  type StringEncryption,
} from '../../../../electron/engine/secrets/safe-storage-vault';
import { useTempDirs } from '../../../support/temp-dir';

const newTempDir = useTempDirs();

/** Stands in for the OS keychain: a reversible transformation, so a clear token never equals its
 * stored form, and a switch for "no keychain available". */
function fakeKeychain(available = true): StringEncryption & { available: boolean } {
  return {
    available,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString: (plain) => Buffer.from(`enc:${[...plain].reverse().join('')}`, 'utf8'),
    decryptString: (encrypted) => {
      const text = encrypted.toString('utf8');
      if (!text.startsWith('enc:'))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice(4)].reverse().join('');
    },
  };
}

describe('the safeStorage vault', () => {
  it('keeps tokens encrypted in a file only the user can read, and gives them back', async () => {
    const path = join(newTempDir(), 'carga', 'tokens.json');
    const vault = createSafeStorageVault(path, fakeKeychain());
    await vault.set('crm-1', 'tok-ABCDEF-123');
    await vault.set('crm-2', 'otro-token');
    expect(await vault.get('crm-1')).toBe('tok-ABCDEF-123');
    expect(await vault.has('crm-2')).toBe(true);
    expect(await vault.has('crm-3')).toBe(false);
    expect(await vault.get('crm-3')).toBeUndefined();
    const onDisk = readFileSync(path, 'utf8');
    expect(onDisk).not.toContain('tok-ABCDEF-123');
    expect(onDisk).not.toContain('otro-token');
    expect(JSON.parse(onDisk)).toEqual({
      version: 1,
      tokens: {
        'crm-1': Buffer.from('enc:321-FEDCBA-kot').toString('base64'),
        'crm-2': Buffer.from('enc:nekot-orto').toString('base64'),
      },
    });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reads what an earlier launch saved', async () => {
    const path = join(newTempDir(), 'tokens.json');
    await createSafeStorageVault(path, fakeKeychain()).set('crm-1', 'tok-1');
    expect(await createSafeStorageVault(path, fakeKeychain()).get('crm-1')).toBe('tok-1');
  });

  it('deletes a token', async () => {
    const path = join(newTempDir(), 'tokens.json');
    const vault = createSafeStorageVault(path, fakeKeychain());
    await vault.set('crm-1', 'tok-1');
    await vault.delete('crm-1');
    await vault.delete('never-saved');
    expect(await vault.has('crm-1')).toBe(false);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1, tokens: {} });
  });

  it('refuses to store a token when the OS offers no keychain, and writes nothing', async () => {
    const path = join(newTempDir(), 'tokens.json');
    const vault = createSafeStorageVault(path, fakeKeychain(false));
    await expect(vault.set('crm-1', 'tok-1')).rejects.toMatchObject({
      detail: { code: 'front-door.secure-storage-unavailable' },
    });
    expect(() => statSync(path)).toThrow();
  });

  it('treats a token it can no longer decrypt (another account, a reset keychain) as absent', async () => {
    const path = join(newTempDir(), 'tokens.json');
    writeFileSync(
      path,
      JSON.stringify({ version: 1, tokens: { 'crm-1': Buffer.from('garbage').toString('base64') } }),
    );
    expect(await createSafeStorageVault(path, fakeKeychain()).get('crm-1')).toBeUndefined();
  });

  it('starts empty from a damaged file', async () => {
    const path = join(newTempDir(), 'tokens.json');
    writeFileSync(path, '{"version":1,"tok');
    const vault = createSafeStorageVault(path, fakeKeychain());
    expect(await vault.has('crm-1')).toBe(false);
    await vault.set('crm-1', 'tok-1');
    expect(await vault.get('crm-1')).toBe('tok-1');
  });
});
