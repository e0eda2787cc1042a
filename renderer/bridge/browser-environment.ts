import type { PlainResponse, WebBridgeEnvironment } from './web-bridge';

const SECRET_KEY = 'carga-secret';

/**
 * The secret from the address bar (`?s=`), read once: kept in this tab's sessionStorage (a reload
 * still works) and removed from the address bar, so it does not linger in screenshots, shared
 * screens or the visible history.
 */
export function takeSecret(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('s');
  if (fromUrl) {
    try {
      storage.setItem(SECRET_KEY, fromUrl);
    } catch {
      // Storage disabled: this page works until it is reloaded.
    }
    url.searchParams.delete('s');
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return storage.getItem(SECRET_KEY);
  } catch {
    return null;
  }
}

export function browserEnvironment(): WebBridgeEnvironment {
  return {
    baseUrl: window.location.origin,
    secret: takeSecret(window.location, window.history, window.sessionStorage),
    fetch: (url, init) => window.fetch(url, init),
    openEventSource: (url) => new EventSource(url),
    uploadWithProgress,
  };
}

/** XMLHttpRequest, because fetch has no upload progress; the browser still streams the file. */
function uploadWithProgress(url: string, body: Blob, headers: Record<string, string>, onProgress: (sentBytes: number) => void): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => onProgress(event.loaded));
    xhr.addEventListener('load', () => resolve({ status: xhr.status, text: xhr.responseText }));
    xhr.addEventListener('error', () => reject(new Error('upload failed')));
    xhr.addEventListener('abort', () => reject(new Error('upload aborted')));
    xhr.send(body);
  });
}
