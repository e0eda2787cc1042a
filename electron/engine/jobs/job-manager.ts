import { statSync } from 'node:fs';
import type {
  Connection,
  EngineEvent,
  FileInfo,
  JobStatus,
  JobSummary,
  ResultFilter,
  ResultPage,
  ResultRow,
} from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import type { FailureClass } from '../../../shared/errors/failure-class';
import { msg } from '../../../shared/messages/catalog';
import type { Template } from '../../../shared/template';
import type { HttpClient } from '../crm/http-client';
import type { ResolvedConnection } from '../crm/target-adapter';
import { targetAdapter } from '../crm/targets';
import { countRows } from '../files/count-rows';
import { readRows } from '../files/read-rows';
import type { LedgerBook } from '../ledger/ledger-book';
import type { TokenLanes } from '../quota/token-lanes';
import type { BackoffPolicy } from './backoff';
import { Journal, type JournalState, type RowDetail } from './journal';
import type { JobSpec } from './job-spec';
import { newJobId, type JobStore } from './job-store';
import { fileInfoOf, JobRunner, type RunMode } from './runner';

export interface JobManagerOptions {
  store: JobStore;
  lanes: TokenLanes;
  http: HttpClient;
  emit(event: EngineEvent): void;
  /** The origin and token for a connection; throws a CargaError when the token is missing. */
  resolve(connection: Connection): Promise<ResolvedConnection>;
  timeoutMs: number;
  backoff: BackoffPolicy;
  /** In the app a job waiting for the quota resumes by itself at the reset; the CLI exits instead. */
  autoResume: boolean;
  /** What each destination already accepted; without it every row is sent. */
  ledgers?: LedgerBook;
}

interface OpenJob {
  spec: JobSpec;
  journal: Journal;
  state: JournalState;
  runner: JobRunner | null;
  settled: Promise<JobStatus> | null;
  /** The background count of the file's rows, so a summary after a pass knows the total. */
  counting?: Promise<void>;
  resumeTimer?: NodeJS.Timeout;
}

const ACTIVE: readonly JobStatus[] = ['running'];

/** Creates jobs, runs them one pass at a time, and answers what their journals say. */
export class JobManager {
  private readonly open = new Map<string, OpenJob>();
  private readonly opening = new Map<string, Promise<OpenJob>>();

  constructor(private readonly o: JobManagerOptions) {}

  async create(input: { file: FileInfo; template: Template; connection: Connection; allowDuplicates?: boolean }): Promise<JobSpec> {
    const { file } = input;
    const stat = statSync(file.path);
    const spec: JobSpec = {
      version: 1,
      jobId: newJobId(),
      createdAt: new Date().toISOString(),
      file: {
        path: file.path,
        name: file.name,
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        kind: file.kind,
        encoding: file.encoding,
        bom: file.bom,
        delimiter: file.delimiter,
        headerRow: file.headerRow,
        sheet: file.sheet,
        headers: file.headers,
        columns: file.columns,
      },
      template: input.template,
      connection: input.connection,
      ...(input.allowDuplicates ? { allowDuplicates: true } : {}),
    };
    this.o.store.create(spec);
    const job = await this.get(spec.jobId);
    if (file.rowCount !== null) this.recordTotal(job, file.rowCount);
    else job.counting = this.countInBackground(job);
    return spec;
  }

  /** Starts a pass in the background and returns at once; `settled` waits for its end. */
  async start(jobId: string, mode: RunMode): Promise<JobSummary> {
    const job = await this.get(jobId);
    this.assertFileUnchanged(job.spec);
    // The total gives the ETA and tells before the first request whether today's quota suffices.
    await job.counting;
    const conn = await this.o.resolve(job.spec.connection);
    const ledger = await this.o.ledgers?.forConnection(conn.connection);
    // Checked after the awaits, and the runner set right after, so two starts cannot both pass.
    if (job.runner) throw new CargaError(msg('job.already-running', { jobId }));
    clearTimeout(job.resumeTimer);
    const runner = new JobRunner({
      spec: job.spec,
      journal: job.journal,
      state: job.state,
      adapter: targetAdapter(job.spec.connection.target),
      conn,
      http: this.o.http,
      lane: this.o.lanes.lane(conn.origin, conn.token, job.spec.connection.dailyLimit),
      mode,
      timeoutMs: this.o.timeoutMs,
      backoff: this.o.backoff,
      emit: (event) => this.o.emit(event),
      ...(ledger ? { ledger } : {}),
    });
    job.runner = runner;
    job.settled = runner.run().then(
      (status) => this.afterRun(job, status),
      (error: unknown) => {
        job.runner = null;
        throw error;
      },
    );
    return this.summaryOf(job);
  }

