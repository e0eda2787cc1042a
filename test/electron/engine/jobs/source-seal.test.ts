import {
  appendFileSync,
  chmodSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { SEAL_BLOCK_BYTES, SourceSeal } from '../../../../electron/engine/jobs/source-seal';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

/** A source of three and a half blocks, each block's bytes different from the others. */
function sourceFile(dir: string): { path: string; bytes: Buffer } {
  const bytes = Buffer.alloc(SEAL_BLOCK_BYTES * 3.5);
  for (let i = 0; i < bytes.length; i++) bytes[i] = 97 + ((i * 7 + Math.floor(i / 977)) % 26);
  const path = join(dir, 'casos.csv');
  writeFileSync(path, bytes);
  // Whole seconds, so the time can be put back to the nanosecond after a rewrite.
  utimesSync(path, 1_700_000_000, 1_700_000_000);
  return { path, bytes };
}

function sealOf(dir: string, path: string): SourceSeal {
  const folder = join(dir, 'job');
  mkdirSync(folder, { recursive: true });
  const stat = statSync(path);
  return SourceSeal.create(folder, { path, name: 'casos.csv', size: stat.size, mtimeMs: stat.mtimeMs });
}

function reopen(dir: string, path: string): SourceSeal {
  const stat = statSync(path);
  return SourceSeal.open(join(dir, 'job'), {
    path,
    name: 'casos.csv',
    size: stat.size,
    mtimeMs: stat.mtimeMs,
  });
}

/** Reads the seal's bytes until it ends or refuses: what was handed on, and the refusal. */
async function readAll(seal: SourceSeal): Promise<{ bytes: Buffer; error: unknown }> {
  const pieces: Buffer[] = [];
  try {
    for await (const piece of seal.blocks()) pieces.push(Buffer.from(piece));
    return { bytes: Buffer.concat(pieces), error: null };
  } catch (error) {
    return { bytes: Buffer.concat(pieces), error };
  }
}

/** Rewrites bytes in place and puts the modification time back, as a careless tool could. */
function rewriteKeepingSizeAndTime(path: string, at: number, replacement: string): void {
  const before = statSync(path, { bigint: true });
  const bytes = readFileSync(path);
  bytes.write(replacement, at);
  writeFileSync(path, bytes);
  utimesSync(path, Number(before.atimeMs) / 1000, Number(before.mtimeMs) / 1000);
  const after = statSync(path, { bigint: true });
  expect([after.size, after.mtimeNs]).toEqual([before.size, before.mtimeNs]);
}

const CHANGED = { detail: { code: 'job.file-changed', params: { name: 'casos.csv' } } };

describe('the seal of a job’s source file', () => {
  it('hands on the file’s bytes exactly, and every later read of the same bytes passes', async () => {
    const dir = tempDir();
    const { path, bytes } = sourceFile(dir);
    const seal = sealOf(dir, path);
    const first = await readAll(seal);
    expect(first.error).toBeNull();
    expect(first.bytes.equals(bytes)).toBe(true);
    expect(seal.complete).toBe(true);
    // Another process (a resume after a restart) proves the same bytes from the seal on disk.
    const again = await readAll(reopen(dir, path));
    expect(again.error).toBeNull();
    expect(again.bytes.equals(bytes)).toBe(true);
  });

  it('refuses a same-size rewrite with the modification time put back, before any byte of the changed block', async () => {
    const dir = tempDir();
    const { path, bytes } = sourceFile(dir);
    const seal = sealOf(dir, path);
    await readAll(seal);
    rewriteKeepingSizeAndTime(path, SEAL_BLOCK_BYTES * 2 + 10, 'ZZZZ');
    expect(seal.unchanged()).toBe(false);
    for (const reader of [seal, reopen(dir, path)]) {
      const { bytes: handed, error } = await readAll(reader);
      expect(error).toMatchObject(CHANGED);
      // Blocks 0 and 1 are the job's own bytes; nothing of block 2 was handed on.
      expect(handed.equals(bytes.subarray(0, SEAL_BLOCK_BYTES * 2))).toBe(true);
    }
    await expect(reopen(dir, path).assertProvable()).rejects.toMatchObject(CHANGED);
  });

  it('refuses a truncated, an extended and a deleted file', async () => {
    const dir = tempDir();
    const { path } = sourceFile(dir);
    const seal = sealOf(dir, path);
    await readAll(seal);

    truncateSync(path, SEAL_BLOCK_BYTES * 3);
    expect((await readAll(seal)).error).toMatchObject(CHANGED);
    await expect(seal.assertProvable()).rejects.toMatchObject(CHANGED);

    sourceFile(dir);
    appendFileSync(path, 'Solicitud;otra fila\r\n');
    expect((await readAll(seal)).error).toMatchObject(CHANGED);

    rmSync(path);
    expect((await readAll(seal)).error).toMatchObject(CHANGED);
    await expect(seal.assertProvable()).rejects.toMatchObject(CHANGED);
  });

  it('takes a touched file with the same bytes as the job’s own again, after reading it through', async () => {
    const dir = tempDir();
    const { path, bytes } = sourceFile(dir);
    const seal = sealOf(dir, path);
    await readAll(seal);
    chmodSync(path, 0o600);
    utimesSync(path, new Date(), new Date());
    expect(seal.unchanged()).toBe(false);
    await seal.assertProvable();
    expect(seal.unchanged()).toBe(true);
    expect(reopen(dir, path).unchanged()).toBe(true);
    expect((await readAll(seal)).bytes.equals(bytes)).toBe(true);
  });

  it('never takes a block first met after the file changed for the job’s own', async () => {
    const dir = tempDir();
    const { path } = sourceFile(dir);
    const seal = sealOf(dir, path);
    // The job was created; before its first read, the file was rewritten with the same size and time.
    rewriteKeepingSizeAndTime(path, 5, 'ZZZZ');
    const { bytes: handed, error } = await readAll(seal);
    expect(error).toMatchObject(CHANGED);
    expect(handed.length).toBe(0);
    await expect(seal.assertProvable()).rejects.toMatchObject(CHANGED);
  });

  it('ignores a hash record cut short by a crash and records that block again while the file is unchanged', async () => {
    const dir = tempDir();
    const { path, bytes } = sourceFile(dir);
    await readAll(sealOf(dir, path));
    const blocksFile = join(dir, 'job', 'source-blocks.bin');
    truncateSync(blocksFile, statSync(blocksFile).size - 5);
    const seal = reopen(dir, path);
    expect(seal.complete).toBe(false);
    const { bytes: handed, error } = await readAll(seal);
    expect(error).toBeNull();
    expect(handed.equals(bytes)).toBe(true);
    expect(seal.complete).toBe(true);
  });

  it('proves nothing when the seal itself is unreadable', async () => {
    const dir = tempDir();
    const { path } = sourceFile(dir);
    await readAll(sealOf(dir, path));
    writeFileSync(join(dir, 'job', 'source-seal.json'), '{"version":');
    const seal = reopen(dir, path);
    expect((await readAll(seal)).error).toMatchObject(CHANGED);
    await expect(seal.assertProvable()).rejects.toMatchObject(CHANGED);
  });
});
