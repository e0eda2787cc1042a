// The CLI and the web front door run as prebuilt JavaScript (no TypeScript loader at start-up).
// The bundle is rebuilt whenever a source is newer than it, so a checkout never runs stale code;
// `npm ci` builds it once through the `prepare` script (`node scripts/node-bundle.mjs`).
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'dist', 'node');
const COMPILE_CACHE_DIR = join(ROOT, 'dist', 'node-compile-cache');
/** Each entry point: its source, and its file in OUT_DIR. The CLI is one CommonJS script, run
 * with V8's code of its last run (runCliScript); the web front door, which reads import.meta and
 * lives long, is ES modules split by use. */
const ENTRIES = {
  carga: { source: 'electron/cli.ts', file: 'carga.cjs' },
  web: { source: 'electron/web-main.ts', file: 'web.js' },
};
const SOURCE_DIRS = ['electron', 'shared'].map((dir) => join(ROOT, dir));

/** The built file of an entry point: `carga` (the CLI) or `web` (`npm run web`). */
export function bundlePath(entry) {
  return join(OUT_DIR, ENTRIES[entry].file);
}

/** Runs before every command, over every source file: its paths are joined by hand, since
 * path.join (which normalizes each) made it take twice as long (~2 ms more per start). */
function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    const time = entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
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

function packageName(path) {
  const parts = path.split('/');
  return path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Whether a package is ES modules only (`"type": "module"`, p-limit say): the CommonJS script
 * builds those in, since `require` gives an ES module's namespace where its code wants the default
 * export. */
function isEsmOnly(name) {
  const manifest = join(ROOT, 'node_modules', name, 'package.json');
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).type === 'module';
}

function packagesOutsideExcept(inlined, { esmOnlyInside = false } = {}) {
  return {
    name: 'packages-outside',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, ({ path }) => {
        if (path.startsWith('node:')) return { external: true };
        const name = packageName(path);
        return inlined.includes(name) || (esmOnlyInside && isEsmOnly(name)) ? undefined : { external: true };
      });
    },
  };
}

/** V8 holds a script with any character beyond ASCII as two bytes a character: twice the memory,
 * slower to read and to check against its cached code (~3 ms of every CLI start). esbuild writes
 * strings and templates as ASCII already; what is left, in comments and regex literals, is
 * written as \u escapes, which mean the same there. */
