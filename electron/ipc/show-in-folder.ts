import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

import * as z from 'zod';

import { msg } from '../../shared/messages/catalog';
import type { WireOutcome } from '../../shared/preload-api';
import { invalidInputError, wireError } from '../front-door/wire-error';
import { SHOW_IN_FOLDER_CHANNEL } from './channels';
import type { IpcMainLike, SenderCheck } from './register-ipc';

const pathSchema = z.string().min(1).max(4096);

/**
 * Handles "Show in folder": the sender must be the app's own page, the input one path, and the
 * path an existing file under Carga's data folder (where reports are written) — the renderer
 * cannot make the shell reveal, let alone open, anything else. `reveal` is Electron's
 * `shell.showItemInFolder`. Returns the function that removes the handler.
 */
export function registerShowInFolder(
  ipcMain: IpcMainLike,
  isTrustedSender: SenderCheck,
  dataDir: string,
  reveal: (path: string) => void,
): () => void {
  ipcMain.handle(SHOW_IN_FOLDER_CHANNEL, async (event, ...args): Promise<WireOutcome<void>> => {
    if (!isTrustedSender(event)) {
      console.warn('carga: refused show-in-folder from an untrusted frame');
      return { ok: false, error: wireError(msg('front-door.forbidden')) };
    }
    const parsed = pathSchema.safeParse(args[0]);
    if (args.length !== 1 || !parsed.success || !isAbsolute(parsed.data))
      return { ok: false, error: invalidInputError('path') };
    const path = resolve(parsed.data);
    const inside = relative(resolve(dataDir), path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
      return { ok: false, error: wireError(msg('front-door.forbidden')) };
    if (!statSync(path, { throwIfNoEntry: false })?.isFile())
      return { ok: false, error: wireError(msg('report.not-found', { path })) };
    reveal(path);
    return { ok: true, value: undefined };
  });
  return () => ipcMain.removeHandler(SHOW_IN_FOLDER_CHANNEL);
}
