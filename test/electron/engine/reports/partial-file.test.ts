import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { PartialFile } from '../../../../electron/engine/reports/partial-file';
import { CargaError } from '../../../../shared/errors/carga-error';
import { useTempDir } from './temp-dir';

describe('PartialFile', () => {
  const tempDir = useTempDir();

  it('writes beside the final name and renames only when published', async () => {
    const dir = await tempDir();
    const path = join(dir, 'report.csv');
    const file = new PartialFile(path);
    await file.write('uno\r\n');
    expect(existsSync(path)).toBe(false);
    await file.write('dos\r\n');
    await file.publish();
    expect(await readFile(path, 'utf8')).toBe('uno\r\ndos\r\n');
    expect(await readdir(dir)).toEqual(['report.csv']);
  });

  it('replaces an earlier file only once the new one is complete', async () => {
    const dir = await tempDir();
    const path = join(dir, 'report.csv');
    await writeFile(path, 'old');
    const file = new PartialFile(path);
    await file.write('new');
    expect(await readFile(path, 'utf8')).toBe('old');
    await file.publish();
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('leaves nothing behind when discarded, and an earlier file untouched', async () => {
    const dir = await tempDir();
    const path = join(dir, 'report.csv');
    await writeFile(path, 'old');
    const file = new PartialFile(path);
    await file.write('half a repo');
    await file.discard();
    expect(await readdir(dir)).toEqual(['report.csv']);
    expect(await readFile(path, 'utf8')).toBe('old');
  });

  it('fails with a message naming the path when the folder does not exist', async () => {
    const dir = await tempDir();
    const path = join(dir, 'missing', 'report.csv');
    const file = new PartialFile(path);
    const error: unknown = await file.publish().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CargaError);
    expect((error as CargaError).detail).toEqual({
      code: 'report.write-failed',
      params: { path, reason: 'ENOENT' },
    });
    await file.discard();
  });
});
