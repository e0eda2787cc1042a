import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { writeRedirectFile } from '../../../electron/web/browser-redirect-file';
import { useTempDirs } from '../../support/temp-dir';

const newTempDir = useTempDirs();
const URL_WITH_TICKET = 'http://127.0.0.1:4100/open?t=abc_DEF-123';

describe('the file the browser is opened with', () => {
  it('is readable by its owner only, in a folder only its owner can enter, and forwards to the address', async () => {
    const dir = join(newTempDir(), 'run');
    const path = await writeRedirectFile(dir, 'web-4100', URL_WITH_TICKET);
    expect(path).toBe(join(dir, 'web-4100.html'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${URL_WITH_TICKET}">`);
    expect(html).toContain(`<a href="${URL_WITH_TICKET}">`);
  });

  it('closes a folder left open to others, and replaces an earlier file rather than writing through it', async () => {
    const dir = join(newTempDir(), 'run');
    mkdirSync(dir, { mode: 0o777 });
    const target = join(newTempDir(), 'elsewhere.html');
    writeFileSync(target, 'untouched');
    symlinkSync(target, join(dir, 'web-4100.html'));
    const path = await writeRedirectFile(dir, 'web-4100', URL_WITH_TICKET);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readFileSync(target, 'utf8')).toBe('untouched');
    expect(readFileSync(path, 'utf8')).toContain(URL_WITH_TICKET);
  });

  it('writes nothing through a folder that is a link to elsewhere', async () => {
    const real = newTempDir();
    const link = join(newTempDir(), 'run');
    symlinkSync(real, link);
    await expect(writeRedirectFile(link, 'web-4100', URL_WITH_TICKET)).rejects.toThrow(
      /not a private folder/,
    );
  });

  it('escapes the address inside the HTML', async () => {
    const path = await writeRedirectFile(newTempDir(), 'x', 'http://127.0.0.1:1/open?t="><script>');
    expect(readFileSync(path, 'utf8')).not.toContain('"><script>');
  });
});
