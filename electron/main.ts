/**
 * The desktop app's main process: one engine, one window, the contract over IPC. Decisions are
 * made by the pure functions in electron/ipc/ (tested without Electron); this file wires them.
 *
 * Closing the window while a job runs does not stop it: the process stays alive without a
 * window, a notification says so, launching Carga again (or clicking a notification) shows the
 * window, which reopens the running job. When the job ends a notification tells the outcome and,
 * if no window is open, the app quits (macOS: it stays in the dock, as apps there do).
 * Quitting explicitly stops the run; the journal lets it resume on the next launch.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  nativeTheme,
  Notification,
  safeStorage,
  session,
  shell,
  type WebContents,
} from 'electron';

import type { JobSummary } from '../shared/contract';
import { langFromLocale, type Lang } from '../shared/lang';
import { formatMessage, msg } from '../shared/messages/catalog';
import type { Message } from '../shared/messages/message';
import { createEngine, type Engine } from './engine/engine';
import { createSafeStorageVault } from './engine/secrets/safe-storage-vault';
import { contentSecurityPolicy } from './front-door/content-security-policy';
import { ActiveJobs, afterJobEndedWithoutWindow, onLastWindowClosed } from './ipc/background-run';
import { forwardEvents } from './ipc/event-forwarding';
import { registerIpc } from './ipc/register-ipc';
import { isTrustedSender } from './ipc/sender-check';
import { registerShowInFolder } from './ipc/show-in-folder';
import { isPermissionAllowed, mayNavigate } from './ipc/window-policy';
import { startSandboxConnections } from './sandbox/sandbox-connections';

// Defined by Electron Forge's Vite plugin at build time.
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;

const devServerUrl =
  typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
/** The page the window loads; IPC senders and navigations are checked against it. */
const appUrl =
  devServerUrl ?? pathToFileURL(path.join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}/index.html`)).href;

let engine: Engine | null = null;
let mainWindow: BrowserWindow | null = null;
let lang: Lang = 'es';
let quitting = false;
const activeJobs = new ActiveJobs();

app.enableSandbox();
app.setAppUserModelId('com.carga.app');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => {
    const action = onLastWindowClosed(activeJobs.count, process.platform);
    if (action === 'quit') app.quit();
    else if (action === 'keep-running') notify(msg('front-door.running-in-background'));
  });
  app.on('will-quit', (event) => {
    if (!engine || quitting) return;
    // Let the engine flush its journal before the process ends.
    event.preventDefault();
    quitting = true;
    const closing = engine;
    engine = null;
    closing
      .close()
      .catch((error: unknown) => console.error('carga: closing the engine failed', error))
      .finally(() => app.quit());
  });
  app.whenReady().then(start, startFailed).catch(startFailed);
}

async function start(): Promise<void> {
  lang = langFromLocale(app.getLocale());
  applySessionPolicy();

  const dataDir = app.getPath('userData');
  engine = await createEngine({
    dataDir,
    vault: createSafeStorageVault(path.join(dataDir, 'tokens.json'), safeStorage),
    lang,
    frontDoor: 'electron',
    // Nothing reads what the app's sandbox accepted: it keeps none of it (see AcceptedRecords).
    sandbox: await startSandboxConnections({ keepAccepted: false }),
  });
  registerIpc(ipcMain, engine, (event) => isTrustedSender(event.senderFrame, appUrl));
  registerShowInFolder(
    ipcMain,
    (event) => isTrustedSender(event.senderFrame, appUrl),
    dataDir,
    (file) => shell.showItemInFolder(file),
  );
  forwardEvents(engine, () => mainWindow?.webContents ?? null);
  engine.onEvent((event) => {
    activeJobs.observe(event);
    if (event.type === 'job-finished') jobFinished(event.summary);
  });
  showWindow();
}

function startFailed(error: unknown): void {
  console.error('carga: start-up failed', error);
  dialog.showErrorBox('Carga', formatMessage(lang, msg('front-door.unexpected-error')));
  app.exit(1);
}

/** CSP as a header too (the meta tag alone does not cover every response), and no web
 * permission but notifications. */
function applySessionPolicy(): void {
  const csp = contentSecurityPolicy(devServerUrl ? { devServerOrigin: new URL(devServerUrl).origin } : {});
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionAllowed(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
    isPermissionAllowed(permission),
  );
}

/** For every web contents the app ever creates: no webviews, no new windows, no navigation
 * away from the app's own page. */
function harden(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!mayNavigate(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!mayNavigate(event.url, appUrl)) event.preventDefault();
  });
}

function showWindow(): void {
  if (!engine) return;
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Carga',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#242424' : '#ffffff',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  void window.loadURL(appUrl);
}

function jobFinished(summary: JobSummary): void {
  if (!mainWindow || !mainWindow.isFocused()) {
    const { fileName, ok, failed, uncertain } = summary;
    notify(
      msg('front-door.job-finished-body', { ok, failed, uncertain }),
      msg('front-door.job-finished-title', { fileName }),
    );
  }
  if (!mainWindow && afterJobEndedWithoutWindow(activeJobs.count, process.platform) === 'quit') app.quit();
}

function notify(body: Message, title?: Message): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({
    title: title ? formatMessage(lang, title) : 'Carga',
    body: formatMessage(lang, body),
  });
  notification.on('click', () => showWindow());
  notification.show();
}
