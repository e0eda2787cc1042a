import type {
  AppInfo,
  CargaApi,
  Connection,
  ConnectionSummary,
  EngineClient,
  EngineEvent,
  JobSummary,
  MethodInput,
  MethodName,
  Template,
} from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { TARGETS } from '../../../shared/targets/catalog';

export interface RecordedCall {
  method: MethodName;
  input: unknown;
}

const SANDBOX: Connection = {
  id: 'sandbox-cases',
  name: 'Sandbox · wolkvox CRM',
  target: 'wolkvox-crm-cases',
  server: 'sandbox',
  operation: 'demo',
};

/**
 * An engine for front-door tests: answers the start-up calls with plausible data, keeps
 * connections and templates in memory, records every call it gets, and emits events on demand.
 * Tokens go to `tokens`, never back out, as in the real engine.
 */
export class FakeEngine implements EngineClient {
  readonly calls: RecordedCall[] = [];
  readonly tokens = new Map<string, string>();
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private readonly connections = new Map<string, Connection>([[SANDBOX.id, SANDBOX]]);
  private readonly templates = new Map<string, Template>();

  emit(event: EngineEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private record<M extends MethodName>(method: M, input?: MethodInput<M>): void {
    this.calls.push({ method, input });
  }

  async getAppInfo(): Promise<AppInfo> {
    this.record('getAppInfo');
    return { version: '0.0.0-test', lang: 'es', frontDoor: 'web', sandboxOrigin: null };
  }

  async listTargets() {
    this.record('listTargets');
    return Object.values(TARGETS);
  }

  async listConnections(): Promise<ConnectionSummary[]> {
    this.record('listConnections');
    return [...this.connections.values()].map((connection) => this.summary(connection));
  }

  async saveConnection(input: MethodInput<'saveConnection'>): Promise<ConnectionSummary> {
    this.record('saveConnection', input);
    this.connections.set(input.connection.id, input.connection);
    if (input.token) this.tokens.set(input.connection.id, input.token);
    this.emit({ type: 'connections-changed' });
    return this.summary(input.connection);
  }

  async deleteConnection(input: MethodInput<'deleteConnection'>): Promise<void> {
    this.record('deleteConnection', input);
    this.connections.delete(input.id);
    this.tokens.delete(input.id);
  }

  async testConnection(input: MethodInput<'testConnection'>) {
    this.record('testConnection', input);
    if (!this.connections.has(input.id))
      throw new CargaError(msg('job.connection-not-found', { id: input.id }));
    return { limit: 4800, usedToday: 0, remaining: 4800, countedToday: 0 };
  }

  async readServerLists(input: MethodInput<'readServerLists'>) {
    this.record('readServerLists', input);
    return { caseTypes: [], statuses: [] };
  }

  async listJobs(): Promise<JobSummary[]> {
    this.record('listJobs');
    return [];
  }

  async getJob(input: MethodInput<'getJob'>): Promise<JobSummary> {
    this.record('getJob', input);
    throw new CargaError(msg('job.not-found', { jobId: input.jobId }));
  }

  async listTemplates(): Promise<Template[]> {
    this.record('listTemplates');
    return [...this.templates.values()];
  }

  async saveTemplate(input: MethodInput<'saveTemplate'>): Promise<Template> {
    this.record('saveTemplate', input);
    this.templates.set(input.template.name, input.template);
    return input.template;
  }

  async deleteTemplate(input: MethodInput<'deleteTemplate'>): Promise<void> {
    this.record('deleteTemplate', input);
    this.templates.delete(input.name);
  }

  async matchTemplates(input: MethodInput<'matchTemplates'>): Promise<Template[]> {
    this.record('matchTemplates', input);
    return [];
  }

  async suggestMapping(input: MethodInput<'suggestMapping'>) {
    this.record('suggestMapping', input);
    return input.columns.map((column) => ({ column, field: null, confidence: 0 }));
  }

  openFile = this.unavailable('openFile');
  previewRequests = this.unavailable('previewRequests');
  checkFile = this.unavailable('checkFile');
  startJob = this.unavailable('startJob');
  pauseJob = this.unavailable('pauseJob');
  resumeJob = this.unavailable('resumeJob');
  cancelJob = this.unavailable('cancelJob');
  retryJob = this.unavailable('retryJob');
  fixRow = this.unavailable('fixRow');
  listResults = this.unavailable('listResults');
  failureBreakdown = this.unavailable('failureBreakdown');
  exportReport = this.unavailable('exportReport');

  /** A method the fake does not model: recorded, then an unexpected (non-Carga) failure. */
  private unavailable<M extends MethodName>(method: M): CargaApi[M] {
    const fail = async (input?: unknown) => {
      this.calls.push({ method, input });
      throw new Error(`${method} is not modelled by the fake engine (internal detail: /srv/private/path)`);
    };
    return fail as unknown as CargaApi[M];
  }

  private summary(connection: Connection): ConnectionSummary {
    return {
      ...connection,
      hasToken: this.tokens.has(connection.id),
      isSandbox: connection.server === 'sandbox',
    };
  }
}
