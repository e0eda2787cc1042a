import { resolveOrigin } from '../../../shared/connection/normalize-server';
import type { Connection, ConnectionSummary } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import type { ResolvedConnection } from '../crm/target-adapter';
import type { Vault } from '../secrets/vault';
import { BUILT_IN_ID_PREFIX, SANDBOX_SERVER, type BuiltInConnections } from './built-in-connections';
import type { ConnectionStore } from './connection-store';

/**
 * Which connection an id names and where its requests go, with which token. Looks, in order, at
 * connections given for this process only (the CLI's flags), the built-in ones (the sandbox)
 * and the operator's saved ones; tokens come from the vault, never from a saved connection.
 */
export class ConnectionResolver {
  /** The CLI's connections, never saved; each stands in for a saved one of the same id. */
  private readonly ephemeral = new Map<string, Connection>();

  constructor(
    private readonly store: ConnectionStore,
    private readonly vault: Vault,
    private readonly builtIn: BuiltInConnections | null,
  ) {}

  /** Built-in first, so a new operator sees the sandbox on top. */
  list(): Connection[] {
    return [...(this.builtIn?.connections ?? []), ...this.store.list()];
  }

  find(id: string): Connection {
    const connection =
      this.ephemeral.get(id) ??
      this.builtIn?.connections.find((each) => each.id === id) ??
      this.store.get(id);
    if (!connection) throw new CargaError(msg('job.connection-not-found', { id }));
    return connection;
  }

  /** The connection a job will use: a process-only one of the same id and target wins (a case
   * connection's contacts import shares its id and token, not its target). */
  effective(connection: Connection): Connection {
    const own = this.ephemeral.get(connection.id);
    return own && own.target === connection.target ? own : connection;
  }

  async resolve(saved: Connection): Promise<ResolvedConnection> {
    const connection = this.effective(saved);
    if (isSandbox(connection)) {
      if (!this.builtIn) throw new CargaError(msg('job.sandbox-off'));
      return this.withPartyPassword({
        connection,
        origin: this.builtIn.baseUrl(connection.target),
        token: this.builtIn.tokenFor(connection),
      });
    }
    const origin = resolveOrigin(connection.target, connection.server);
    const token = await this.vault.get(connection.id);
    if (!token) throw new CargaError(msg('job.no-token', { name: connection.name }));
    return this.withPartyPassword({ connection, origin, token });
  }

  /** Thalamus's parties log in with a password the vault keeps beside the token ('' when none). */
  private async withPartyPassword(resolved: ResolvedConnection): Promise<ResolvedConnection> {
    if (resolved.connection.target !== 'thalamus-cases') return resolved;
    return {
      ...resolved,
      partyPassword: (await this.vault.get(partyPasswordKey(resolved.connection.id))) ?? '',
    };
  }

  /** Where requests would go, without needing a token (request previews). */
  origin(connection: Connection): string {
    if (isSandbox(connection)) return this.builtIn?.baseUrl(connection.target) ?? 'http://127.0.0.1';
    return resolveOrigin(connection.target, connection.server);
  }

  async summary(connection: Connection): Promise<ConnectionSummary> {
    const sandbox = isSandbox(connection);
    const summary: ConnectionSummary = {
      ...connection,
      hasToken: sandbox || (await this.vault.has(connection.id)),
      isSandbox: sandbox,
    };
    if (connection.target === 'thalamus-cases')
      summary.hasPartyPassword = await this.vault.has(partyPasswordKey(connection.id));
    return summary;
  }

  /** Saves the connection; its token and party password go to the vault (a party password of
   * '' removes the saved one: the touchpoint takes none). */
  async save(connection: Connection, token: string | undefined, partyPassword?: string): Promise<void> {
    this.assertOwn(connection.id);
    // A server that names no CRM is refused before anything is written.
    if (!isSandbox(connection)) resolveOrigin(connection.target, connection.server);
    this.store.save(connection);
    if (token) await this.vault.set(connection.id, token);
    if (partyPassword) await this.vault.set(partyPasswordKey(connection.id), partyPassword);
    else if (partyPassword === '' || connection.target !== 'thalamus-cases')
      await this.vault.delete(partyPasswordKey(connection.id));
  }

  async delete(id: string): Promise<void> {
    this.assertOwn(id);
    this.store.delete(id);
    await this.vault.delete(id);
    await this.vault.delete(partyPasswordKey(id));
  }

  async useForThisProcess(
    connection: Connection,
    token: string | undefined,
    partyPassword?: string,
  ): Promise<void> {
    this.ephemeral.set(connection.id, connection);
    if (token) await this.vault.set(connection.id, token);
    if (partyPassword) await this.vault.set(partyPasswordKey(connection.id), partyPassword);
  }

  private assertOwn(id: string): void {
    if (id.startsWith(BUILT_IN_ID_PREFIX)) throw new CargaError(msg('job.sandbox-read-only'));
  }
}

/** The vault entry of a connection's party password: beside its token, never in a file. */
function partyPasswordKey(connectionId: string): string {
  return `${connectionId}#party-password`;
}

function isSandbox(connection: Connection): boolean {
  return connection.server === SANDBOX_SERVER;
}
