import type { CargaApi, MethodInput, MethodName, MethodResult } from '../../shared/contract';
import { parseMethodInput } from '../../shared/contract-schemas';
import { isCargaError } from '../../shared/errors/carga-error';
import type { WireError } from '../../shared/preload-api';
import { invalidInputError, toWireError } from './wire-error';

/** Why a call failed: its input did not parse, the engine refused it with an operator's
 * message, or something unexpected broke (logged here, never told to the page). */
export type FailureCause = 'input' | 'refused' | 'unexpected';

export type Invocation<M extends MethodName> =
  { ok: true; value: MethodResult<M> } | { ok: false; error: WireError; cause: FailureCause };

/**
 * The one core of both remote front doors (IPC and HTTP): parse what crossed the trust
 * boundary with the method's schema, call the engine, and turn any failure into data the
 * page may see. Each door only says how the call travels.
 */
export async function invoke<M extends MethodName>(
  api: CargaApi,
  method: M,
  raw: unknown,
): Promise<Invocation<M>> {
  const parsed = parseMethodInput(method, raw);
  if (!parsed.ok) return { ok: false, error: invalidInputError(parsed.path), cause: 'input' };
  try {
    return { ok: true, value: await callMethod(api, method, parsed.input) };
  } catch (error) {
    if (isCargaError(error)) return { ok: false, error: toWireError(error), cause: 'refused' };
    // The name and message go to this process's log (never to the page): enough to find the
    // fault, without the arguments, which may hold a token.
    console.error(`carga: ${method} failed unexpectedly: ${describe(error)}`);
    return { ok: false, error: toWireError(error), cause: 'unexpected' };
  }
}

/** The cast is the one place where a method name picked at run time meets the typed API:
 * TypeScript cannot correlate `api[method]` with `MethodInput<M>` for a generic `M`. */
function callMethod<M extends MethodName>(
  api: CargaApi,
  method: M,
  input: MethodInput<M>,
): Promise<MethodResult<M>> {
  const fn = api[method] as (input: MethodInput<M>) => Promise<MethodResult<M>>;
  return fn.call(api, input);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
