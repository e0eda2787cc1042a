import type { EngineEvent, MethodInput, MethodName, MethodResult } from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { isMessageCode, msg } from '../../shared/messages/catalog';
import type { Message } from '../../shared/messages/message';
import {
  EVENTS_PATH,
  methodPath,
  REPORT_DOWNLOAD_PATH,
  REQUEST_HEADER,
  REQUEST_HEADER_VALUE,
  UPLOAD_PATH,
} from '../../shared/wire';
import { apiFromCall } from './api-from-call';
import type { Bridge } from './bridge';
import { attachmentName } from './content-disposition';

export interface PlainResponse {
  status: number;
  text: string;
}

export interface EventSourceLike {
  addEventListener(type: 'message', listener: (event: { data: string }) => void): void;
  /** The stream dropped (it reconnects by itself) or was refused (it stays closed). */
  addEventListener(type: 'error' | 'open', listener: () => void): void;
  close(): void;
}

/** What the web bridge needs from its surroundings: the browser's in the app
 * (browser-environment.ts), Node's in tests against the real server. */
export interface WebBridgeEnvironment {
  /** The server's origin (the page's own). Every request carries the session cookie the
   * server set when the page was opened; no script here ever sees it. */
  baseUrl: string;
  fetch(
    url: string,
    init: { method: 'POST'; headers: Record<string, string>; body?: string | Blob },
  ): Promise<{
    status: number;
    text(): Promise<string>;
    blob(): Promise<Blob>;
    headers: { get(name: string): string | null };
  }>;
  /** Saves a downloaded file the way a browser does (into the operator's downloads). */
  saveDownload(file: Blob, fileName: string): void;
  openEventSource(url: string): EventSourceLike;
  /** Sends a file reporting bytes sent as it goes (fetch cannot report upload progress). */
  uploadWithProgress(
    url: string,
    body: Blob,
    headers: Record<string, string>,
    onProgress: (sentBytes: number) => void,
  ): Promise<PlainResponse>;
}

/**
 * The bridge behind `npm run web`: each method is `POST /api/<method>` with a JSON body and
 * REQUEST_HEADER (the session cookie goes by itself); events come over one EventSource shared by all listeners; a dropped file is
 * uploaded (streamed from disk by the browser) and the engine gets the path it was saved to.
 * Failures reject with a CargaError whose `detail` is the server's Message.
 */
export function createWebBridge(env: WebBridgeEnvironment): Bridge {
  const headers = (contentType: string): Record<string, string> => ({
    [REQUEST_HEADER]: REQUEST_HEADER_VALUE,
    'Content-Type': contentType,
  });

  async function send(
    url: string,
    body: string | Blob | undefined,
    contentType: string,
  ): Promise<PlainResponse> {
    try {
      const response = await env.fetch(url, {
        method: 'POST',
        headers: headers(contentType),
        ...(body === undefined ? {} : { body }),
      });
      return { status: response.status, text: await response.text() };
    } catch {
      throw new CargaError(msg('front-door.connection-lost'));
    }
  }

  const api = apiFromCall(
    async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> => {
      const response = await send(
        `${env.baseUrl}${methodPath(method)}`,
        input === undefined ? undefined : JSON.stringify(input),
        'application/json',
      );
      if (response.status === 204) return undefined as MethodResult<M>;
      // The server answers each method with the engine's own result for it.
      return readJson(response) as MethodResult<M>;
    },
  );

  const listeners = new Set<(event: EngineEvent) => void>();
  let source: EventSourceLike | null = null;
  const connectionListeners = new Set<(lost: Message | null) => void>();

  /** The event stream failed: asks the server why, so the page can say what to do. */
  const probeConnection = () => {
    api.getAppInfo().then(
      () => {},
      (error: unknown) => {
        if (!(error instanceof CargaError)) return;
        const { detail } = error;
        if (detail.code !== 'front-door.session-ended' && detail.code !== 'front-door.connection-lost')
          return;
        // A restarted server never takes this page back: stop knocking.
        if (detail.code === 'front-door.session-ended') source?.close();
        for (const each of [...connectionListeners]) each(detail);
      },
    );
  };

  return {
    ...api,

    onEvent(listener) {
      listeners.add(listener);
      if (!source) {
        source = env.openEventSource(`${env.baseUrl}${EVENTS_PATH}`);
        source.addEventListener('message', (message) => {
          const event = parseEvent(message.data);
          if (!event) return;
          for (const each of [...listeners]) each(event);
        });
        source.addEventListener('error', probeConnection);
        source.addEventListener('open', () => {
          for (const each of [...connectionListeners]) each(null);
        });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },

    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },

    async deliverReport(input) {
      let response: Awaited<ReturnType<WebBridgeEnvironment['fetch']>>;
      try {
        response = await env.fetch(`${env.baseUrl}${REPORT_DOWNLOAD_PATH}`, {
          method: 'POST',
          headers: headers('application/json'),
          body: JSON.stringify(input),
        });
      } catch {
        throw new CargaError(msg('front-door.connection-lost'));
      }
      // A refusal comes back as the usual `{error}`.
      if (response.status !== 200) readJson({ status: response.status, text: await response.text() });
      const fileName = attachmentName(response.headers.get('Content-Disposition'));
      if (!fileName) throw new CargaError(msg('front-door.unexpected-error'));
      env.saveDownload(await response.blob(), fileName);
      return { kind: 'downloaded', fileName };
    },

    async pathForFile(file, onProgress) {
      const url = `${env.baseUrl}${UPLOAD_PATH}?name=${encodeURIComponent(file.name)}`;
      let response: PlainResponse;
      if (onProgress) {
        try {
          response = await env.uploadWithProgress(url, file, headers('application/octet-stream'), onProgress);
        } catch {
          throw new CargaError(msg('front-door.upload-failed', { name: file.name }));
        }
      } else {
        response = await send(url, file, 'application/octet-stream');
      }
      const body = readJson(response);
      if (typeof body !== 'object' || body === null || !('path' in body) || typeof body.path !== 'string') {
        throw new CargaError(msg('front-door.upload-failed', { name: file.name }));
      }
      return body.path;
    },
  };
}

/** A 2xx body as JSON; anything else as the CargaError its `{error}` describes. */
function readJson(response: PlainResponse): unknown {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    throw new CargaError(msg('front-door.unexpected-error'));
  }
  if (response.status >= 200 && response.status < 300) return body;
  throw new CargaError(errorMessage(body));
}

function errorMessage(body: unknown): Message {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = body.error;
    if (
      typeof error === 'object' &&
      error !== null &&
      'code' in error &&
      typeof error.code === 'string' &&
      isMessageCode(error.code)
    ) {
      const params = 'params' in error ? error.params : undefined;
      return isParams(params) ? { code: error.code, params } : { code: error.code };
    }
  }
  return msg('front-door.unexpected-error');
}

function isParams(value: unknown): value is Record<string, string | number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((param) => typeof param === 'string' || typeof param === 'number')
  );
}

function parseEvent(data: string): EngineEvent | null {
  try {
    const event: unknown = JSON.parse(data);
    // The server sends only the engine's events; anything without a type is not one.
    if (typeof event === 'object' && event !== null && 'type' in event && typeof event.type === 'string')
      return event as EngineEvent;
  } catch {
    // A malformed line is skipped; the next event will come.
  }
  return null;
}
