// The bundles need the Node the project pins (package.json "engines"). An older Node first on the
// PATH (Debian's Node 20, say) would fail deep inside the HTTP client with a stack trace, so such a
// start hands over to the pinned Node that `npm ci` installs, or says plainly what is missing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('..', import.meta.url);

/** Returns when this Node can run Carga; otherwise runs the same command on the pinned Node and exits with it. */
export function onSupportedNode() {
  const { engines } = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8'));
  const wanted = engines.node.replace(/^>=\s*/, '');
  if (atLeast(process.versions.node, wanted)) return;
  const pinned = fileURLToPath(new URL('node_modules/node/bin/node', ROOT));
  if (existsSync(pinned)) {
    // Loaded only here: on a supported Node, which is every start but this one, it cost ~3 ms.
    const { spawnSync } = createRequire(import.meta.url)('node:child_process');
    const run = spawnSync(pinned, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
    if (run.signal) process.kill(process.pid, run.signal);
    process.exit(run.status ?? 1);
  }
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  process.stderr.write(
    /^es/i.test(locale)
      ? `Carga necesita Node.js ${wanted} o más reciente (este es ${process.versions.node}). Ejecuta «npm ci» en la carpeta de Carga: lo instala.\n`
      : `Carga needs Node.js ${wanted} or newer (this one is ${process.versions.node}). Run "npm ci" in Carga's folder: it installs it.\n`,
  );
  process.exit(2);
}

function atLeast(version, wanted) {
  const have = version.split('.').map(Number);
  const need = wanted.split('.').map(Number);
  for (let i = 0; i < need.length; i++) {
    if ((have[i] ?? 0) !== need[i]) return (have[i] ?? 0) > need[i];
  }
  return true;
}
