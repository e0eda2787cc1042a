import type { EngineClient, Lang, ReportFormat, ReportKind } from '../../shared/contract';
import type { Message } from '../../shared/messages/message';

/** A report handed to the operator: saved by the browser as a download behind the web door;
 * written in the job's folder in the app, which can show it there. */
export type DeliveredReport = { kind: 'downloaded'; fileName: string } | { kind: 'saved'; path: string };

/** What the UI talks to: the engine's contract plus what only a browser has (dropped files).
 * Chosen once at start-up: IPC inside Electron, HTTP + server-sent events in a browser. */
export interface Bridge extends EngineClient {
  /** A path the engine can open for a dropped or browsed file: its real path in Electron, an
   * upload streamed to the engine's disk behind the web front door. */
  pathForFile(file: File, onProgress?: (sentBytes: number) => void): Promise<string>;
  /** Writes a report and hands it to the operator the way their front door can. */
  deliverReport(input: {
    jobId: string;
    kind: ReportKind;
    format: ReportFormat;
    lang: Lang;
  }): Promise<DeliveredReport>;
  /** Shows a saved report in the system's file manager; only the desktop app has one. */
  showInFolder?: (path: string) => Promise<void>;
  /** Behind the web front door: the page lost its server (a message saying what to do) or got
   * it back (`null`). The page cannot find out otherwise while it only listens. */
  onConnectionChange?: (listener: (lost: Message | null) => void) => () => void;
}
