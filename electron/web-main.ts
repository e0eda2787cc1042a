/**
 * `npm run web`: Carga in the browser, with no Electron binary. Builds the renderer when needed,
 * starts the web front door on 127.0.0.1, prints a one-time address on one line and opens the
 * browser through a file only this user can read, so no address that opens Carga is ever in a
 * process's arguments. The engine starts right after the address is printed (calls wait for
 * it). Tokens are kept in a 0600 file under $CARGA_HOME (~/.carga).
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { isCargaError } from '../shared/errors/carga-error';
import type { Lang } from '../shared/lang';
import { formatMessage, msg } from '../shared/messages/catalog';
import type { Engine } from './engine/engine';
import { writeRedirectFile } from './web/browser-redirect-file';
import { openBrowser } from './web/open-browser';
import { ensureRendererBuilt } from './web/renderer-build';
import { filesReadByJobs, removeUnusedUploads } from './web/upload-space';
import { parseWebArgs, type WebArgs } from './web/web-args';
import { startWebServer, type WebServer } from './web/web-server';

/** The checkout: the nearest folder up from this file holding package.json (electron/ run from
 * source, dist/node/ prebuilt by scripts/node-bundle.mjs). */
function projectRootAbove(dir: string): string {
  const parent = dirname(dir);
  return existsSync(join(dir, 'package.json')) || parent === dir ? dir : projectRootAbove(parent);
}

const projectRoot = projectRootAbove(import.meta.dirname);

async function serve(args: WebArgs): Promise<void> {
  const dataDir = process.env.CARGA_HOME || join(homedir(), '.carga');
  const jobsDir = join(dataDir, 'jobs');
  const uploadsDir = join(dataDir, 'uploads');
  const staticDir = join(projectRoot, 'dist', 'renderer');
  await ensureRendererBuilt(projectRoot, staticDir, () => {
    process.stderr.write(formatMessage(args.lang, msg('front-door.web-building')) + '\n');
  });

  const engine = startEngine(args, dataDir, uploadsDir, jobsDir);
  const server = await startWebServer({ engine, staticDir, uploadsDir, port: args.port });
  printAddress(server);
  process.stderr.write(formatMessage(args.lang, msg('front-door.web-open-hint')) + '\n');
  const redirectFile = await openBrowserPrivately(server, join(dataDir, 'run'), args.lang);
  // A failed start ends the process with its message (below), not a page waiting forever.
  const started = await engine;

  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  // A second Ctrl+C while closing does not wait any longer.
  process.once('SIGINT', () => process.exit(130));
  // Stop taking requests first, then let the engine flush its journals.
  await server.close();
  await started.close();
  if (redirectFile) await rm(redirectFile, { force: true });
  await removeUnusedUploads(uploadsDir, filesReadByJobs(jobsDir));
}

/** Loaded after the address is printed: the engine and its dependencies (file readers, report
 * writers, the sandbox) are most of the start-up time. Uploads no job reads (from pages of an
 * earlier run that never started an import, or whose job was removed) go first. */
async function startEngine(
  args: WebArgs,
  dataDir: string,
  uploadsDir: string,
  jobsDir: string,
): Promise<Engine> {
  await removeUnusedUploads(uploadsDir, filesReadByJobs(jobsDir));
  const [{ createEngine }, { createFileVault }, { startSandboxConnections }] = await Promise.all([
    import('./engine/engine'),
    import('./engine/secrets/file-vault'),
    import('./sandbox/sandbox-connections'),
  ]);
  return createEngine({
    dataDir,
    vault: createFileVault(join(dataDir, 'tokens.json')),
    lang: args.lang,
    frontDoor: 'web',
    // Nothing reads what this sandbox accepted: it keeps none of it (see AcceptedRecords).
    sandbox: args.sandbox ? await startSandboxConnections({ keepAccepted: false }) : null,
  });
}

/** The terminal always shows an address not used yet: when one is used, the next is printed. */
function printAddress(server: WebServer): void {
  process.stdout.write(`Carga: ${server.oneTimeUrl(() => printAddress(server))}\n`);
}

/** Opens the browser on a 0600 file that forwards to a one-time address of its own; returns the
 * file, removed when the server stops. Without a private folder the printed address is enough. */
async function openBrowserPrivately(server: WebServer, runDir: string, lang: Lang): Promise<string | null> {
  if (process.env.BROWSER?.trim() === 'none') return null;
  try {
    const path = await writeRedirectFile(runDir, `web-${new URL(server.origin).port}`, server.oneTimeUrl());
    openBrowser(pathToFileURL(path).href);
    return path;
  } catch (error) {
    process.stderr.write(
      formatMessage(
        lang,
        msg('front-door.web-browser-not-opened', {
          detail: error instanceof Error ? error.message : String(error),
        }),
      ) + '\n',
    );
    return null;
  }
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
    const detail = isCargaError(error)
      ? formatMessage(args.lang, error.detail)
      : error instanceof Error
        ? error.message
        : String(error);
    process.stderr.write(formatMessage(args.lang, msg('front-door.web-start-failed', { detail })) + '\n');
    process.exit(1);
  },
);