  /** Waits for the running pass, if any, and returns where the job stands. */
  async settled(jobId: string): Promise<JobSummary> {
    const job = await this.get(jobId);
    if (job.settled) await job.settled;
    await job.counting;
    return this.summaryOf(job);
  }

  async pause(jobId: string): Promise<JobSummary> {
    const job = await this.get(jobId);
    clearTimeout(job.resumeTimer);
    job.runner?.pause();
    return this.settled(jobId);
  }

  async cancel(jobId: string): Promise<JobSummary> {
    const job = await this.get(jobId);
    clearTimeout(job.resumeTimer);
    if (job.runner) {
      job.runner.cancel();
      return this.settled(jobId);
    }
    if (job.state.status !== 'finished') this.writeStatus(job, 'cancelled');
    return this.summaryOf(job);
  }

  async summary(jobId: string): Promise<JobSummary> {
    return this.summaryOf(await this.get(jobId));
  }

  /** Newest first. Jobs not opened in this process are read from their summary file. */
  async list(): Promise<JobSummary[]> {
    const summaries: JobSummary[] = [];
    for (const jobId of this.o.store.list()) {
      const open = this.open.get(jobId);
      const summary = open ? this.summaryOf(open) : (this.o.store.readSummary(jobId) ?? this.summaryOf(await this.get(jobId)));
      summaries.push(summary);
    }
    return summaries;
  }

  async fixRow(jobId: string, index: number, values: Record<string, string>): Promise<ResultRow> {
    const job = await this.get(jobId);
    const known = new Set(job.spec.file.columns);
    const fix = Object.fromEntries(Object.entries(values).filter(([column]) => known.has(column)));
    job.journal.append({ t: 'fix', i: index, v: fix });
    job.state.fixes.set(index, { ...job.state.fixes.get(index), ...fix });
    return this.resultRow(job, index, job.state.details.get(index));
  }

  async results(jobId: string, filter: ResultFilter | undefined, offset: number, limit: number): Promise<ResultPage> {
    const job = await this.get(jobId);
    const indices = this.filteredIndices(job, filter);
    const rows = indices.slice(offset, offset + limit).map((index) => this.resultRow(job, index, job.state.details.get(index)));
    return { total: indices.length, offset, rows };
  }

