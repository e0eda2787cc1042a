import { join } from 'node:path';

import packageJson from '../../package.json' with { type: 'json' };
import { missingConnectionFields } from '../../shared/connection-requirements';
import type {
  AppInfo,
  CargaApi,
  Connection,
  EngineClient,
  EngineEvent,
  JobSummary,
  Lang,
  QuotaInfo,
  ReportFormat,
  ReportKind,
  ServerLists,
} from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { suggestMapping } from '../../shared/mapping/suggest-mapping';
import { msg } from '../../shared/messages/catalog';
import { TARGET_SPECS } from '../../shared/targets/catalog';
import { checkFile } from './check/check-file';
import { previewRequests } from './check/preview-requests';
import { readListsForCheck } from './check/server-lists';
import type { BuiltInConnections } from './connections/built-in-connections';
import { ConnectionResolver } from './connections/connection-resolver';
import { ConnectionStore } from './connections/connection-store';
import type { HttpClient } from './crm/http-client';
import type { ResolvedConnection } from './crm/target-adapter';
import { targetAdapter } from './crm/targets';
import { readThalamusLists } from './crm/thalamus-lists';
import { createHttpClient } from './crm/undici-http-client';
import { openFile } from './files/open-file';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './jobs/backoff';
import { JobManager } from './jobs/job-manager';
import { JobStore } from './jobs/job-store';
import { LedgerBook } from './ledger/ledger-book';
import { readTokenQuota } from './quota/read-token-quota';
import { TokenLanes } from './quota/token-lanes';
import { reportFileName } from './reports/report-file-name';
import type { Vault } from './secrets/vault';
import { ensureWritableFolder } from './storage/storage-failure';
import { TemplateStore } from './templates/template-store';

export interface EngineOptions {
  /** Holds jobs/, templates/, connections.json and the quota ledgers. */
  dataDir: string;
  /** Where jobs live when not `dataDir/jobs` (the CLI's `--jobs-dir`). */
  jobsDir?: string;
  vault: Vault;
  lang: Lang;
  frontDoor: AppInfo['frontDoor'];
  /** The embedded sandbox CRM, started by the front door that offers it; none when absent. */
  sandbox?: BuiltInConnections | null;
  /** Per-request timeout; the wolkvox API cuts calls at 60 s. */
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  /** Resume jobs by themselves when the quota resets (the app); the CLI exits instead. */
  autoResume?: boolean;
  /** While a CRM is down, a job waits at most this long, then stops resumable (the CLI's `--max-wait`). */
  maxWaitMs?: number;
}

export interface Engine extends EngineClient {
  close(): Promise<void>;
  /** Waits until the job's current pass ends (the CLI runs one pass per command). */
  settled(jobId: string): Promise<JobSummary>;
  /** A connection for this process only, with its token, never saved (the CLI's flags). It
   * also stands in for a saved job's connection of the same id, e.g. with another server. */
  useConnection(connection: Connection, token?: string, partyPassword?: string): Promise<void>;
}

