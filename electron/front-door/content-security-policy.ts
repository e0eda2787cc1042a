/**
 * The Content-Security-Policy both front doors send as a response header (the renderer's
 * index.html carries the same policy in a meta tag, for file:// where there are no headers).
 * Mantine writes inline styles, hence 'unsafe-inline' for styles only; scripts come from the
 * app's own origin and nothing else, and nothing may frame, embed or submit anywhere.
 */
export function contentSecurityPolicy(options: { devServerOrigin?: string } = {}): string {
  const dev = options.devServerOrigin;
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    // Vite's dev server injects an inline module script (React refresh) and talks over a WebSocket.
    ['script-src', dev ? "'self' 'unsafe-inline'" : "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self' data:"],
    ['connect-src', dev ? `'self' ${dev.replace(/^http/, 'ws')}` : "'self'"],
    ['worker-src', "'self' blob:"],
    ['object-src', "'none'"],
    ['frame-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}
