import type { EventEmitter } from 'node:events';

/** The part of a Node writable stream's internal state that says it is over its high-water mark. */
interface DrainableStream extends EventEmitter {
  _writableState: { needDrain: boolean };
}

function isDrainable(value: unknown): value is DrainableStream {
  if (typeof value !== 'object' || value === null) return false;
  if (!('once' in value) || typeof value.once !== 'function') return false;
  if (!('_writableState' in value)) return false;
  const state = value._writableState;
  return (
    typeof state === 'object' &&
    state !== null &&
    'needDrain' in state &&
    typeof state.needDrain === 'boolean'
  );
}

/**
 * The stream a streaming exceljs worksheet hands its XML to (the zip entry's input).
 *
 * exceljs's worksheet stream writes into that entry and ignores its backpressure, so a writer
 * that commits rows faster than zlib and the disk take them keeps the whole sheet in memory
 * (about 150 MB for 300,000 rows). Waiting for this stream's `drain` is the only way to bound it,
 * and it is not public API: exceljs 4.4 keeps it as the first of the worksheet stream's `pipes`.
 * Returns undefined if a future exceljs moved it; a test pins that it is found.
 */
export function sheetEntryStream(worksheet: object): DrainableStream | undefined {
  if (!('stream' in worksheet)) return undefined;
  const stream: unknown = worksheet.stream;
  if (typeof stream !== 'object' || stream === null || !('pipes' in stream)) return undefined;
  const pipes: unknown = stream.pipes;
  if (!Array.isArray(pipes)) return undefined;
  const entry: unknown = pipes[0];
  return isDrainable(entry) ? entry : undefined;
}

export function needsDrain(stream: DrainableStream): boolean {
  return stream._writableState.needDrain;
}
