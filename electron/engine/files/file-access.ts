import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';

import { CargaError, isCargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}

/** The operator's message for a file system error on `path`, when opening it or partway through
 * reading it (a disk or network share failing). */
export function fileSystemError(path: string, error: unknown, phase: 'open' | 'read' = 'open'): CargaError {
  if (isCargaError(error)) return error;
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new CargaError(msg('file.not-found', { path }));
  if (code === 'EISDIR') return new CargaError(msg('file.not-a-file', { path }));
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  if (phase === 'read' && code !== 'EACCES' && code !== 'EPERM') {
    return new CargaError(msg('file.read-failed', { name: basename(path), reason }));
  }
  return new CargaError(msg('file.unreadable', { path, reason }));
}

/** Stats a file that must be a regular file and returns its size. */
export async function regularFileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CargaError(msg('file.not-a-file', { path }));
    return info.size;
  } catch (error) {
    throw fileSystemError(path, error);
  }
}

export async function readBytes(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Runs `use` with the file open for reading; file system errors become operator messages. */
export async function withOpenFile<T>(path: string, use: (handle: FileHandle) => Promise<T>): Promise<T> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileSystemError(path, error);
  }
  try {
    return await use(handle);
  } catch (error) {
    throw fileSystemError(path, error);
  } finally {
    await handle.close();
  }
}
