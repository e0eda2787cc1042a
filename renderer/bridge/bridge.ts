import type { EngineClient } from '../../shared/contract';

/** What the UI talks to: the engine's contract plus what only a browser has (dropped files).
 * Chosen once at start-up: IPC inside Electron, HTTP + server-sent events in a browser. */
export interface Bridge extends EngineClient {
  /** A path the engine can open for a dropped or browsed file: its real path in Electron, an
   * upload streamed to the engine's disk behind the web front door. */
  pathForFile(file: File, onProgress?: (sentBytes: number) => void): Promise<string>;
}
