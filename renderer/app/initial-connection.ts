import type { ConnectionSummary } from '../../shared/contract';

const STORAGE_KEY = 'carga.connection';

/** The connection used last time; on a first start, the embedded sandbox, so a new operator can
 * try the whole path without credentials. */
export function initialConnection(
  connections: readonly ConnectionSummary[],
  lastUsedId: string | null,
): ConnectionSummary | null {
  return (
    connections.find((connection) => connection.id === lastUsedId) ??
    connections.find((connection) => connection.isSandbox) ??
    connections[0] ??
    null
  );
}

export function readLastConnectionId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberConnectionId(id: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Without storage the sandbox is preselected next time: harmless.
  }
}
