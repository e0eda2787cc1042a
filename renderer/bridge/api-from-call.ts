import {
  METHOD_NAMES,
  type CargaApi,
  type MethodInput,
  type MethodName,
  type MethodResult,
} from '../../shared/contract';

export type MethodCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodResult<M>>;

/** The whole contract from one function that performs a call: each bridge only says how a call
 * travels. METHOD_NAMES is checked against CargaApi in the contract, so no method is missing. */
export function apiFromCall(call: MethodCall): CargaApi {
  const entries = METHOD_NAMES.map((method) => [
    method,
    (input?: MethodInput<typeof method>) => call(method, input as MethodInput<typeof method>),
  ]);
  return Object.fromEntries(entries) as CargaApi;
}
