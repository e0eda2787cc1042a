import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';

import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';

/** Why the disk refused a write; each has its own plain explanation. */
export type StorageReason = 'full' | 'read-only' | 'denied' | 'not-folder';

const REASON_BY_CODE: Record<string, StorageReason> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EFBIG: 'full',
  EROFS: 'read-only',
  EACCES: 'denied',
  EPERM: 'denied',
  ENOTDIR: 'not-folder',
};

/** The system error of a refused write, as Node raises it. */
export function storageErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = String((error as { code: unknown }).code);
  return code in REASON_BY_CODE ? code : null;
}

export function isStorageError(error: unknown): boolean {
  return storageErrorCode(error) !== null;
}

/** A write that went only part of the way: the rest did not fit. */
export function shortWriteError(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

/**
 * The reason in the operator's terms, for a write in the folder `path`. Creating a folder under a
 * file is reported by Node as a missing path or an existing one: the nearest existing path says so.
 */
export function storageReason(error: unknown, path: string): StorageReason | null {
  const code = storageErrorCode(error);
  if (code) return REASON_BY_CODE[code]!;
  const other = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (other !== 'ENOENT' && other !== 'EEXIST') return null;
  const existing = nearestExisting(path);
  try {
    if (!statSync(existing).isDirectory()) return 'not-folder';
    // Node says only that the folder could not be made: a write next to it says why.
    rmSync(mkdtempSync(join(existing, '.carga-write-check-')), { recursive: true, force: true });
  } catch (probe) {
    const code = storageErrorCode(probe);
    return code ? REASON_BY_CODE[code]! : null;
  }
  return null;
}

function nearestExisting(path: string): string {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return existing;
}

/** Nothing has started: Carga's folder cannot be written (exit 2). Names the path that refused:
 * the file standing where a folder should be, the read-only folder, the full disk's folder. */
export function unusableFolderMessage(error: unknown, dataDir: string): Message | null {
  if (error instanceof CargaError) return null;
  const failedPath =
    typeof (error as { path?: unknown })?.path === 'string' ? (error as { path: string }).path : dataDir;
  // An input file the operator named is not Carga's folder: its own messages say what is wrong.
  const inside = relative(dataDir, failedPath);
  if (inside.startsWith('..') || isAbsolute(inside)) return null;
  const reason = storageReason(error, failedPath);
  if (!reason) return null;
  const existing = nearestExisting(failedPath);
  return msg(`storage.unusable-${reason}`, {
    path: reason === 'full' || existing === failedPath ? failedPath : existing,
  });
}

/** A job could not record what it sends: it stops, resumable once the disk takes writes (exit 3). */
export function jobStoppedMessage(reason: StorageReason, path: string): Message {
  return reason === 'not-folder'
    ? msg('storage.job-stopped-denied', { path })
    : msg(`storage.job-stopped-${reason}`, { path });
}

/** Why a job must stop for its disk, whoever wrote (journal, ledger, summary), or null. */
export function jobStorageStop(error: unknown, jobFolder: string): Message | null {
  if (error instanceof CargaError) return error.detail.code.startsWith('storage.') ? error.detail : null;
  const reason = storageErrorCode(error) ? storageReason(error, jobFolder) : null;
  if (!reason) return null;
  const path =
    typeof (error as { path?: unknown }).path === 'string'
      ? dirname((error as { path: string }).path)
      : jobFolder;
  return jobStoppedMessage(reason, path);
}

/** Makes the folder and writes a few bytes in it, so that a folder Carga cannot use is found
 * before anything starts (no sandbox left listening, no job half made). Throws the system error. */
export function ensureWritableFolder(path: string): void {
  mkdirSync(path, { recursive: true });
  const probe = join(path, `.carga-write-check-${process.pid}`);
  try {
    writeFileSync(probe, 'carga\n');
  } finally {
    rmSync(probe, { force: true });
  }
}
