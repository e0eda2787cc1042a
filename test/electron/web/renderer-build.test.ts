import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  ensureRendererBuilt,
  newestModification,
  rendererBuildIsStale,
} from '../../../electron/web/renderer-build';
import { useTempDirs } from '../../support/temp-dir';

const newTempDir = useTempDirs();
const T0 = new Date('2026-01-01T00:00:00Z');
const T1 = new Date('2026-01-02T00:00:00Z');
const T2 = new Date('2026-01-03T00:00:00Z');

function file(path: string, time: Date): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  utimesSync(path, time, time);
}

/** A project whose sources date from T0 and whose build from T1. */
function project(): { root: string; outDir: string } {
  const root = newTempDir();
  file(join(root, 'renderer', 'app', 'App.tsx'), T0);
  file(join(root, 'renderer', 'index.html'), T0);
  file(join(root, 'shared', 'contract.ts'), T0);
  file(join(root, 'vite.renderer.config.ts'), T0);
  file(join(root, 'package.json'), T0);
  const outDir = join(root, 'dist', 'renderer');
  file(join(outDir, 'index.html'), T1);
  return { root, outDir };
}

describe('rendererBuildIsStale', () => {
  it('is fresh when the build is newer than every source', async () => {
    const { root, outDir } = project();
    expect(await rendererBuildIsStale(root, outDir)).toBe(false);
  });

  it('is stale when there is no build', async () => {
    const { root } = project();
    expect(await rendererBuildIsStale(root, join(root, 'elsewhere'))).toBe(true);
  });

  it('is stale when a renderer, shared or config file changed after the build', async () => {
    for (const changed of [
      join('renderer', 'app', 'App.tsx'),
      join('shared', 'new-module.ts'),
      'vite.renderer.config.ts',
      'package.json',
    ]) {
      const { root, outDir } = project();
      file(join(root, changed), T2);
      expect(await rendererBuildIsStale(root, outDir), changed).toBe(true);
    }
  });

  it('ignores node_modules and hidden folders among the sources', async () => {
    const { root, outDir } = project();
    file(join(root, 'renderer', 'node_modules', 'dep', 'index.js'), T2);
    file(join(root, 'shared', '.cache', 'x'), T2);
    expect(await rendererBuildIsStale(root, outDir)).toBe(false);
  });
});

describe('newestModification', () => {
  it('is 0 when none of the paths exists', async () => {
    expect(await newestModification([join(newTempDir(), 'nothing')])).toBe(0);
  });
});

describe('ensureRendererBuilt', () => {
  it('does not build an up-to-date renderer', async () => {
    const { root, outDir } = project();
    let built = false;
    expect(await ensureRendererBuilt(root, outDir, () => (built = true))).toBe(false);
    expect(built).toBe(false);
  });
});
