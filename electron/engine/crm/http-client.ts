import type { HttpRequest, HttpResponse } from './target-adapter';

/** The outcome of putting one request on the wire. A network failure says whether the request
 * had been fully written: after that the CRM may have acted on it (uncertain), before it the
 * request is safe to send again (transient). */
export type SendResult =
  | { kind: 'response'; response: HttpResponse }
  | { kind: 'network-error'; code: string; message: string; sent: boolean; timedOut: boolean };

export interface HttpClient {
  send(request: HttpRequest, options: { timeoutMs: number; signal?: AbortSignal }): Promise<SendResult>;
  close(): Promise<void>;
}
