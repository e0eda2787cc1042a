/**
 * What Electron's preload exposes to the renderer as `window.carga`, and the shape of one IPC
 * answer. Lives in shared/ because both sides need it: the preload `satisfies` it and the
 * renderer's bridge is typed by it, without the renderer importing anything from electron/.
 */
import type { CargaApi, EngineEvent, MethodName, MethodResult } from './contract';
import type { Message } from './messages/message';

/** An error as it crosses IPC: the message code and the operator's message, never a stack. */
export interface WireError {
  message: string;
  detail: Message;
}

/** Errors are returned, not thrown: a rejection crossing ipcMain.handle and contextBridge keeps
 * only its message text, and the renderer needs the whole `Message`. */
export type WireOutcome<T> = { ok: true; value: T } | { ok: false; error: WireError };

export type PreloadMethods = {
  [M in MethodName]: (...args: Parameters<CargaApi[M]>) => Promise<WireOutcome<MethodResult<M>>>;
};

/** `FileHandle` is the DOM `File`: shared/ has no DOM types, so each side names its own. */
export interface CargaPreloadApi<FileHandle> extends PreloadMethods {
  /** Returns the function that unsubscribes. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** The real path of a dropped or browsed file; an empty string when it has none. */
  pathForFile(file: FileHandle): string;
  /** Shows a report Carga wrote in the system's file manager. */
  showInFolder(path: string): Promise<WireOutcome<void>>;
}
