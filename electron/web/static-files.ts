import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { contentTypeFor } from './content-types';

/** Encodings the renderer build writes beside each text asset (see vite.renderer.config.ts),
 * best first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * Serves one file of the built renderer: the precompressed copy the browser accepts when there
 * is one, and cache headers by kind — hashed assets (`/assets/name-<hash>.js`) never change, so
 * the browser keeps them for a year without asking; index.html names the current ones, so it is
 * always fetched again.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  pathname: string,
): Promise<void> {
  const path = staticPath(root, pathname);
  const info = path ? await stat(path).catch(() => null) : null;
  if (!path || !info?.isFile()) {
    res
      .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      .end('Not found\n');
    return;
  }
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  let file = path;
  let size = info.size;
  let encoding: string | null = null;
  for (const candidate of PRECOMPRESSED) {
    if (!accepted.has(candidate.encoding)) continue;
    const compressed = await stat(path + candidate.suffix).catch(() => null);
    if (compressed?.isFile()) {
      file = path + candidate.suffix;
      size = compressed.size;
      encoding = candidate.encoding;
      break;
    }
  }
  const hashed = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path);
  res.writeHead(200, {
    'Content-Type': contentTypeFor(path),
    'Content-Length': size,
    'Cache-Control': path.endsWith('.html')
      ? 'no-store'
      : hashed
        ? 'private, max-age=31536000, immutable'
        : 'no-cache',
    // Caches keep one copy per encoding.
    Vary: 'Accept-Encoding',
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // Headers are out: a read error or a client that went away can only cut the response short.
  await pipeline(createReadStream(file), res).catch(() => res.destroy());
}

/** The file under `root` a URL path names, or null for anything outside it, hidden or odd.
 * `/` is the app's index.html. */
export function staticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  const full = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  return full.startsWith(root + sep) ? full : null;
}

/** The encodings an Accept-Encoding header allows (`q=0` refuses one). */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const accepted = new Set<string>();
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const refused = params.some((param) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(param));
    if (!refused) accepted.add(name.trim());
  }
  return accepted;
}
