import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a request's Host header names this server as the browser reached it. Anything else is
 * a DNS-rebinding attempt: a foreign name that resolves to 127.0.0.1 lets a web page talk to
 * this port as if it were its own origin, so its Host is that name, not ours.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const lower = host.toLowerCase();
  return lower === `127.0.0.1:${port}` || lower === `localhost:${port}`;
}

/** Whether an Origin header, when the browser sent one, is the server's own. `null` (a sandboxed
 * frame, a file:// page) is foreign too. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const lower = origin.toLowerCase();
  return lower === `http://127.0.0.1:${port}` || lower === `http://localhost:${port}`;
}

/** Compares a presented secret with the real one in constant time (hashing first makes the
 * lengths equal, which timingSafeEqual requires). */
export function secretMatches(presented: string | null | undefined, secret: string): boolean {
  if (!presented) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(secret));
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
