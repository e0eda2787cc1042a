import type { IncomingMessage } from 'node:http';

export type JsonReading = { kind: 'json'; value: unknown } | { kind: 'too-large' } | { kind: 'malformed' };

/**
 * Reads a JSON body of at most `maxBytes`. A larger body is still read to its end, without
 * keeping it, so the answer can be written on the same connection. Rejects only when the
 * client goes away mid-body.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<JsonReading> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  if (size > maxBytes) return { kind: 'too-large' };
  try {
    return { kind: 'json', value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { kind: 'malformed' };
  }
}