function asciiOnly(text) {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The CLI as one CommonJS script; the web front door as ES modules with code splitting, each part
 * of it, and what only that part needs, a chunk loaded on use. `clean` empties OUT_DIR first (an
 * explicit build); a rebuild on start does not, since another Carga process may still be loading
 * chunks of the previous build from it. */
export async function buildBundle({ clean = false } = {}) {
  const { build } = await import('esbuild');
  if (clean) rmSync(OUT_DIR, { recursive: true, force: true });
  // The compiled code of a previous build is never used again: without this the cache would grow
  // by a build's worth at each rebuild. A process using it meanwhile only misses the cache.
  rmSync(COMPILE_CACHE_DIR, { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    logLevel: 'warning',
    write: false,
  };
  const [web, cli] = await Promise.all([
    build({
      ...common,
      entryPoints: { web: join(ROOT, ENTRIES.web.source) },
      outdir: OUT_DIR,
      splitting: true,
      format: 'esm',
      plugins: [packagesOutsideExcept(INLINED_PACKAGES), withoutHttp2Client()],
      // undici, built in, is CommonJS: it requires Node's built-ins, and an ES module has no
      // `require` of its own, so each file gets one.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    }),
    build({
      ...common,
      entryPoints: [join(ROOT, ENTRIES.carga.source)],
      outfile: bundlePath('carga'),
      format: 'cjs',
      plugins: [packagesOutsideExcept(INLINED_PACKAGES, { esmOnlyInside: true }), withoutHttp2Client()],
      metafile: true,
    }),
  ]);
  // What one CommonJS script cannot hold (import.meta, a top-level await) would break the CLI
  // only when it runs: refused here. So is an import() left for run time: the script runs in
  // node:vm (runCliScript), whose loader for it makes Node print an experimental-feature warning.
  if (cli.warnings.length > 0)
    throw new Error(`The CLI does not build as one CommonJS script: ${cli.warnings[0].text}`);
  const dynamic = Object.values(cli.metafile.outputs)
    .flatMap((output) => output.imports)
    .find((imported) => imported.kind === 'dynamic-import' && imported.external);
  if (dynamic)
    throw new Error(
      `The CLI's script would import('${dynamic.path}') when it runs: take a built-in with process.getBuiltinModule, a package with a static import`,
    );
  const cliScript = cli.outputFiles.map((file) => ({ path: file.path, contents: asciiOnly(file.text) }));
  const outputFiles = [...web.outputFiles, ...cliScript];
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
  // V8 keeps the compiled code of the web front door's modules and of the packages loaded from
  // node_modules for the next start (Node's own cache, beside the bundle, not in the operator's
  // temp folder): 15–30 ms less of every start-up here. A folder it cannot write (a read-only
  // install) only turns the cache off. Reached only on a Node that has it (see supported-node.mjs).
  module.enableCompileCache(COMPILE_CACHE_DIR);
  if (entry === 'carga') runCliScript();
  else await import(pathToFileURL(bundlePath(entry)).href);
}

/** The exit code of a command stopped at its input (EXIT.usage, electron/cli/command.ts): a wrong
 * flag, a file it cannot read. Such a run compiled little of the command. */
const STOPPED_AT_INPUT = 2;

function readIfAny(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Runs the CLI's script with the code V8 compiled for the same command last time. Node's own cache
 * holds a script's code as compiled before it runs, which leaves out every function V8 compiles
 * only when first called: most of a command's code, compiled again at every start. This one is
 * taken when the command ends, with all of them (~50 ms less CPU per 1k-record import here). One
 * per command (and one for its help), since each runs different code. A run stopped at its input
 * keeps its code only as a stand-in, replaced by the first run that goes further; code V8 refuses
 * (a new Node, other V8 flags) is taken again. Written aside then renamed (two commands ending at
 * once); a folder it cannot write only leaves it out; a rebuild empties it (buildBundle).
 */
function runCliScript() {
  const path = bundlePath('carga');
  const [command = '', ...args] = process.argv.slice(2);
  const help = args.includes('--help') || args.includes('-h');
  const name = `${/^[a-z][a-z-]*$/.test(command) ? command : 'carga'}${help ? '-help' : ''}`;
  const fullPath = join(COMPILE_CACHE_DIR, `cli-${name}.v8-code`);
  const standInPath = join(COMPILE_CACHE_DIR, `cli-${name}.stand-in.v8-code`);
  const full = readIfAny(fullPath);
  const cachedData = full ?? readIfAny(standInPath);
  const script = new vm.Script(module.wrap(readFileSync(path, 'utf8')), {
    filename: path,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const usable = cachedData !== undefined && !script.cachedDataRejected;
  if (!usable || !full)
    process.once('exit', (code) => {
      const stoppedAtInput = code === STOPPED_AT_INPUT;
      if (stoppedAtInput && usable) return;
      try {
        mkdirSync(COMPILE_CACHE_DIR, { recursive: true });
        const target = stoppedAtInput ? standInPath : fullPath;
        const aside = `${target}.${process.pid}.tmp`;
        writeFileSync(aside, script.createCachedData());
        renameSync(aside, target);
        if (!stoppedAtInput) rmSync(standInPath, { force: true });
      } catch {
        // A read-only install: the next start compiles again.
      }
    });
  const cliModule = { exports: {} };
  script.runInThisContext()(cliModule.exports, module.createRequire(path), cliModule, path, OUT_DIR);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBundle({ clean: true });
