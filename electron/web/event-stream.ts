import type { IncomingMessage, ServerResponse } from 'node:http';

import type { EngineClient, EngineEvent } from '../../shared/contract';

export const HEARTBEAT_MS = 15_000;
/** A client that stops reading is dropped (its EventSource reconnects) instead of letting
 * unsent events pile up in this process. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface OpenStream {
  close(): void;
}

/**
 * Sends every engine event to one browser as server-sent events (`data: <json>`), with a comment
 * line as heartbeat so proxies and the browser keep the connection. The first line is written
 * only after the subscription exists, so a client that has read it cannot miss later events.
 */
export function openEventStream(
  engine: Pick<EngineClient, 'onEvent'>,
  req: IncomingMessage,
  res: ServerResponse,
  onClosed: () => void,
): OpenStream {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  let closed = false;
  let unsubscribe = () => {};
  function close(drop = false) {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    if (drop) res.destroy();
    else res.end();
    onClosed();
  }
  function write(text: string) {
    if (closed) return;
    if (res.writableLength > MAX_BUFFERED_BYTES) close(true);
    else res.write(text);
  }
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
  unsubscribe = engine.onEvent((event: EngineEvent) => write(`data: ${JSON.stringify(event)}\n\n`));
  req.on('close', () => close());
  res.write('retry: 2000\n: connected\n\n');
  return { close: () => close() };
}
