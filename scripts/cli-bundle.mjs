// The CLI runs as prebuilt JavaScript (no TypeScript loader at start-up). The bundle is rebuilt
// whenever a source is newer than it, so a checkout never runs stale code; `npm ci` builds it
// once through the `prepare` script.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'dist', 'cli');
export const CLI_BUNDLE = join(OUT_DIR, 'carga.js');
const SOURCE_DIRS = ['electron', 'shared'].map((dir) => join(ROOT, dir));

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh() {
  if (!existsSync(CLI_BUNDLE)) return false;
  const built = statSync(CLI_BUNDLE).mtimeMs;
  return SOURCE_DIRS.every((dir) => !existsSync(dir) || newestSourceTime(dir) <= built);
}

/** ESM with code splitting: each command, and what only it needs, is a chunk loaded on use. */
export async function buildCli() {
  const { build } = await import('esbuild');
  await build({
    entryPoints: { carga: join(ROOT, 'electron', 'cli.ts') },
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
  return CLI_BUNDLE;
}

/** The bundle's path, built first when missing or older than a source. */
export async function freshCliBundle() {
  return isFresh() ? CLI_BUNDLE : buildCli();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
