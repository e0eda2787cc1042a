import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';

import { STREAM_CHUNK_BYTES, XLSX_EXPANSION_FLOOR, XLSX_EXPANSION_RATIO } from './file-limits';
import { entryDataOffset, ZipDamagedError, type ZipEntry } from './zip-directory';

const STORED = 0;
const DEFLATED = 8;

/** A part would inflate past what its workbook's size allows (see XLSX_EXPANSION_RATIO). */
export class ZipPartTooLargeError extends Error {
  constructor(
    readonly entry: ZipEntry,
    readonly limit: number,
  ) {
    super(`${entry.name} inflates to ${entry.size} bytes, over ${limit}`);
  }
}

/** The most `entry` may inflate to in a workbook of `fileSize` bytes, given the part's own cap. */
export function partLimit(fileSize: number, cap: number): number {
  return Math.min(cap, Math.max(XLSX_EXPANSION_FLOOR, XLSX_EXPANSION_RATIO * fileSize));
}

/** Refuses, before anything is inflated, a part whose directory says it is too large. */
export function checkPartSize(entry: ZipEntry, limit: number): void {
  if (entry.size > limit) throw new ZipPartTooLargeError(entry, limit);
}

/**
 * The inflated bytes of one entry, straight from its place in the file (no temp file), pulled
 * at the consumer's pace. Never yields more than the directory declared: a part that lies about
 * its size is refused as damaged as soon as it exceeds it, so the size checked up front is a
 * true bound on time and memory.
 */
export async function* readZipEntry(path: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.method !== STORED && entry.method !== DEFLATED)
    throw new ZipDamagedError(`unsupported method ${entry.method}`);
  const handle = await open(path, 'r');
  let start: number;
  try {
    start = await entryDataOffset(handle, entry);
  } finally {
    await handle.close();
  }
  if (entry.compressedSize === 0) return;
  // zlib loads with the first workbook read, not with every command that might read one (~2 ms).
  const { createInflateRaw } = process.getBuiltinModule('node:zlib');
  const source = createReadStream(path, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: STREAM_CHUNK_BYTES,
  });
  const inflate = entry.method === DEFLATED ? createInflateRaw({ chunkSize: STREAM_CHUNK_BYTES }) : null;
  const output = inflate ? pipeline(source, inflate, () => undefined) : source;
  let inflated = 0;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > entry.size) throw new ZipDamagedError(`${entry.name} inflates past its declared size`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipDamagedError) throw error;
    // zlib's "invalid block type", "unexpected end of file": the data is damaged.
    if (
      typeof error === 'object' &&
      error !== null &&
      'code' in error &&
      typeof error.code === 'string' &&
      error.code.startsWith('Z_')
    ) {
      throw new ZipDamagedError(String(error));
    }
    throw error;
  } finally {
    source.destroy();
    inflate?.destroy();
  }
  if (inflated !== entry.size) throw new ZipDamagedError(`${entry.name} is shorter than declared`);
}
