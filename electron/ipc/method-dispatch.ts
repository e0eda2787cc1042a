import type { CargaApi, MethodInput, MethodName, MethodResult } from '../../shared/contract';

/** Calls one contract method by name with its already-parsed input. The cast is the one place
 * where a method name picked at run time meets the typed API: TypeScript cannot correlate
 * `api[method]` with `MethodInput<M>` for a generic `M`. */
export function callMethod<M extends MethodName>(api: CargaApi, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const fn = api[method] as (input: MethodInput<M>) => Promise<MethodResult<M>>;
  return fn.call(api, input);
}
