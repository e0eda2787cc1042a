/**
 * Runs in the sandboxed preload, which can only `require('electron')`: Vite bundles the little
 * it imports (electron/ipc/preload-api.ts and the channel names). No generic send or invoke is
 * exposed: see createPreloadApi.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';

import type { CargaPreloadApi } from '../shared/preload-api';
import { createPreloadApi } from './ipc/preload-api';

const api: CargaPreloadApi<File> = createPreloadApi(ipcRenderer, webUtils);

contextBridge.exposeInMainWorld('carga', api);
