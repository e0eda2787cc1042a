/**
 * `npm run web`: Carga in the browser, with no Electron binary. Builds the renderer when needed,
 * starts the engine and the web front door on 127.0.0.1, prints the URL (with its secret) on one
 * line and opens the browser. Tokens are kept in a 0600 file under $CARGA_HOME (~/.carga).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { isCargaError } from '../shared/errors/carga-error';
import { formatMessage, msg } from '../shared/messages/catalog';
import { createEngine } from './engine/engine';
import { createFileVault } from './engine/secrets/file-vault';
import { openBrowser } from './web/open-browser';
import { ensureRendererBuilt } from './web/renderer-build';
import { parseWebArgs, type WebArgs } from './web/web-args';
import { startWebServer } from './web/web-server';

const projectRoot = resolve(import.meta.dirname, '..');

async function serve(args: WebArgs): Promise<void> {
  const dataDir = process.env.CARGA_HOME || join(homedir(), '.carga');
  const staticDir = join(projectRoot, 'dist', 'renderer');
  await ensureRendererBuilt(projectRoot, staticDir, () => {
    process.stderr.write(formatMessage(args.lang, msg('front-door.web-building')) + '\n');
  });

  const engine = await createEngine({
    dataDir,
    vault: createFileVault(join(dataDir, 'tokens.json')),
    lang: args.lang,
    frontDoor: 'web',
    sandbox: args.sandbox,
  });
  const server = await startWebServer({ engine, staticDir, uploadsDir: join(dataDir, 'uploads'), port: args.port });
  process.stdout.write(`Carga: ${server.url}\n`);
  process.stderr.write(formatMessage(args.lang, msg('front-door.web-open-hint')) + '\n');
  openBrowser(server.url);

  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  // A second Ctrl+C while closing does not wait any longer.
  process.once('SIGINT', () => process.exit(130));
  // Stop taking requests first, then let the engine flush its journals.
  await server.close();
  await engine.close();
}

const parsed = parseWebArgs(process.argv.slice(2), process.env);
if (!parsed.ok) {
  process.stderr.write(formatMessage(parsed.lang, parsed.error) + '\n');
  process.exit(2);
}
const { args } = parsed;
if (args.help) {
  process.stdout.write(formatMessage(args.lang, msg('front-door.web-usage')) + '\n');
  process.exit(0);
}
serve(args).then(
  () => process.exit(0),
  (error: unknown) => {
    const detail = isCargaError(error) ? formatMessage(args.lang, error.detail) : error instanceof Error ? error.message : String(error);
    process.stderr.write(formatMessage(args.lang, msg('front-door.web-start-failed', { detail })) + '\n');
    process.exit(1);
  },
);