  async breakdown(jobId: string): Promise<Partial<Record<FailureClass | 'validation', number>>> {
    const job = await this.get(jobId);
    const counts: Partial<Record<FailureClass | 'validation', number>> = {};
    for (const [index, detail] of job.state.details) {
      const outcome = job.state.states.get(index);
      if (outcome !== 'failed' && outcome !== 'uncertain') continue;
      const kind = detail.failure.failureClass;
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    return counts;
  }

  /** Failed (and uncertain, when asked) rows in file order, with their cells and fixes, for reports. */
  async *detailRows(jobId: string, outcomes: readonly ('failed' | 'uncertain' | 'skipped')[]): AsyncGenerator<ResultRow> {
    const job = await this.get(jobId);
    for (const index of this.filteredIndices(job, { outcomes: [...outcomes] })) {
      yield this.resultRow(job, index, job.state.details.get(index));
    }
  }

  /** A retry after the operator changed the mapping: the job's spec takes the new template. */
  async replaceTemplate(jobId: string, template: Template): Promise<void> {
    const job = await this.get(jobId);
    if (job.runner) throw new CargaError(msg('job.already-running', { jobId }));
    job.spec = { ...job.spec, template };
    this.o.store.create(job.spec);
  }

  async spec(jobId: string): Promise<JobSpec> {
    return (await this.get(jobId)).spec;
  }

  /** After a restart, jobs that were waiting for the quota are woken again at their reset. */
  async scheduleWaitingJobs(): Promise<void> {
    if (!this.o.autoResume) return;
    for (const jobId of this.o.store.list()) {
      if (this.o.store.readSummary(jobId)?.status !== 'waiting-quota') continue;
      const job = await this.get(jobId).catch(() => null);
      if (job && !job.runner) this.scheduleResume(job);
    }
  }

  /** Pauses every running job (their rows stay pending) and closes the journals. */
  async close(): Promise<void> {
    for (const job of this.open.values()) {
      clearTimeout(job.resumeTimer);
      job.runner?.pause();
    }
    await Promise.allSettled([...this.open.values()].map((job) => job.settled));
    for (const job of this.open.values()) job.journal.close();
    this.open.clear();
  }

  private async get(jobId: string): Promise<OpenJob> {
    const open = this.open.get(jobId);
    if (open) return open;
    let pending = this.opening.get(jobId);
    if (!pending) {
      pending = this.openJob(jobId);
      this.opening.set(jobId, pending);
    }
    try {
      return await pending;
    } finally {
      this.opening.delete(jobId);
    }
  }

  private async openJob(jobId: string): Promise<OpenJob> {
    const spec = this.o.store.readSpec(jobId);
    const { journal, state } = await Journal.open(this.o.store.journalPath(jobId));
    const job: OpenJob = { spec, journal, state, runner: null, settled: null };
    // A job found running was cut off by a crash: it is paused now, its in-flight rows uncertain.
    if (state.status && ACTIVE.includes(state.status)) this.writeStatus(job, 'paused');
    await this.fillMissingCells(job);
    this.open.set(jobId, job);
    return job;
  }

  /** Rows cut off in flight have no cells in the journal: read them back from the file once. */
  private async fillMissingCells(job: OpenJob): Promise<void> {
    const missing = new Set<number>();
    for (const [index, detail] of job.state.details) if (!detail.cells) missing.add(index);
    if (missing.size === 0) return;
    try {
      for await (const batch of readRows(fileInfoOf(job.spec))) {
        for (const row of batch) {
          if (!missing.has(row.index)) continue;
          const detail = job.state.details.get(row.index);
          if (detail) {
            detail.cells = row.cells;
            detail.row = row.row;
          }
          missing.delete(row.index);
        }
        if (missing.size === 0) return;
      }
    } catch {
      // The file is gone or changed: results show these rows without their cells.
    }
  }

  private afterRun(job: OpenJob, status: JobStatus): JobStatus {
    job.runner = null;
    const summary = this.summaryOf(job);
    this.o.store.writeSummary(summary);
    if (status === 'finished') this.o.emit({ type: 'job-finished', summary });
    if (status === 'waiting-quota' && this.o.autoResume) this.scheduleResume(job);
    return status;
  }

  private scheduleResume(job: OpenJob): void {
    const resetsAt = job.state.reason?.params?.resetsAt;
    const at = typeof resetsAt === 'string' ? Date.parse(resetsAt) : NaN;
    if (Number.isNaN(at)) return;
    // A minute past the reset, so the provider's counter has surely turned over.
    const delay = Math.min(Math.max(0, at - Date.now()) + 60_000, 2 ** 31 - 1);
    job.resumeTimer = setTimeout(() => {
      void this.start(job.spec.jobId, { kind: 'run' }).catch(() => undefined);
    }, delay);
    job.resumeTimer.unref();
  }

  private writeStatus(job: OpenJob, status: JobStatus): void {
    const at = new Date().toISOString();
    job.state.status = status;
    job.state.updatedAt = at;
    delete job.state.reason;
    job.journal.append({ t: 'status', s: status, at });
    this.o.store.writeSummary(this.summaryOf(job));
    this.o.emit({ type: 'job-status', jobId: job.spec.jobId, status });
  }

  private recordTotal(job: OpenJob, total: number): void {
    if (job.state.total !== null) return;
    job.state.total = total;
    job.journal.append({ t: 'total', n: total });
  }

  private async countInBackground(job: OpenJob): Promise<void> {
    try {
      this.recordTotal(job, await countRows(fileInfoOf(job.spec)));
    } catch {
      // The run itself reports an unreadable file; the total is then learnt at the end of a pass.
    }
  }

  private assertFileUnchanged(spec: JobSpec): void {
    const stat = statSync(spec.file.path, { throwIfNoEntry: false });
    const changed = !stat || stat.size !== spec.file.size || Math.abs(stat.mtimeMs - spec.file.mtimeMs) > 1;
    if (changed) throw new CargaError(msg('job.file-changed', { name: spec.file.name }));
  }

  private filteredIndices(job: OpenJob, filter: ResultFilter | undefined): number[] {
    const outcomes = filter?.outcomes?.length ? new Set(filter.outcomes) : null;
    const classes = filter?.classes?.length ? new Set(filter.classes) : null;
    const text = filter?.text?.trim().toLocaleLowerCase() || null;
    const indices: number[] = [];
    for (const [index, detail] of job.state.details) {
      const outcome = job.state.states.get(index);
      if (outcome === 'ok' || outcome === 'pending' || outcome === 'sending') continue;
      if (outcomes && !outcomes.has(outcome)) continue;
      if (classes && !classes.has(detail.failure.failureClass)) continue;
      if (text && !matchesText(detail, text)) continue;
      indices.push(index);
    }
    return indices.sort((a, b) => a - b);
  }

  private resultRow(job: OpenJob, index: number, detail: RowDetail | undefined): ResultRow {
    const { columns } = job.spec.file;
    const fixes = job.state.fixes.get(index);
    const values: Record<string, string> = {};
    columns.forEach((column, i) => {
      values[column] = fixes?.[column] ?? detail?.cells?.[i] ?? '';
    });
    const failure = detail?.failure;
    return {
      row: detail?.row ?? rowNumberOf(job.spec, index),
      index,
      outcome: job.state.states.get(index),
      ...(failure
        ? { failureClass: failure.failureClass, code: failure.code, message: failure.message, explanation: failure.explanation }
        : {}),
      values,
      fixed: fixes !== undefined,
    };
  }

  private summaryOf(job: OpenJob): JobSummary {
    const live = job.runner?.progress();
    const total = live?.total ?? job.state.total ?? job.state.states.size;
    const counts = job.state.states.count(total);
    return {
      jobId: job.spec.jobId,
      status: job.runner?.jobStatus ?? job.state.status ?? 'paused',
      total,
      ok: counts.ok,
      failed: counts.failed,
      uncertain: counts.uncertain + counts.sending,
      pending: counts.pending,
      skipped: counts.skipped,
      requests: live?.requests ?? job.state.requests,
      createdAt: job.spec.createdAt,
      updatedAt: job.state.updatedAt ?? job.spec.createdAt,
      fileName: job.spec.file.name,
      target: job.spec.connection.target,
      connectionName: job.spec.connection.name,
      ...(job.state.reason ? { reason: job.state.reason } : {}),
      ...(job.state.alreadySent.size
        ? { alreadySent: [...job.state.alreadySent].map(([jobId, { at, rows }]) => ({ jobId, at, rows })) }
        : {}),
    };
  }
}

function matchesText(detail: RowDetail, text: string): boolean {
  if (detail.failure.message.toLocaleLowerCase().includes(text)) return true;
  if (detail.failure.code.toLocaleLowerCase().includes(text)) return true;
  return detail.cells?.some((cell) => cell.toLocaleLowerCase().includes(text)) ?? false;
}

/** A fallback for rows whose number was never read (exact when no quoted line breaks precede them). */
function rowNumberOf(spec: JobSpec, index: number): number {
  return spec.file.headerRow + 2 + index;
}
