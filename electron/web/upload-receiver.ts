import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { sanitizeUploadName } from './upload-name';

export type UploadResult =
  | { kind: 'saved'; path: string; bytes: number }
  | { kind: 'too-large'; name: string }
  | { kind: 'failed'; name: string };

class TooLarge extends Error {}

/**
 * Streams a request body into a new file `<uploadsDir>/<random>/<name>`: chunk by chunk with
 * backpressure, never the whole file in memory. The folder keeps the operator's file name as is
 * (reports show it) while two uploads of the same name never meet. A body over `maxBytes` or an
 * interrupted transfer leaves nothing behind.
 */
export async function receiveUpload(
  req: IncomingMessage,
  uploadsDir: string,
  rawName: string | null,
  maxBytes: number,
): Promise<UploadResult> {
  const name = sanitizeUploadName(rawName);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return { kind: 'too-large', name };

  const dir = join(uploadsDir, randomUUID());
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, name);
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) callback(new TooLarge());
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    return { kind: 'saved', path, bytes };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    return error instanceof TooLarge ? { kind: 'too-large', name } : { kind: 'failed', name };
  }
}
