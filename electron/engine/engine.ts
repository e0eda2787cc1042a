import { join } from 'node:path';
import type {
  AppInfo,
  CargaApi,
  Connection,
  ConnectionSummary,
  EngineClient,
  EngineEvent,
  JobSummary,
  Lang,
  QuotaInfo,
  ReportFormat,
  ReportKind,
} from '../../shared/contract';
import { resolveOrigin } from '../../shared/connection/normalize-server';
import { missingConnectionFields } from '../../shared/connection-requirements';
import { CargaError } from '../../shared/errors/carga-error';
import { msg } from '../../shared/messages/catalog';
import { suggestMapping } from '../../shared/mapping/suggest-mapping';
import { TARGETS } from '../../shared/targets/catalog';
import packageJson from '../../package.json' with { type: 'json' };
import { ConnectionStore } from './connections/connection-store';
import { sandboxConnections, SANDBOX_CONNECTION_PREFIX } from './connections/sandbox-connections';
import type { HttpClient } from './crm/http-client';
import type { ResolvedConnection } from './crm/target-adapter';
import { targetAdapter } from './crm/targets';
import { createHttpClient } from './crm/undici-http-client';
import { checkFile } from './check/check-file';
import { previewRequests } from './check/preview-requests';
import { openFile } from './files/open-file';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './jobs/backoff';
import { JobManager } from './jobs/job-manager';
import { JobStore } from './jobs/job-store';
import { LedgerBook } from './ledger/ledger-book';
import { readTokenQuota } from './quota/read-token-quota';
import { TokenLanes } from './quota/token-lanes';
import { exportJobReport } from './reports/export-job-report';
import type { Vault } from './secrets/vault';
import { TemplateStore } from './templates/template-store';
import { SANDBOX_TARGET_TOKENS, startSandbox, type SandboxHandle, type SandboxOptions } from '../sandbox/sandbox';

export interface EngineOptions {
  /** Holds jobs/, templates/, connections.json and the quota ledgers. */
  dataDir: string;
  /** Where jobs live when not `dataDir/jobs` (the CLI's `--jobs-dir`). */
  jobsDir?: string;
  vault: Vault;
  lang: Lang;
  frontDoor: AppInfo['frontDoor'];
  /** Start the embedded sandbox CRM and offer it as a connection (default true). */
  sandbox?: boolean | SandboxOptions;
  /** Per-request timeout; the wolkvox API cuts calls at 60 s. */
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  /** Resume jobs by themselves when the quota resets (the app); the CLI exits instead. */
  autoResume?: boolean;
}

export interface Engine extends EngineClient {
  close(): Promise<void>;
  /** Waits until the job's current pass ends (the CLI runs one pass per command). */
  settled(jobId: string): Promise<JobSummary>;
  /** A connection for this process only, with its token, never saved (the CLI's flags). It
   * also stands in for a saved job's connection of the same id, e.g. with another server. */
  useConnection(connection: Connection, token?: string): Promise<void>;
  readonly sandboxOrigin: string | null;
}