export async function createEngine(options: EngineOptions): Promise<Engine> {
  const jobsDir = options.jobsDir ?? join(options.dataDir, 'jobs');
  const listeners = new Set<(event: EngineEvent) => void>();
  const emit = (event: EngineEvent) => {
    for (const listener of listeners) listener(event);
  };
  ensureWritableFolder(options.dataDir);
  ensureWritableFolder(jobsDir);
  const sandbox = options.sandbox ?? null;
  const http: HttpClient = createHttpClient();
  const connections = new ConnectionResolver(
    new ConnectionStore(join(options.dataDir, 'connections.json')),
    options.vault,
    sandbox,
  );
  const templates = new TemplateStore(join(options.dataDir, 'templates'));
  const lanes = new TokenLanes(join(jobsDir, '.quota'));
  const resolve = (connection: Connection) => connections.resolve(connection);
  const jobStore = new JobStore(jobsDir);
  const ledgers = new LedgerBook(join(options.dataDir, 'ledger'), jobStore);

  const jobs = new JobManager({
    store: jobStore,
    lanes,
    http,
    emit,
    // A job sends with its connection as the operator keeps it now (a fixed operation, module or
    // campaign), as long as it still exists for the same target.
    resolve: (connection) => {
      const current = connections
        .list()
        .find((each) => each.id === connection.id && each.target === connection.target);
      return resolve(current ? connections.effective(current) : connection);
    },
    timeoutMs: options.timeoutMs ?? 70_000,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    autoResume: options.autoResume ?? true,
    ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
    ledgers,
  });

  await jobs.scheduleWaitingJobs();

  const api: CargaApi = {
    getAppInfo: async () => ({
      version: packageJson.version,
      lang: options.lang,
      frontDoor: options.frontDoor,
      sandboxOrigin: sandbox?.origin ?? null,
    }),
    listTargets: async () => Object.values(TARGET_SPECS),

    listConnections: async () =>
      Promise.all(connections.list().map((connection) => connections.summary(connection))),
    saveConnection: async ({ connection, token, partyPassword }) => {
      await connections.save(connection, token, partyPassword);
      emit({ type: 'connections-changed' });
      return connections.summary(connection);
    },
    deleteConnection: async ({ id }) => {
      await connections.delete(id);
      emit({ type: 'connections-changed' });
    },
    testConnection: async ({ id }) => readQuota(await resolve(connections.find(id))),
    readServerLists: async ({ id }) => readServerLists(connections.find(id)),

    openFile: async ({ path, options: fileOptions }) => openFile(path, fileOptions),
    suggestMapping: async ({ target, columns }) => suggestMapping(target, columns),
    previewRequests: async ({ path, options: fileOptions, template, connectionId, rows }) => {
      const connection = connections.find(connectionId);
      return previewRequests({
        info: await openFile(path, fileOptions),
        template,
        connection,
        origin: connections.origin(connection),
        rows: rows ?? 3,
      });
    },
    checkFile: async ({ checkId, path, options: fileOptions, template, connectionId }) => {
      const connection = connectionId ? connections.find(connectionId) : null;
      const lane = connection ? await laneFor(connection) : null;
      return checkFile({
        info: await openFile(path, fileOptions),
        template,
        connection,
        remainingQuota: lane?.ledger.remaining ?? null,
        dailyBudget: lane?.ledger.budget ?? null,
        alreadySent: connection ? await alreadySentAt(connection) : null,
        serverLists:
          connection?.target === 'thalamus-cases'
            ? await readListsForCheck(() => readServerLists(connection), options.lang)
            : null,
        onProgress: (rows) => emit({ type: 'check-progress', checkId, rows }),
      });
    },

    startJob: async ({ path, options: fileOptions, template, connectionId, allowDuplicates }) => {
      const connection = connections.find(connectionId);
      const missing = missingConnectionFields(connections.effective(connection));
      if (missing.length)
        throw new CargaError(
          msg('job.connection-incomplete', { name: connection.name, fields: missing.join(', ') }),
        );
      await resolve(connection);
      const spec = await jobs.create({
        file: await openFile(path, fileOptions),
        template,
        connection,
        allowDuplicates,
      });
      return jobs.start(spec.jobId, { kind: 'run' });
    },
    pauseJob: async ({ jobId }) => jobs.pause(jobId),
    resumeJob: async ({ jobId }) => jobs.start(jobId, { kind: 'run' }),
    cancelJob: async ({ jobId }) => jobs.cancel(jobId),
    retryJob: async ({ jobId, includeUncertain, onlyCorrected, template }) => {
      if (template) await jobs.replaceTemplate(jobId, template);
      return jobs.start(jobId, { kind: 'retry', includeUncertain, onlyCorrected: onlyCorrected === true });
    },
    fixRow: async ({ jobId, index, values }) => jobs.fixRow(jobId, index, values),
    getJob: async ({ jobId }) => jobs.summary(jobId),
    listJobs: async () => jobs.list(),
    listResults: async ({ jobId, filter, offset, limit }) => jobs.results(jobId, filter, offset, limit),
    failureBreakdown: async ({ jobId }) => jobs.breakdown(jobId),
    exportReport: async ({ jobId, kind, format, path, lang }) =>
      exportReport(jobId, kind, format, path, lang ?? options.lang),

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

  /** The destination's ledger, or null while the connection cannot name one (no server yet). */
  async function alreadySentAt(connection: Connection) {
    try {
      return { ledger: await ledgers.forConnection(connection), connection };
    } catch {
      return null;
    }
  }

  /** Thalamus's category/type pairs and statuses; other targets declare none. */
  async function readServerLists(connection: Connection): Promise<ServerLists> {
    if (connection.target !== 'thalamus-cases') throw new CargaError(msg('lists.not-offered'));
    const conn = await resolve(connection);
    return readThalamusLists({
      conn,
      lane: lanes.lane(conn.origin, conn.token, conn.connection.dailyLimit),
      http,
      timeoutMs: options.timeoutMs ?? 70_000,
    });
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

  async function exportReport(
    jobId: string,
    kind: ReportKind,
    format: ReportFormat,
    path: string | undefined,
    lang: Lang,
  ) {
    const spec = await jobs.spec(jobId);
    // The report writers (exceljs above all) load only when a report is exported: a job that
    // never exports one, and every CLI command, start without them.
    const { exportJobReport } = await import('./reports/export-job-report');
    return exportJobReport({
      jobs,
      spec,
      kind,
      format,
      path:
        path ??
        join(jobsDir, jobId, reportFileName({ sourceName: spec.file.name, jobId, kind, format, lang })),
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
    useConnection: (connection, token, partyPassword) =>
      connections.useForThisProcess(connection, token, partyPassword),
    close: async () => {
      await jobs.close();
      await ledgers.close();
      await http.close();
      await sandbox?.close();
      listeners.clear();
    },
  };
}
