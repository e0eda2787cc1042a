import type { CargaPreloadApi } from '../../shared/preload-api';

declare global {
  interface Window {
    /** Set by Electron's preload (electron/preload.ts); absent in a plain browser. */
    readonly carga?: CargaPreloadApi<File>;
  }
}

export {};
