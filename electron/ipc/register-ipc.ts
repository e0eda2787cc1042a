import { METHOD_NAMES, type CargaApi, type MethodName, type MethodResult } from '../../shared/contract';
import { parseMethodInput } from '../../shared/contract-schemas';
import { msg } from '../../shared/messages/catalog';
import type { WireOutcome } from '../../shared/preload-api';
import { methodChannel } from './channels';
import { callMethod } from './method-dispatch';
import type { SenderFrame } from './sender-check';
import { invalidInputError, toWireError, wireError } from './wire-error';

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
 * Registers one handler per contract method on `carga:<method>`. Each checks the sender, parses
 * the input with the method's schema and answers a WireOutcome: failures are returned rather
 * than thrown because a rejection crossing IPC keeps only its message text.
 * Returns the function that removes the handlers.
 */
export function registerIpc(ipcMain: IpcMainLike, engine: CargaApi, isTrustedSender: SenderCheck): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(methodChannel(method), (event, ...args) => handleCall(engine, isTrustedSender, method, event, args));
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
  const parsed = parseMethodInput(method, args[0]);
  if (!parsed.ok) return { ok: false, error: invalidInputError(parsed.path) };
  try {
    return { ok: true, value: await callMethod(engine, method, parsed.input) };
  } catch (error) {
    const wire = toWireError(error);
    if (wire.detail.code === 'front-door.unexpected-error') logUnexpected(method, error);
    return { ok: false, error: wire };
  }
}

/** The name and message go to the main process's log (never to the renderer): enough to find
 * the fault, without the arguments, which may hold a token. */
function logUnexpected(method: string, error: unknown): void {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`carga: ${method} failed unexpectedly: ${text}`);
}
