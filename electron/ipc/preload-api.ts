import type { CargaApi, EngineEvent, MethodName, MethodResult } from '../../shared/contract';
import type { CargaPreloadApi, WireOutcome } from '../../shared/preload-api';
import { EVENT_CHANNEL, methodChannel, SHOW_IN_FOLDER_CHANNEL } from './channels';

/** The parts of Electron's ipcRenderer and webUtils the preload uses; tests pass fakes wired to
 * registerIpc's handlers, so the whole IPC path runs without Electron. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (ipcEvent: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (ipcEvent: unknown, ...args: unknown[]) => void): unknown;
}

export interface WebUtilsLike<FileHandle> {
  getPathForFile(file: FileHandle): string;
}

/**
 * What the preload exposes as `window.carga`: one function per contract method, each bound to
 * its own channel (the renderer can never name a channel), events without Electron's IPC event,
 * and unsubscribe functions.
 */
export function createPreloadApi<FileHandle>(
  ipcRenderer: IpcRendererLike,
  webUtils: WebUtilsLike<FileHandle>,
): CargaPreloadApi<FileHandle> {
  function invoke<M extends MethodName>(
    method: M,
    ...args: Parameters<CargaApi[M]>
  ): Promise<WireOutcome<MethodResult<M>>> {
    // The main process answers every channel with a WireOutcome (register-ipc.ts).
    return ipcRenderer.invoke(methodChannel(method), ...args) as Promise<WireOutcome<MethodResult<M>>>;
  }

  return {
    getAppInfo: () => invoke('getAppInfo'),
    listTargets: () => invoke('listTargets'),
    listConnections: () => invoke('listConnections'),
    saveConnection: (input) => invoke('saveConnection', input),
    deleteConnection: (input) => invoke('deleteConnection', input),
    testConnection: (input) => invoke('testConnection', input),
    resetSandbox: () => invoke('resetSandbox'),
    readServerLists: (input) => invoke('readServerLists', input),
    openFile: (input) => invoke('openFile', input),
    suggestMapping: (input) => invoke('suggestMapping', input),
    previewRequests: (input) => invoke('previewRequests', input),
    checkFile: (input) => invoke('checkFile', input),
    startJob: (input) => invoke('startJob', input),
    pauseJob: (input) => invoke('pauseJob', input),
    resumeJob: (input) => invoke('resumeJob', input),
    cancelJob: (input) => invoke('cancelJob', input),
    retryJob: (input) => invoke('retryJob', input),
    fixRow: (input) => invoke('fixRow', input),
    getJob: (input) => invoke('getJob', input),
    listJobs: () => invoke('listJobs'),
    listResults: (input) => invoke('listResults', input),
    failureBreakdown: (input) => invoke('failureBreakdown', input),
    planMissingContacts: (input) => invoke('planMissingContacts', input),
    createMissingContacts: (input) => invoke('createMissingContacts', input),
    exportReport: (input) => invoke('exportReport', input),
    listTemplates: () => invoke('listTemplates'),
    saveTemplate: (input) => invoke('saveTemplate', input),
    deleteTemplate: (input) => invoke('deleteTemplate', input),
    matchTemplates: (input) => invoke('matchTemplates', input),

    onEvent(listener: (event: EngineEvent) => void): () => void {
      // Main sends only EngineEvents on this channel (event-forwarding.ts).
      const forward = (_ipcEvent: unknown, event: unknown) => listener(event as EngineEvent);
      ipcRenderer.on(EVENT_CHANNEL, forward);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, forward);
      };
    },

    pathForFile: (file) => webUtils.getPathForFile(file),

    // The main process answers with a WireOutcome (show-in-folder.ts).
    showInFolder: (path) => ipcRenderer.invoke(SHOW_IN_FOLDER_CHANNEL, path) as Promise<WireOutcome<void>>,
  };
}