export async function createEngine(options: EngineOptions): Promise<Engine> {
  const jobsDir = options.jobsDir ?? join(options.dataDir, 'jobs');
  const listeners = new Set<(event: EngineEvent) => void>();
  const emit = (event: EngineEvent) => {
    for (const listener of listeners) listener(event);
  };
  const sandbox: SandboxHandle | null =
    options.sandbox === false ? null : await startSandbox(typeof options.sandbox === 'object' ? options.sandbox : {});
  const http: HttpClient = createHttpClient();
  const connections = new ConnectionStore(join(options.dataDir, 'connections.json'));
  const templates = new TemplateStore(join(options.dataDir, 'templates'));
  const lanes = new TokenLanes(join(jobsDir, '.quota'));
  const jobStore = new JobStore(jobsDir);
  const ledgers = new LedgerBook(join(options.dataDir, 'ledger'), jobStore);
  const { vault } = options;

  const ephemeral = new Map<string, Connection>();
  const builtIn = (): Connection[] => (sandbox ? sandboxConnections() : []);
  const findConnection = (id: string): Connection => {
    const connection = ephemeral.get(id) ?? builtIn().find((c) => c.id === id) ?? connections.get(id);
    if (!connection) throw new CargaError(msg('job.connection-not-found', { id }));
    return connection;
  };
  const resolve = async (saved: Connection): Promise<ResolvedConnection> => {
    const connection = ephemeral.get(saved.id) ?? saved;
    if (connection.server === 'sandbox') {
      if (!sandbox) throw new CargaError(msg('job.sandbox-off'));
      return { connection, origin: sandbox.origin, token: SANDBOX_TARGET_TOKENS[connection.target] };
    }
    const origin = resolveOrigin(connection.target, connection.server);
    const token = await vault.get(connection.id);
    if (!token) throw new CargaError(msg('job.no-token', { name: connection.name }));
    return { connection, origin, token };
  };

  const jobs = new JobManager({
    store: jobStore,
    lanes,
    http,
    emit,
    resolve,
    timeoutMs: options.timeoutMs ?? 70_000,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    autoResume: options.autoResume ?? true,
    ledgers,
  });

  await jobs.scheduleWaitingJobs();

  const summaryOf = async (connection: Connection): Promise<ConnectionSummary> => ({
    ...connection,
    hasToken: connection.server === 'sandbox' || (await vault.has(connection.id)),
    isSandbox: connection.server === 'sandbox',
  });

  const api: CargaApi = {
    getAppInfo: async () => ({
      version: packageJson.version,
      lang: options.lang,
      frontDoor: options.frontDoor,
      sandboxOrigin: sandbox?.origin ?? null,
    }),
    listTargets: async () => Object.values(TARGETS),

    listConnections: async () => Promise.all([...builtIn(), ...connections.list()].map(summaryOf)),
    saveConnection: async ({ connection, token }) => {
      if (connection.id.startsWith(SANDBOX_CONNECTION_PREFIX)) throw new CargaError(msg('job.sandbox-read-only'));
      if (connection.server !== 'sandbox') resolveOrigin(connection.target, connection.server);
      connections.save(connection);
      if (token) await vault.set(connection.id, token);
      emit({ type: 'connections-changed' });
      return summaryOf(connection);
    },
    deleteConnection: async ({ id }) => {
      if (id.startsWith(SANDBOX_CONNECTION_PREFIX)) throw new CargaError(msg('job.sandbox-read-only'));
      connections.delete(id);
      await vault.delete(id);
      emit({ type: 'connections-changed' });
    },
    testConnection: async ({ id }) => readQuota(await resolve(findConnection(id))),

    openFile: async ({ path, options: fileOptions }) => openFile(path, fileOptions),
    suggestMapping: async ({ target, columns }) => suggestMapping(target, columns),
    previewRequests: async ({ path, options: fileOptions, template, connectionId, rows }) => {
      const connection = findConnection(connectionId);
      const origin = connection.server === 'sandbox' ? (sandbox?.origin ?? 'http://127.0.0.1') : resolveOrigin(connection.target, connection.server);
      return previewRequests({ info: await openFile(path, fileOptions), template, connection, origin, rows: rows ?? 3 });
    },
    checkFile: async ({ checkId, path, options: fileOptions, template, connectionId }) => {
      const connection = connectionId ? findConnection(connectionId) : null;
      const lane = connection ? await laneFor(connection) : null;
      return checkFile({
        info: await openFile(path, fileOptions),
        template,
        connection,
        remainingQuota: lane?.ledger.remaining ?? null,
        dailyBudget: lane?.ledger.budget ?? null,
        onProgress: (rows) => emit({ type: 'check-progress', checkId, rows }),
      });
    },

    startJob: async ({ path, options: fileOptions, template, connectionId, allowDuplicates }) => {
      const connection = findConnection(connectionId);
      const missing = missingConnectionFields(ephemeral.get(connection.id) ?? connection);
      if (missing.length) throw new CargaError(msg('job.connection-incomplete', { name: connection.name, fields: missing.join(', ') }));
      await resolve(connection);
      const spec = await jobs.create({ file: await openFile(path, fileOptions), template, connection, allowDuplicates });
      return jobs.start(spec.jobId, { kind: 'run' });
    },
    pauseJob: async ({ jobId }) => jobs.pause(jobId),
    resumeJob: async ({ jobId }) => jobs.start(jobId, { kind: 'run' }),
    cancelJob: async ({ jobId }) => jobs.cancel(jobId),
    retryJob: async ({ jobId, includeUncertain, template }) => {
      if (template) await jobs.replaceTemplate(jobId, template);
      return jobs.start(jobId, { kind: 'retry', includeUncertain });
    },
    fixRow: async ({ jobId, index, values }) => jobs.fixRow(jobId, index, values),
    getJob: async ({ jobId }) => jobs.summary(jobId),
    listJobs: async () => jobs.list(),
    listResults: async ({ jobId, filter, offset, limit }) => jobs.results(jobId, filter, offset, limit),
    failureBreakdown: async ({ jobId }) => jobs.breakdown(jobId),
    exportReport: async ({ jobId, kind, format, path, lang }) => exportReport(jobId, kind, format, path, lang ?? options.lang),

    listTemplates: async () => templates.list(),
    saveTemplate: async ({ template }) => {
      const saved = templates.save(template);
      emit({ type: 'templates-changed' });
      return saved;
    },
    deleteTemplate: async ({ name }) => {
      templates.delete(name);
      emit({ type: 'templates-changed' });
    },
    matchTemplates: async ({ columns }) => templates.match(columns),
  };

  async function laneFor(connection: Connection) {
    try {
      const conn = await resolve(connection);
      return lanes.lane(conn.origin, conn.token, connection.dailyLimit);
    } catch {
      return null;
    }
  }

  async function readQuota(conn: ResolvedConnection): Promise<QuotaInfo> {
    const reading = await readTokenQuota({
      adapter: targetAdapter(conn.connection.target),
      conn,
      lane: lanes.lane(conn.origin, conn.token, conn.connection.dailyLimit),
      http,
      timeoutMs: options.timeoutMs ?? 70_000,
    });
    switch (reading.kind) {
      case 'ok':
        return reading.quota;
      case 'capped':
        throw new CargaError(msg('job.quota-reached', { resetsAt: reading.resetsAt }));
      case 'network-error':
        throw new CargaError(msg('job.connection-failed', { detail: reading.message }));
      case 'failure':
        throw new CargaError(reading.failure.explanation);
      case 'unsupported':
        throw new CargaError(msg('job.quota-unknown'));
    }
  }

  async function exportReport(jobId: string, kind: ReportKind, format: ReportFormat, path: string | undefined, lang: Lang) {
    const spec = await jobs.spec(jobId);
    return exportJobReport({
      jobs,
      spec,
      kind,
      format,
      path: path ?? join(jobsDir, jobId, `${kind}-${jobId}.${kind === 'summary' ? 'txt' : format}`),
      lang,
    });
  }

  return {
    ...api,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settled: (jobId) => jobs.settled(jobId),
    useConnection: async (connection, token) => {
      ephemeral.set(connection.id, connection);
      if (token) await vault.set(connection.id, token);
    },
    sandboxOrigin: sandbox?.origin ?? null,
    close: async () => {
      await jobs.close();
      await ledgers.close();
      await http.close();
      await sandbox?.close();
      listeners.clear();
    },
  };
}
