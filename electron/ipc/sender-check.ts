/** The part of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  url: string;
}

/**
 * Whether an IPC message comes from the app's own renderer: `expected` is the URL the window
 * loads, the Forge dev server in development (any page of that origin) or the packaged
 * `index.html` on disk (that file only). A frame that navigated elsewhere, an iframe of another
 * origin or a destroyed frame (`null`) is refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, expected: string): boolean {
  if (!frame) return false;
  return isAppUrl(frame.url, expected);
}

/** Whether `url` is one of the app's own pages (see isTrustedSender). */
export function isAppUrl(url: string, expected: string): boolean {
  const actual = parseUrl(url);
  const app = parseUrl(expected);
  if (!actual || !app || actual.protocol !== app.protocol) return false;
  if (app.protocol === 'http:' || app.protocol === 'https:') return actual.origin === app.origin;
  if (app.protocol === 'file:') return actual.host === app.host && actual.pathname === app.pathname;
  return false;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
