import { METHOD_NAMES, type CargaApi, type MethodName, type MethodResult } from '../../shared/contract';
import { msg } from '../../shared/messages/catalog';
import type { WireOutcome } from '../../shared/preload-api';
import { invoke } from '../front-door/invoke';
import { invalidInputError, wireError } from '../front-door/wire-error';
import { methodChannel } from './channels';
import type { SenderFrame } from './sender-check';

/** The part of an IpcMainInvokeEvent the handlers read. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** The part of Electron's ipcMain used here; a test passes a recorder. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export type SenderCheck = (event: InvokeEvent) => boolean;

/**
 * Registers one handler per contract method on `carga:<method>`. Each checks the sender, then
 * hands the call to the front doors' shared core (invoke) and answers a WireOutcome: failures are returned rather
 * than thrown because a rejection crossing IPC keeps only its message text.
 * Returns the function that removes the handlers.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  engine: CargaApi,
  isTrustedSender: SenderCheck,
): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(methodChannel(method), (event, ...args) =>
      handleCall(engine, isTrustedSender, method, event, args),
    );
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(methodChannel(method));
  };
}

async function handleCall<M extends MethodName>(
  engine: CargaApi,
  isTrustedSender: SenderCheck,
  method: M,
  event: InvokeEvent,
  args: unknown[],
): Promise<WireOutcome<MethodResult<M>>> {
  if (!isTrustedSender(event)) {
    console.warn(`carga: refused IPC call ${method} from an untrusted frame`);
    return { ok: false, error: wireError(msg('front-door.forbidden')) };
  }
  // Every method takes one argument or none: more is not a call the preload makes.
  if (args.length > 1) return { ok: false, error: invalidInputError('(input)') };
  const outcome = await invoke(engine, method, args[0]);
  // Only the WireOutcome crosses: why it failed is this process's business.
  return outcome.ok ? outcome : { ok: false, error: outcome.error };
}
