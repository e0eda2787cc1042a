import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** What the built renderer is made from: a change to any of these means building again. */
const SOURCES = ['renderer', 'shared', 'vite.renderer.config.ts', 'package.json'];

/** The newest modification time (ms) among files under these paths; 0 when none exists.
 * Skips node_modules and hidden folders. */
export async function newestModification(paths: string[]): Promise<number> {
  let newest = 0;
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    if (info.isFile()) newest = Math.max(newest, info.mtimeMs);
    else if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      const children = entries
        .filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules')
        .map((entry) => join(path, entry.name));
      newest = Math.max(newest, await newestModification(children));
    }
  }
  return newest;
}

/** Whether `<outDir>/index.html` is missing or older than any renderer source. */
export async function rendererBuildIsStale(projectRoot: string, outDir: string): Promise<boolean> {
  const built = await stat(join(outDir, 'index.html')).catch(() => null);
  if (!built) return true;
  const newest = await newestModification(SOURCES.map((source) => join(projectRoot, source)));
  return newest > built.mtimeMs;
}

/** Builds the renderer with Vite into `outDir` when it is missing or stale; says whether it did. */
export async function ensureRendererBuilt(
  projectRoot: string,
  outDir: string,
  onBuild?: () => void,
): Promise<boolean> {
  if (!(await rendererBuildIsStale(projectRoot, outDir))) return false;
  onBuild?.();
  // Loaded only when needed: serving an up-to-date build does not pay for Vite.
  const { build } = await import('vite');
  // Vite follows NODE_ENV over its mode: under a test runner (NODE_ENV=test) it would bundle
  // React's development build, slower and not what operators run.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(projectRoot, 'vite.renderer.config.ts'),
      build: { outDir, emptyOutDir: true },
      logLevel: 'warn',
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return true;
}
