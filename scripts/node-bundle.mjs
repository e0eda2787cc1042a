// The CLI and the web front door run as prebuilt JavaScript (no TypeScript loader at start-up).
// The bundle is rebuilt whenever a source is newer than it, so a checkout never runs stale code;
// `npm ci` builds it once through the `prepare` script (`node scripts/node-bundle.mjs`).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'dist', 'node');
const COMPILE_CACHE_DIR = join(ROOT, 'dist', 'node-compile-cache');
/** Each entry point, by the name of its file in OUT_DIR. */
const ENTRIES = { carga: 'electron/cli.ts', web: 'electron/web-main.ts' };
const SOURCE_DIRS = ['electron', 'shared'].map((dir) => join(ROOT, dir));

/** The built file of an entry point: `carga` (the CLI) or `web` (`npm run web`). */
export function bundlePath(entry) {
  return join(OUT_DIR, `${entry}.js`);
}

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh() {
  const built = Math.min(
    ...Object.keys(ENTRIES).map((entry) =>
      existsSync(bundlePath(entry)) ? statSync(bundlePath(entry)).mtimeMs : 0,
    ),
  );
  return built > 0 && SOURCE_DIRS.every((dir) => !existsSync(dir) || newestSourceTime(dir) <= built);
}

/** Packages built into the bundle rather than loaded from node_modules at start: zod is 226
 * small modules, and resolving them one by one took longer than compiling them as one chunk
 * (~20 ms of every command's start-up); undici is ~35 CommonJS files, and built in it can leave
 * out its HTTP/2 client (withoutHttp2Client). The others load from node_modules, when used.
 * Sources import zod as a namespace (`import * as z from 'zod'`), so the bundle keeps only the
 * parts used (~200 KB); `import { z }` is one object holding all of zod, its 40-odd languages'
 * messages included (~750 KB to load, ~10 ms more CPU per command). */
const INLINED_PACKAGES = ['zod', 'undici'];

/** undici's HTTP/2 client, left out: loading it loads node:http2 and node:tls, and Node then reads
 * its root certificates on another thread (~20 ms of CPU per command, for a protocol Carga never
 * speaks: its HTTP client is created with `allowH2: false`, so no connection negotiates HTTP/2 and
 * undici never calls this module; electron/engine/crm/undici-http-client.ts). HTTPS still loads
 * node:tls, at its first connection. In its place, a function that says so if ever called. */
function withoutHttp2Client() {
  return {
    name: 'without-http2-client',
    setup(build) {
      build.onResolve({ filter: /^\.\/client-h2\.js$/ }, ({ importer }) =>
        importer.endsWith(join('undici', 'lib', 'dispatcher', 'client.js'))
          ? { path: 'client-h2', namespace: 'without-http2' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'without-http2' }, () => ({
        loader: 'js',
        contents: `module.exports = function connectH2() {
          throw new Error('HTTP/2 is not built into Carga: its HTTP client runs with allowH2: false');
        };`,
      }));
    },
  };
}

function packagesOutsideExcept(inlined) {
  return {
    name: 'packages-outside',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, ({ path }) =>
        inlined.some((name) => path === name || path.startsWith(`${name}/`)) ? undefined : { external: true },
      );
    },
  };
}

/** ESM with code splitting: each command, and what only it needs, is a chunk loaded on use.
 * `clean` empties OUT_DIR first (an explicit build); a rebuild on start does not, since another
 * Carga process may still be loading chunks of the previous build from it. */
export async function buildBundle({ clean = false } = {}) {
  const { build } = await import('esbuild');
  if (clean) rmSync(OUT_DIR, { recursive: true, force: true });
  // The compiled code of a previous build is never used again: without this the cache would grow
  // by a build's worth at each rebuild. A process using it meanwhile only misses the cache.
  rmSync(COMPILE_CACHE_DIR, { recursive: true, force: true });
  const { outputFiles } = await build({
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, source]) => [name, join(ROOT, source)]),
    ),
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    plugins: [packagesOutsideExcept(INLINED_PACKAGES), withoutHttp2Client()],
    // undici, built in, is CommonJS: it requires Node's built-ins, and an ES module has no
    // `require` of its own, so each file gets one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
    write: false,
  });
  // Each file lands whole (written aside, then renamed), chunks before the entry points that
  // load them: a Carga process starting meanwhile, or building the same bundle, never reads half
  // a file.
  mkdirSync(OUT_DIR, { recursive: true });
  const isEntry = (file) => Object.keys(ENTRIES).some((entry) => file.path === bundlePath(entry));
  for (const file of [...outputFiles].sort((a, b) => Number(isEntry(a)) - Number(isEntry(b)))) {
    const aside = `${file.path}.${process.pid}.tmp`;
    writeFileSync(aside, file.contents);
    renameSync(aside, file.path);
  }
}

/** Runs an entry point's bundle, built first when missing or older than a source. */
export async function runBundle(entry) {
  if (!isFresh()) await buildBundle();
  // V8 keeps the bundle's compiled code for the next start (Node's own cache, beside the bundle,
  // not in the operator's temp folder): 15–30 ms less of every command's start-up here. A folder
  // it cannot write (a read-only install) only turns the cache off. Reached only on a Node that
  // has it (see supported-node.mjs).
  module.enableCompileCache(COMPILE_CACHE_DIR);
  await import(pathToFileURL(bundlePath(entry)).href);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBundle({ clean: true });
