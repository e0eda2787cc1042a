import type { PlainResponse, WebBridgeEnvironment } from './web-bridge';

export function browserEnvironment(): WebBridgeEnvironment {
  return {
    baseUrl: window.location.origin,
    fetch: (url, init) => window.fetch(url, init),
    openEventSource: (url) => new EventSource(url),
    uploadWithProgress,
    saveDownload,
  };
}

/** What a link with `download` does: the browser saves the file among the operator's downloads. */
function saveDownload(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click the browser holds the file; the address can go once it has started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** XMLHttpRequest, because fetch has no upload progress; the browser still streams the file. */
function uploadWithProgress(
  url: string,
  body: Blob,
  headers: Record<string, string>,
  onProgress: (sentBytes: number) => void,
): Promise<PlainResponse> {
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
