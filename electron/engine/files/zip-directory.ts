import { open, type FileHandle } from 'node:fs/promises';

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const ZIP64_EXTRA = 0x0001;
const MAX_32 = 0xffffffff;
/** A workbook has a few dozen parts; a directory far larger than that is not a workbook's. */
const MAX_ENTRIES = 10_000;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** What the directory declares: reading an entry never yields more than this. */
  size: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
}

/** Thrown for a zip whose directory is missing or inconsistent (a cut-short copy or download). */
export class ZipDamagedError extends Error {}

/**
 * The entries of a zip's central directory (zip64 included), read from its end without
 * unpacking anything: what a workbook holds and how large each part says it is, before a byte
 * is inflated. A workbook cut short loses its directory first, so that is refused here at once.
 */
export async function readZipDirectory(path: string): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, END_RECORD_BYTES + MAX_COMMENT_BYTES);
    const tail = await readAt(handle, size - tailLength, tailLength);
    const at = lastSignature(tail, END_OF_DIRECTORY);
    if (at < 0 || at + END_RECORD_BYTES > tail.length)
      throw new ZipDamagedError('no end of central directory');
    let count = tail.readUInt16LE(at + 10);
    let directorySize = tail.readUInt32LE(at + 12);
    let directoryOffset = tail.readUInt32LE(at + 16);
    const locatorAt = size - tailLength + at - 20;
    if ((count === 0xffff || directoryOffset === MAX_32 || directorySize === MAX_32) && locatorAt >= 0) {
      const locator = await readAt(handle, locatorAt, 20);
      if (locator.readUInt32LE(0) === ZIP64_END_LOCATOR) {
        const end64 = await readAt(handle, Number(locator.readBigUInt64LE(8)), 56);
        if (end64.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY)
          throw new ZipDamagedError('bad zip64 end record');
        count = Number(end64.readBigUInt64LE(32));
        directorySize = Number(end64.readBigUInt64LE(40));
        directoryOffset = Number(end64.readBigUInt64LE(48));
      }
    }
    if (count > MAX_ENTRIES || directoryOffset + directorySize > size)
      throw new ZipDamagedError('directory out of bounds');
    return parseDirectory(await readAt(handle, directoryOffset, directorySize), count, size);
  } finally {
    await handle.close();
  }
}

function parseDirectory(directory: Buffer, count: number, fileSize: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY)
      throw new ZipDamagedError('bad directory entry');
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      headerOffset: directory.readUInt32LE(at + 42),
    };
    readZip64Extra(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    if (entry.headerOffset + entry.compressedSize > fileSize)
      throw new ZipDamagedError('entry out of bounds');
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset too large for 32 bits live in the zip64 extra field, in this order. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= at + 4 + length ? Number(extra.readBigUInt64LE(field)) : MAX_32;
        field += 8;
        return value;
      };
      if (entry.size === MAX_32) entry.size = next();
      if (entry.compressedSize === MAX_32) entry.compressedSize = next();
      if (entry.headerOffset === MAX_32) entry.headerOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/** Offset of an entry's data: after its local header, whose name and extra lengths may differ
 * from the directory's. */
export async function entryDataOffset(handle: FileHandle, entry: ZipEntry): Promise<number> {
  const header = await readAt(handle, entry.headerOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER)
    throw new ZipDamagedError('bad local header');
  return entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function lastSignature(bytes: Buffer, signature: number): number {
  for (let at = bytes.length - 4; at >= 0; at--) if (bytes.readUInt32LE(at) === signature) return at;
  return -1;
}
