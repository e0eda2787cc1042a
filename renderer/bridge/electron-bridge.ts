import type { MethodInput, MethodName, MethodResult } from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { msg } from '../../shared/messages/catalog';
import type { CargaPreloadApi, WireOutcome } from '../../shared/preload-api';
import { apiFromCall } from './api-from-call';
import type { Bridge } from './bridge';

/**
 * The bridge inside the desktop app: `window.carga` from the preload. A failure comes back as
 * data (a rejection crossing IPC keeps only its text) and is rethrown here as a CargaError, so
 * `error.detail` holds the operator's message.
 */
export function createElectronBridge(preload: CargaPreloadApi<File>): Bridge {
  const api = apiFromCall(async <M extends MethodName>(method: M, input: MethodInput<M>) => {
    // TypeScript cannot correlate preload[method] with M; PreloadMethods maps each name to this.
    const call = preload[method] as unknown as (
      input: MethodInput<M>,
    ) => Promise<WireOutcome<MethodResult<M>>>;
    const outcome = await call(input);
    if (!outcome.ok) throw new CargaError(outcome.error.detail);
    return outcome.value;
  });
  return {
    ...api,
    onEvent: (listener) => preload.onEvent(listener),
    deliverReport: async (input) => ({ kind: 'saved', path: (await api.exportReport(input)).path }),
    showInFolder: async (path) => {
      const outcome = await preload.showInFolder(path);
      if (!outcome.ok) throw new CargaError(outcome.error.detail);
    },
    pathForFile: async (file, onProgress) => {
      const path = preload.pathForFile(file);
      if (!path) throw new CargaError(msg('front-door.file-without-path', { name: file.name }));
      // Nothing to transfer: the engine opens the file where it is.
      onProgress?.(file.size);
      return path;
    },
  };
}
