import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { FILE_READ_BYTES, fileChunks } from '../../../../electron/engine/files/file-chunks';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

/** Bytes that say where they are: a gap, a repeat or a swap changes the result. */
function numbered(length: number, from = 0): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (from + i) % 251;
  return bytes;
}

function fileOf(bytes: Buffer): string {
  const path = join(tempDir(), 'file.bin');
  writeFileSync(path, bytes);
  return path;
}

/** Each piece copied as it comes: a piece is only valid until the next is asked for. */
async function collect(chunks: AsyncIterable<Buffer>): Promise<{ bytes: Buffer; sizes: number[] }> {
  const copies: Buffer[] = [];
  for await (const piece of chunks) copies.push(Buffer.from(piece));
  return { bytes: Buffer.concat(copies), sizes: copies.map((c) => c.length) };
}

const openDescriptors = () => readdirSync('/proc/self/fd').length;

describe('fileChunks', () => {
  it('hands on every byte once, in order, in pieces of the size asked, across many reads', async () => {
    const bytes = numbered(3 * FILE_READ_BYTES + 12_345);
    const { bytes: read, sizes } = await collect(fileChunks(fileOf(bytes), { pieceBytes: 32 * 1024 }));
    expect(read.equals(bytes)).toBe(true);
    expect(Math.max(...sizes)).toBe(32 * 1024);
    // Pieces never straddle two reads: the last piece of each read may be short, no other.
    expect(sizes.filter((size) => size < 32 * 1024)).toEqual([12_345 % (32 * 1024)]);
  });

  it('starts at the offset asked for', async () => {
    const bytes = numbered(FILE_READ_BYTES + 100);
    const start = FILE_READ_BYTES - 7;
    const { bytes: read } = await collect(fileChunks(fileOf(bytes), { pieceBytes: 5, start }));
    expect(read.equals(bytes.subarray(start))).toBe(true);
  });

  it('yields nothing for an empty file or an offset at its end', async () => {
    expect((await collect(fileChunks(fileOf(Buffer.alloc(0)), { pieceBytes: 8 }))).sizes).toEqual([]);
    const path = fileOf(numbered(10));
    expect((await collect(fileChunks(path, { pieceBytes: 8, start: 10 }))).sizes).toEqual([]);
  });

  it('leaves no gap when the file grows while it is read (a short read before the end)', async () => {
    const first = numbered(FILE_READ_BYTES + 1000);
    const path = fileOf(first);
    const more = numbered(2 * FILE_READ_BYTES, first.length);
    const copies: Buffer[] = [];
    let grown = false;
    for await (const piece of fileChunks(path, { pieceBytes: 64 * 1024 })) {
      copies.push(Buffer.from(piece));
      if (!grown) {
        // The reads after this one were asked for when the file ended 1000 bytes into the next.
        appendFileSync(path, more);
        grown = true;
      }
    }
    expect(Buffer.concat(copies).equals(readFileSync(path))).toBe(true);
  });

  it('closes the file when the reader stops early, and when its signal aborts', async () => {
    const path = fileOf(numbered(4 * FILE_READ_BYTES));
    const before = openDescriptors();
    for await (const piece of fileChunks(path, { pieceBytes: 1024 })) {
      expect(piece.length).toBe(1024);
      break;
    }
    expect(openDescriptors()).toBe(before);

    const abort = new AbortController();
    const reading = (async () => {
      for await (const piece of fileChunks(path, { pieceBytes: 1024, signal: abort.signal })) {
        void piece;
        abort.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(openDescriptors()).toBe(before);
  });

  it('throws the file system’s own error for a file that is not there', async () => {
    await expect(
      collect(fileChunks(join(tempDir(), 'missing.csv'), { pieceBytes: 8 })),
    ).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
