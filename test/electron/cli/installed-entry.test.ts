import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function newestMtime(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestMtime(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  );
}

describe('bin/carga.js', () => {
  it('runs the prebuilt bundle, never one older than the sources', async () => {
    const { stdout } = await promisify(execFile)(
      join(ROOT, 'node_modules/.bin/node'),
      [join(ROOT, 'bin/carga.js'), 'import', '--help', '--lang', 'en'],
      {
        cwd: ROOT,
      },
    );
    expect(stdout).toMatch(/^Usage: carga import FILE \[options\]\n/);
    expect(stdout).toMatch(/^ {2}--campaign-status TEXT +\S/m);
    const built = statSync(join(ROOT, 'dist/node/carga.js')).mtimeMs;
    expect(built).toBeGreaterThanOrEqual(
      Math.max(newestMtime(join(ROOT, 'electron')), newestMtime(join(ROOT, 'shared'))),
    );
  });

  it('runs as a program on its own Node flags: the young generation capped, so large batches stay lean', async () => {
    // A probe loaded before the CLI reports the flags the interpreter line gave Node (no spaces:
    // NODE_OPTIONS splits on them).
    const probe = `data:text/javascript,process.on('exit',()=>console.error('flags:'+process.execArgv))`;
    const { stdout, stderr } = await promisify(execFile)(
      join(ROOT, 'bin/carga.js'),
      ['import', '--help', '--lang', 'en'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
          NODE_OPTIONS: `--import=${probe}`,
        },
      },
    );
    expect(stdout).toMatch(/^Usage: carga import FILE \[options\]\n/);
    expect(stderr).toMatch(/^flags:.*--max-semi-space-size=8\b/m);
  });
});
