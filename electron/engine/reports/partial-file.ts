import { once, type EventEmitter } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';

/**
 * A file written under `<path>.partial` and renamed to `path` only once complete, so a crash or
 * a failed export never leaves half a report under the name the operator opens.
 */
export class PartialFile {
  readonly stream: WriteStream;
  private readonly partialPath: string;
  private failure: CargaError | undefined;

  constructor(private readonly path: string) {
    this.partialPath = `${path}.partial`;
    // flush: fsync before close, so the rename never publishes bytes still only in the page cache.
    this.stream = createWriteStream(this.partialPath, { flush: true });
    // Kept for the whole life of the stream: a failure is recorded even when nobody waits on it.
    this.stream.on('error', (error) => {
      this.failure ??= writeFailed(this.path, error);
    });
  }

  /** Settles like `promise`, but rejects as soon as the file fails: a pipeline whose end broke
   * would otherwise never drain and the export would hang. */
  guard<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onError = (): void => reject(this.failure);
      promise.then(
        (value) => {
          this.stream.off('error', onError);
          resolve(value);
        },
        (error: unknown) => {
          this.stream.off('error', onError);
          reject(this.failure ?? error);
        },
      );
      if (this.failure) reject(this.failure);
      else this.stream.once('error', onError);
    });
  }

  /** Waits for `event` on `emitter` (rejecting on its own `error` too), guarded by the file. */
  async until(emitter: EventEmitter, event: string): Promise<void> {
    await this.guard(once(emitter, event));
  }

  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) await this.until(this.stream, 'drain');
  }

  /** Ends the stream (unless a writer upstream already did), waits until the bytes are on disk
   * and the descriptor is closed (Windows cannot rename an open file), then renames. */
  async publish(): Promise<void> {
    if (!this.stream.writableEnded) this.stream.end();
    if (!this.stream.closed) await this.until(this.stream, 'close');
    if (this.failure) throw this.failure;
    try {
      await rename(this.partialPath, this.path);
    } catch (error) {
      throw isBusy(error)
        ? new CargaError(msg('report.file-busy', { path: this.path }))
        : writeFailed(this.path, error);
    }
  }

  /** Gives up: closes the stream and removes the partial file; the final name is left untouched. */
  async discard(): Promise<void> {
    if (!this.stream.closed) {
      const closed = new Promise<void>((resolve) => this.stream.once('close', () => resolve()));
      this.stream.destroy();
      await closed;
    }
    await rm(this.partialPath, { force: true });
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Windows refuses to replace a file another program (usually Excel) holds open, and says so
 * with EPERM or EACCES as often as with EBUSY. */
function isBusy(error: unknown): boolean {
  const code = errorCode(error);
  if (code === 'EBUSY') return true;
  return process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES');
}

function writeFailed(path: string, error: unknown): CargaError {
  const reason = errorCode(error) ?? (error instanceof Error ? error.message : String(error));
  return new CargaError(msg('report.write-failed', { path, reason }));
}
