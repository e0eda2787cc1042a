import type { MethodName } from '../../shared/contract';

/** One IPC channel per contract method, so the preload can expose exactly those and nothing
 * that lets the renderer pick a channel. */
export type MethodChannel<M extends MethodName = MethodName> = `carga:${M}`;

export function methodChannel<M extends MethodName>(method: M): MethodChannel<M> {
  return `carga:${method}`;
}

/** The one channel the engine's events are pushed on. */
export const EVENT_CHANNEL = 'carga:event';

/** Shows a report Carga wrote in the system's file manager (not an engine method: the shell's). */
export const SHOW_IN_FOLDER_CHANNEL = 'carga:show-in-folder';
