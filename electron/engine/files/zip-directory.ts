import { open } from 'node:fs/promises';

const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;

/**
 * Whether a zip file still ends with its central directory. A workbook cut short (an interrupted
 * download or copy) loses it first; checking here refuses it at once, before exceljs unpacks
 * sheets into temp files it would then leave behind.
 */
export async function hasZipDirectory(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, END_RECORD_BYTES + MAX_COMMENT_BYTES);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    const at = tail.lastIndexOf(END_OF_DIRECTORY);
    return at !== -1 && at + END_RECORD_BYTES <= length;
  } finally {
    await handle.close();
  }
}
