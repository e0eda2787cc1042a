import { join } from 'node:path';

import type {
  AppInfo,
  CargaApi,
  Connection,
  EngineClient,
  EngineEvent,
  JobSummary,
  Lang,
} from '../../shared/contract';
import { appMethods } from './api/app-methods';
import { connectionMethods } from './api/connection-methods';
import { contactMethods } from './api/contact-methods';
import type { EngineParts } from './api/engine-parts';
import { fileMethods } from './api/file-methods';
import { jobMethods } from './api/job-methods';
import { templateMethods } from './api/template-methods';
import type { BuiltInConnections } from './connections/built-in-connections';
import { ConnectionResolver } from './connections/connection-resolver';
import { ConnectionStore } from './connections/connection-store';
import { MissingContacts } from './contacts/missing-contacts';
import type { HttpClient } from './crm/http-client';
import { createHttpClient } from './crm/undici-http-client';
import { openFile } from './files/open-file';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './jobs/backoff';
import { JobManager } from './jobs/job-manager';
import { JobStore } from './jobs/job-store';
import { LedgerBook } from './ledger/ledger-book';
import { QUOTA_FOLDER, TokenLanes } from './quota/token-lanes';
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
  /** Bench only (`npm run bench -- jobs`), never set by a front door: sends without putting the
   * `sending` record on the device first, to measure what that durability costs. */
  benchUnflushedSends?: boolean;
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
  const timeoutMs = options.timeoutMs ?? 70_000;
  const http: HttpClient = createHttpClient();
  const connections = new ConnectionResolver(
    new ConnectionStore(join(options.dataDir, 'connections.json')),
    options.vault,
    sandbox,
  );
  const templates = new TemplateStore(join(options.dataDir, 'templates'));
  const lanes = new TokenLanes(join(jobsDir, QUOTA_FOLDER));
  const jobStore = new JobStore(jobsDir);
  const ledgers = new LedgerBook(join(options.dataDir, 'ledger'), jobStore);

  const jobs = new JobManager({
    store: jobStore,
    lanes,
    http,
    emit,
    // A job sends with its connection as the operator keeps it now (a fixed operation, module or
    // campaign), as long as it still exists for the same target.
    resolve: (connection) => connections.resolve(currentConnection(connection)),
    timeoutMs,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    autoResume: options.autoResume ?? true,
    ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
    ...(options.benchUnflushedSends ? { benchUnflushedSends: true } : {}),
    ledgers,
    holder: { frontDoor: options.frontDoor, pid: process.pid },
    // The app and the browser show a job the terminal runs as it goes; a CLI command reads it once.
    followOthers: options.frontDoor !== 'cli',
  });

  await jobs.scheduleWaitingJobs();

  const missingContacts = new MissingContacts({
    jobs,
    folderOf: (jobId) => jobStore.folder(jobId),
    openFile: (path) => openFile(path),
    currentConnection,
    emit,
  });

  const parts: EngineParts = {
    lang: options.lang,
    frontDoor: options.frontDoor,
    jobsDir,
    timeoutMs,
    sandbox,
    http,
    connections,
    templates,
    lanes,
    ledgers,
    jobs,
    missingContacts,
    emit,
  };
  const api: CargaApi = {
    ...appMethods(parts),
    ...connectionMethods(parts),
    ...fileMethods(parts),
    ...jobMethods(parts),
    ...contactMethods(parts),
    ...templateMethods(parts),
  };

  function currentConnection(connection: Connection): Connection {
    const current = connections
      .list()
      .find((each) => each.id === connection.id && each.target === connection.target);
    return current ? connections.effective(current) : connections.effective(connection);
  }

  return {
    ...api,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settled: async (jobId) => {
      // A case job whose contacts are being created is retried after them: wait for that too.
      await missingContacts.after(jobId);
      return jobs.settled(jobId);
    },
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
