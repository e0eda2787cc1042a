import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
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
    const built = statSync(join(ROOT, 'dist/node/carga.cjs')).mtimeMs;
    expect(built).toBeGreaterThanOrEqual(
      Math.max(newestMtime(join(ROOT, 'electron')), newestMtime(join(ROOT, 'shared'))),
    );
  });

  it('runs with the compiled code its last run left, and a damaged one is refused and taken again', async () => {
    const run = () =>
      promisify(execFile)(
        join(ROOT, 'node_modules/.bin/node'),
        [join(ROOT, 'bin/carga.js'), 'report', '--help', '--lang', 'en'],
        { cwd: ROOT },
      );
    await run();
    const cacheDir = join(ROOT, 'dist/node-compile-cache');
    const cache = join(cacheDir, 'cli-report-help.v8-code');
    expect(existsSync(cache)).toBe(true);
    const damaged = Buffer.from('not code V8 wrote');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cache, damaged);
    const { stdout } = await run();
    expect(stdout).toMatch(/^Usage: carga report JOB/);
    expect(readFileSync(cache).equals(damaged)).toBe(false);
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

  it.each([
    ['carga', 'bin/carga.js', ['import', '--help', '--lang', 'en']],
    ['web', 'bin/carga-web.js', ['--help', '--lang', 'en']],
  ])(
    'npm run %s starts the engine on the same Node flags as the installed command',
    async (script, entry, args) => {
      // npm is a Node process too: the probe names the script each process runs.
      const probe = `data:text/javascript,process.on('exit',()=>console.error('flags:'+process.argv[1]+'|'+process.execArgv))`;
      const { stderr } = await promisify(execFile)('npm', ['run', '--silent', script, '--', ...args], {
        cwd: ROOT,
        env: {
          ...process.env,
          PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
          NODE_OPTIONS: `--import=${probe}`,
        },
      });
      const line = stderr.split('\n').find((text) => text.startsWith('flags:') && text.includes(entry));
      expect(line).toMatch(/--max-semi-space-size=8\b/);
    },
  );

  it('started by an older Node on the PATH, hands over to the pinned one instead of failing', async (context) => {
    const system = '/usr/bin/node';
    const version = existsSync(system)
      ? (await promisify(execFile)(system, ['-p', 'process.versions.node'])).stdout.trim()
      : null;
    if (version === null || Number(version.split('.')[0]) >= 22) {
      console.log(`skipped: no Node older than 22 at ${system} (${version ?? 'none'})`);
      context.skip();
    }
    const home = mkdtempSync(join(tmpdir(), 'carga-old-node-'));
    try {
      const { stdout } = await promisify(execFile)(
        system,
        [join(ROOT, 'bin/carga.js'), 'inspect', join(ROOT, 'examples/casos-ejemplo.csv'), '--json'],
        { cwd: ROOT, env: { ...process.env, CARGA_HOME: home } },
      );
      expect(JSON.parse(stdout)).toMatchObject({ kind: 'csv', rowCount: 20 });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
