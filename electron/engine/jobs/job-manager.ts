import { statSync } from 'node:fs';

import type {
  Connection,
  EngineEvent,
  FileInfo,
  JobHolder,
  JobProgress,
  JobStatus,
  JobSummary,
  ResultFilter,
  ResultPage,
  ResultRow,
} from '../../../shared/contract';
import { CargaError, isCargaError } from '../../../shared/errors/carga-error';
import type { FailureClass } from '../../../shared/errors/failure-class';
import { msg } from '../../../shared/messages/catalog';
import type { Template } from '../../../shared/template';
import type { HttpClient } from '../crm/http-client';
import type { ResolvedConnection } from '../crm/target-adapter';
import { targetAdapter } from '../crm/targets';
import { listsForRun } from '../crm/thalamus-lists';
import type { LedgerBook } from '../ledger/ledger-book';
import type { SlotLease } from '../quota/machine-slots';
import type { TokenLanes } from '../quota/token-lanes';
import { isStorageError } from '../storage/storage-failure';
import type { BackoffPolicy } from './backoff';
import { jobListParty } from './job-list-party';
import {
  afterBriefHold,
  holdJob,
  runningElsewhereMessage,
  tryHoldJob,
  whoHolds,
  type HeldJob,
} from './job-lock';
import { failureBreakdown, filteredIndices, jobSummary, passProgress, resultRow } from './job-results';
import { fileInfoOf, jobFileOf, type JobSpec } from './job-spec';
import { newJobId, type JobStore } from './job-store';
import { Journal } from './journal';
import { watchFolder, watchJournal, type JournalWatch } from './journal-watch';
import { RateMeter } from './rate-meter';
import { RowIndex } from './row-index';
import { searchRows } from './row-search';
import { JobRunner, type RunMode } from './runner';
import { sealedCount, sealedRows, sealedRowsAt } from './sealed-read';
import { SourceSeal } from './source-seal';

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
  /** While the CRM is down, a pass waits at most this long, then stops resumable. */
  maxWaitMs?: number;
  /** What each destination already accepted; without it every row is sent. */
  ledgers?: LedgerBook;
  /** Bench only: see EngineOptions.benchUnflushedSends. */
  benchUnflushedSends?: boolean;
  /** This process, as it tells others while it runs a job. */
  holder: JobHolder;
  /** Follow the journals of open jobs, so a pass another process runs shows here live (the app
   * and the web front door; the CLI shows a job once). */
  followOthers: boolean;
}

/** A job another process is running: this process reads its journal as it grows. */
interface Elsewhere {
  held: HeldJob;
  rate: RateMeter;
  /** Rows with an outcome at the last read, to measure the rate. */
  settled: number;
}

interface OpenJob {
  spec: JobSpec;
  journal: Journal;
  /** The fingerprint of the source's bytes: every read of the job is checked against it. */
  seal: SourceSeal;
  runner: JobRunner | null;
  settled: Promise<JobStatus> | null;
  /** The background read that seals every block of the file and counts its rows. */
  counting?: Promise<void>;
  /** Where its CSV may be read from the middle (null: from the top); undefined until known. */
  rowIndex?: RowIndex | null;
  /** A job sealed before row indexes were kept: the read that writes its index. */
  indexing?: Promise<void>;
  resumeTimer?: NodeJS.Timeout;
  /** Set while another process runs the job: its journal is open to read only. */
  elsewhere?: Elsewhere;
  watch?: JournalWatch;
  /** The last search of Results, kept while the journal is unchanged: its pages read the file once. */
  search?: { key: string; rows: Promise<number[]> };
}

/** Creates jobs, runs them one pass at a time, and answers what their journals say. */
export class JobManager {
  private readonly open = new Map<string, OpenJob>();
  private readonly opening = new Map<string, Promise<OpenJob>>();
  /** Jobs whose pass is being started, so a second start in this process says it is running. */
  private readonly starting = new Set<string>();

  /** Jobs already in the jobs folder (or shown as they appeared), while following it. */
  private readonly listed = new Set<string>();
  private readonly jobsWatch: JournalWatch | null = null;
  /** This process as it holds a job to open or change it, not to run a pass: another process
   * that wants the job meanwhile waits rather than being refused. */
  private readonly briefHolder: JobHolder;

  constructor(private readonly o: JobManagerOptions) {
    this.briefHolder = { ...o.holder, brief: true };
    if (!o.followOthers) return;
    for (const jobId of o.store.list()) this.listed.add(jobId);
    this.jobsWatch = watchFolder(o.store.jobsDir, () => void this.jobsFolderChanged());
  }

  /** A job another process created shows at once: its summary is pushed when its folder appears.
   * Read from its summary file, or followed when its pass runs already; never opened to write,
   * so the process that created it stays the one that starts it. */
  private async jobsFolderChanged(): Promise<void> {
    for (const jobId of this.o.store.list()) {
      if (this.listed.has(jobId)) continue;
      if (this.open.has(jobId) || this.opening.has(jobId) || this.starting.has(jobId)) {
        // This process's own job: shown by its own events.
        this.listed.add(jobId);
        continue;
      }
      const held = await this.heldElsewhere(jobId);
      held?.stop();
      const saved = held ? null : this.o.store.readSummary(jobId);
      // Not written fully yet: looked at again on the next change.
      if (!held && !saved) continue;
      this.listed.add(jobId);
      try {
        const summary = held ? await this.summary(jobId) : saved!;
        this.o.emit({ type: 'job-listed', summary });
      } catch {
        // A folder that does not read is listed (as needing review) by the next full list.
      }
    }
  }

  async create(input: {
    file: FileInfo;
    template: Template;
    connection: Connection;
    allowDuplicates?: boolean;
  }): Promise<JobSpec> {
    const { file } = input;
    const spec: JobSpec = {
      version: 1,
      jobId: newJobId(),
      createdAt: new Date().toISOString(),
      file: jobFileOf(file, statSync(file.path)),
      template: input.template,
      connection: input.connection,
      ...(input.allowDuplicates ? { allowDuplicates: true } : {}),
    };
    this.o.store.create(spec);
    SourceSeal.create(this.o.store.folder(spec.jobId), spec.file);
    const job = await this.get(spec.jobId);
    // Written at once, so a job whose description is damaged later can still be listed.
    this.o.store.writeSummary(this.summaryOf(job));
    if (file.rowCount !== null) job.journal.total(file.rowCount);
    job.counting ??= this.sealInBackground(job);
    return spec;
  }

  /** Starts a pass in the background and returns at once; `settled` waits for its end. */
  async start(jobId: string, mode: RunMode): Promise<JobSummary> {
    if (this.open.get(jobId)?.runner || this.starting.has(jobId))
      throw new CargaError(msg('job.already-running', { jobId }));
    this.starting.add(jobId);
    let lease: SlotLease | null = null;
    try {
      // No other process may run this job meanwhile; it is held until the pass ends.
      lease = await holdJob(this.o.store.folder(jobId), jobId, this.o.holder);
      const summary = await this.startHeld(await this.current(jobId), mode, lease);
      lease = null;
      return summary;
    } finally {
      this.starting.delete(jobId);
      lease?.release();
    }
  }

  /** The pass itself, started while this process holds the job; the pass releases `lease`. */
  private async startHeld(job: OpenJob, mode: RunMode, lease: SlotLease): Promise<JobSummary> {
    const { jobId } = job.spec;
    await job.seal.assertProvable();
    // The first rows go out at once: the count goes on alongside (progress says so meanwhile), and
    // the runner warns about more days of quota as soon as it knows the total.
    const conn = await this.o.resolve(job.spec.connection);
    const ledger = await this.o.ledgers?.forConnection(conn.connection);
    // Rows outside the server's lists (Thalamus) fail as Check said, without a request each.
    const serverLists = await listsForRun({
      conn,
      lane: this.o.lanes.lane(conn.origin, conn.token, job.spec.connection.dailyLimit),
      http: this.o.http,
      timeoutMs: this.o.timeoutMs,
      party: await jobListParty(job.spec),
    });
    // The operator may have fixed the connection (its operation, module, campaign) since the
    // job was created: the pass sends with the connection as it is now.
    if (JSON.stringify(conn.connection) !== JSON.stringify(job.spec.connection)) {
      job.spec = { ...job.spec, connection: conn.connection };
      this.o.store.create(job.spec);
    }
    if (job.journal.state.damage) {
      // What was sent is not fully known: sending again could duplicate rows the CRM accepted,
      // unless the destination's ledger, which the runner consults before sending any row, holds
      // every row this job is known to have had accepted.
      const known = Math.max(job.journal.acceptedAtCheckpoint, this.o.store.readSummary(jobId)?.ok ?? 0);
      if (!ledger || ledger.acceptedBy(jobId) < known) {
        lease.release();
        return this.summaryOf(job);
      }
      job.journal.acceptDamage();
    }
    clearTimeout(job.resumeTimer);
    const runner = new JobRunner({
      spec: job.spec,
      journal: job.journal,
      seal: job.seal,
      adapter: targetAdapter(job.spec.connection.target),
      conn,
      http: this.o.http,
      lane: this.o.lanes.lane(conn.origin, conn.token, job.spec.connection.dailyLimit),
      mode,
      timeoutMs: this.o.timeoutMs,
      backoff: this.o.backoff,
      emit: (event) => this.o.emit(event),
      ...(this.o.maxWaitMs !== undefined ? { maxWaitMs: this.o.maxWaitMs } : {}),
      ...(ledger ? { ledger } : {}),
      ...(serverLists ? { serverLists } : {}),
      ...(job.counting ? { counted: job.counting } : {}),
      ...(this.o.benchUnflushedSends ? { benchUnflushedSends: true } : {}),
    });
    job.runner = runner;
    job.settled = runner.run().then(
      (status) => {
        lease.release();
        return this.afterRun(job, status);
      },
      (error: unknown) => {
        lease.release();
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
    if (job.elsewhere) throw new CargaError(runningElsewhereMessage(jobId, job.elsewhere.held.holder));
    clearTimeout(job.resumeTimer);
    job.runner?.pause();
    // A job waiting for its quota has no runner: paused, it no longer goes on at the reset.
    if (!job.runner && job.journal.state.status === 'waiting-quota')
      await this.alone(jobId, (current) => this.writeStatus(current, 'paused'));
    return this.settled(jobId);
  }

  async cancel(jobId: string): Promise<JobSummary> {
    const job = await this.get(jobId);
    clearTimeout(job.resumeTimer);
    if (job.runner) {
      job.runner.cancel();
      return this.settled(jobId);
    }
    return this.alone(jobId, (current) => {
      if (current.journal.state.status !== 'finished') this.writeStatus(current, 'cancelled');
      return this.summaryOf(current);
    });
  }

  async summary(jobId: string): Promise<JobSummary> {
    return this.summaryOf(await this.get(jobId));
  }

  /** Newest first. Jobs not opened in this process are read from their summary file, unless they
   * look damaged; a job that cannot be opened is listed as needing review, never breaks the list. */
  async list(): Promise<JobSummary[]> {
    const summaries: JobSummary[] = [];
    for (const jobId of this.o.store.list()) {
      const open = this.open.get(jobId);
      if (open) {
        summaries.push(this.summaryOf(open));
        continue;
      }
      const saved = this.o.store.readSummary(jobId);
      try {
        // A job another process runs now is opened (to read only) so it shows as it goes.
        const quiet = saved && !this.o.store.looksDamaged(jobId) && !(await this.isHeldElsewhere(jobId));
        summaries.push(quiet ? saved : this.summaryOf(await this.get(jobId)));
      } catch (error) {
        if (saved)
          summaries.push({
            ...saved,
            status: 'needs-review',
            reason: isCargaError(error) ? error.detail : msg('job.folder-damaged', { jobId }),
          });
      }
    }
    return summaries;
  }

  async fixRow(jobId: string, index: number, values: Record<string, string>): Promise<ResultRow> {
    const fixIn = (job: OpenJob) => {
      const known = new Set(job.spec.file.columns);
      const fix = Object.fromEntries(Object.entries(values).filter(([column]) => known.has(column)));
      job.journal.fix(index, fix);
      return resultRow(job.spec, job.journal.state, index);
    };
    const job = await this.get(jobId);
    // A pass of this process holds the job already: the journal is this process's to write.
    return job.runner ? fixIn(job) : this.alone(jobId, fixIn);
  }

  async results(
    jobId: string,
    filter: ResultFilter | undefined,
    offset: number,
    limit: number,
  ): Promise<ResultPage> {
    const job = await this.get(jobId);
    const indices = await this.matchingRows(job, filter);
    const rows = indices
      .slice(offset, offset + limit)
      .map((index) => resultRow(job.spec, job.journal.state, index));
    await this.fillFromFile(job, rows);
    return { total: indices.length, offset, rows };
  }

  /** The rows a filter lists, in file order. A search's answer is kept while the journal stays
   * the same, so scrolling through its pages searches the file once. */
  private matchingRows(job: OpenJob, filter: ResultFilter | undefined): Promise<number[]> {
    if (!filter?.text?.trim()) return Promise.resolve(filteredIndices(job.spec, job.journal.state, filter));
    const key = `${job.journal.recorded}:${JSON.stringify(filter)}`;
    if (job.search?.key === key) return job.search.rows;
    const rows = searchRows(job.spec, job.journal.state, filter, () =>
      sealedRows(fileInfoOf(job.spec), job.seal),
    );
    job.search = { key, rows };
    // A search that failed is not kept: the next page asks again.
    rows.catch(() => {
      if (job.search?.rows === rows) delete job.search;
    });
    return rows;
  }

  /** Accepted and skipped rows keep no cells in the journal: a page of them is read from the
   * file, only while it is still the file the job read (else they show without values), from
   * the row index's position before each (so a page far down a big file costs what the first does). */
  private async fillFromFile(job: OpenJob, rows: ResultRow[]): Promise<void> {
    const wanted = new Map(rows.filter((row) => !row.sent).map((row) => [row.index, row]));
    if (wanted.size === 0) return;
    const indices = [...wanted.keys()].sort((a, b) => a - b);
    // A file whose stat changed is read from the top, as before the index: a changed block
    // anywhere before the rows refuses them all.
    const index = job.seal.unchanged() ? this.rowIndexOf(job) : null;
    try {
      for await (const source of sealedRowsAt(fileInfoOf(job.spec), job.seal, index, indices)) {
        const row = wanted.get(source.index)!;
        const fixes = job.journal.state.fixes.get(source.index);
        row.row = source.row;
        job.spec.file.columns.forEach(
          (column, i) => (row.values[column] = fixes?.[column] ?? source.cells[i] ?? ''),
        );
      }
    } catch {
      // The file is gone or changed: the rows show their number and CRM id alone.
    }
  }

  /** Every accepted row in file order, with its file values and CRM id: the success report.
   * Read from the bytes the job read; a changed file stops it with `job.file-changed`. */
  async *acceptedRows(jobId: string): AsyncGenerator<ResultRow> {
    const job = await this.get(jobId);
    const { states, crmIds, fixes } = job.journal.state;
    const { columns } = job.spec.file;
    for await (const batch of sealedRows(fileInfoOf(job.spec), job.seal)) {
      for (const source of batch) {
        if (states.get(source.index) !== 'ok') continue;
        const crmId = crmIds.get(source.index);
        // What the CRM accepted: the operator's fixes over the file's cells.
        const fixed = fixes.get(source.index);
        yield {
          row: source.row,
          index: source.index,
          outcome: 'ok',
          values: Object.fromEntries(
            columns.map((column, i) => [column, fixed?.[column] ?? source.cells[i] ?? '']),
          ),
          ...(crmId !== undefined ? { crmId } : {}),
          fixed: false,
        };
      }
    }
  }

  async breakdown(jobId: string): Promise<Partial<Record<FailureClass | 'validation', number>>> {
    return failureBreakdown((await this.get(jobId)).journal.state);
  }

  /** Failed (and uncertain, when asked) rows in file order, with their cells and fixes, for reports. */
  async *detailRows(
    jobId: string,
    outcomes: readonly ('failed' | 'uncertain' | 'skipped')[],
  ): AsyncGenerator<ResultRow> {
    const job = await this.get(jobId);
    for (const index of filteredIndices(job.spec, job.journal.state, { outcomes: [...outcomes] })) {
      yield resultRow(job.spec, job.journal.state, index);
    }
  }

  /** A retry after the operator changed the mapping: the job's spec takes the new template. */
  async replaceTemplate(jobId: string, template: Template): Promise<void> {
    if ((await this.get(jobId)).runner) throw new CargaError(msg('job.already-running', { jobId }));
    await this.alone(jobId, (job) => {
      job.spec = { ...job.spec, template };
      this.o.store.create(job.spec);
    });
  }

  /** Changes a job no pass is running, while no other process can start one; refuses with
   * `job.running-elsewhere` when another process is running it. */
  private async alone<T>(jobId: string, change: (job: OpenJob) => T): Promise<T> {
    const lease = await holdJob(this.o.store.folder(jobId), jobId, this.briefHolder);
    try {
      return change(await this.current(jobId));
    } finally {
      lease.release();
    }
  }

  /** The open job, opened again when another process wrote its journal since this one read it
   * (while this process holds the job, no other can write it). */
  private async current(jobId: string): Promise<OpenJob> {
    const job = await this.get(jobId);
    if (job.runner || (!job.elsewhere && !job.journal.writtenElsewhere())) return job;
    this.forget(job);
    return this.get(jobId);
  }

  /** Closes an open job, to be opened again from its folder. */
  private forget(job: OpenJob): void {
    clearTimeout(job.resumeTimer);
    job.elsewhere?.held.stop();
    job.watch?.close();
    job.journal.close();
    if (this.open.get(job.spec.jobId) === job) this.open.delete(job.spec.jobId);
  }

  /** Who holds the job in `folder` now; another process's brief hold (to open or change it) is
   * waited out first, since the job is this process's to use once that ends. */
  private async holderOf(folder: string): Promise<HeldJob | null> {
    const asked = await whoHolds(folder);
    return asked && asked.holder.pid !== process.pid ? afterBriefHold(folder, asked) : asked;
  }

  /** Whether another process holds the job now (this one's own passes aside). */
  private async heldElsewhere(jobId: string): Promise<HeldJob | null> {
    const held = await this.holderOf(this.o.store.folder(jobId));
    if (held?.holder.pid !== process.pid) return held;
    held.stop();
    return null;
  }

  private async isHeldElsewhere(jobId: string): Promise<boolean> {
    const held = await this.heldElsewhere(jobId);
    held?.stop();
    return held !== null;
  }

  /** The job's journal grew: another process's pass goes on (its progress is pushed), or another
   * process started or ran the job since this one read it (it is read again). */
  private async journalChanged(job: OpenJob): Promise<void> {
    const { jobId } = job.spec;
    if (this.open.get(jobId) !== job || job.runner || this.starting.has(jobId)) return;
    if (job.elsewhere) {
      if (job.journal.catchUp()) this.o.emit({ type: 'job-progress', progress: this.followedProgress(job) });
      return;
    }
    if (!job.journal.writtenElsewhere()) return;
    this.forget(job);
    const summary = await this.summary(jobId);
    const reopened = this.open.get(jobId);
    if (reopened?.elsewhere) this.o.emit({ type: 'job-progress', progress: this.followedProgress(reopened) });
    else this.emitSettled(summary);
  }

  /** The other process let go of the job (its pass ended, or it died): the job is opened again,
   * which turns a pass cut off by a crash into a paused job, and its end is pushed. */
  private async releasedElsewhere(job: OpenJob): Promise<void> {
    if (this.open.get(job.spec.jobId) !== job) return;
    // Its last lines first, so the counts shown end where its pass ended (no one runs it now).
    job.elsewhere?.held.stop();
    delete job.elsewhere;
    job.journal.catchUp();
    this.o.emit({ type: 'job-progress', progress: this.followedProgress(job) });
    this.forget(job);
    try {
      this.emitSettled(await this.summary(job.spec.jobId));
    } catch {
      // The folder went away meanwhile: nothing to show.
    }
  }

  private emitSettled(summary: JobSummary): void {
    const { jobId, status, reason, heldBy } = summary;
    if (heldBy) return;
    this.o.emit(
      reason ? { type: 'job-status', jobId, status, reason } : { type: 'job-status', jobId, status },
    );
    if (status === 'finished') this.o.emit({ type: 'job-finished', summary });
  }

  /** The progress of the pass another process runs, as its journal says and this process measured. */
  private followedProgress(job: OpenJob): JobProgress {
    const { state } = job.journal;
    const elsewhere = job.elsewhere;
    const { ok, failed, uncertain, skipped } = state.states.tally;
    const settled = ok + failed + uncertain + skipped;
    if (elsewhere && settled > elsewhere.settled) elsewhere.rate.add(settled - elsewhere.settled);
    if (elsewhere) elsewhere.settled = settled;
    const resetsAt = state.reason?.params?.resetsAt;
    return passProgress(job.spec.jobId, state, {
      status: state.status ?? 'running',
      seen: 0,
      requests: state.requests,
      rate: elsewhere?.rate.perSecond() ?? 0,
      // The quota is the other process's to read: known here only as the reset it waits for.
      quotaLeft: null,
      dailyQuota: null,
      ...(typeof resetsAt === 'string' ? { quotaResetsAt: resetsAt } : {}),
      ...(elsewhere ? { heldBy: elsewhere.held.holder } : {}),
    });
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
    this.jobsWatch?.close();
    for (const job of this.open.values()) {
      clearTimeout(job.resumeTimer);
      job.elsewhere?.held.stop();
      job.watch?.close();
      job.runner?.pause();
    }
    await Promise.allSettled([...this.open.values()].flatMap((job) => [job.settled, job.indexing]));
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

  /** Opening a job repairs what a crash left (a torn last line, rows in flight, a pass marked
   * running), which writes its journal: that is done only while this process holds the job, so a
   * terminal starting it at the same instant is refused rather than write beside it; a job
   * another process holds is only read. */
  private async openJob(jobId: string): Promise<OpenJob> {
    const spec = this.o.store.readSpec(jobId);
    const folder = this.o.store.folder(jobId);
    const held = await this.holderOf(folder);
    if (held && held.holder.pid !== process.pid) return this.openFollowing(spec, held);
    held?.stop();
    // Held by this process already: a pass being started or a change made here opens it.
    if (held) return this.openHeld(spec);
    const lease = await tryHoldJob(folder, this.briefHolder);
    if (!lease) {
      // Taken since the question: by whom, asked again.
      const taker = await this.heldElsewhere(jobId);
      if (taker) return this.openFollowing(spec, taker);
      throw new CargaError(msg('job.running-elsewhere', { jobId }));
    }
    try {
      return await this.openHeld(spec);
    } finally {
      lease.release();
    }
  }

  /** Opens a job this process holds: its journal repaired, replayed and written from here. */
  private async openHeld(spec: JobSpec): Promise<OpenJob> {
    const { jobId } = spec;
    const folder = this.o.store.folder(jobId);
    const journal = await Journal.open(this.o.store.journalPath(jobId), this.o.store.checkpointPath(jobId));
    const seal = SourceSeal.open(folder, spec.file);
    const job: OpenJob = { spec, journal, seal, runner: null, settled: null };
    if (this.o.followOthers) job.watch = watchJournal(folder, () => void this.journalChanged(job));
    // A process that created the job ended before counting its rows: count (and seal) them now.
    if (journal.state.total === null) job.counting = this.sealInBackground(job);
    // A job found running was cut off by a crash: it is paused now, its in-flight rows uncertain.
    if (journal.state.status === 'running') this.writeStatus(job, 'paused');
    await this.fillMissingCells(job);
    this.open.set(jobId, job);
    return job;
  }

  /** A job another process runs: its journal read as it grows, nothing written here, until that
   * process lets go. */
  private openFollowing(spec: JobSpec, held: HeldJob): OpenJob {
    const { jobId } = spec;
    const journal = Journal.follow(this.o.store.journalPath(jobId), this.o.store.checkpointPath(jobId));
    const { ok, failed, uncertain, skipped } = journal.state.states.tally;
    const job: OpenJob = {
      spec,
      journal,
      seal: SourceSeal.open(this.o.store.folder(jobId), spec.file),
      runner: null,
      settled: null,
      elsewhere: { held, rate: new RateMeter(), settled: ok + failed + uncertain + skipped },
    };
    job.watch = watchJournal(this.o.store.folder(jobId), () => void this.journalChanged(job));
    void held.released.then(() => this.releasedElsewhere(job));
    this.open.set(jobId, job);
    return job;
  }

  /** Rows cut off in flight have no cells in the journal: read them back from the file once. */
  private async fillMissingCells(job: OpenJob): Promise<void> {
    const missing: number[] = [];
    for (const [index, detail] of job.journal.state.details) if (!detail.cells) missing.push(index);
    if (missing.length === 0) return;
    missing.sort((a, b) => a - b);
    try {
      for await (const row of sealedRowsAt(fileInfoOf(job.spec), job.seal, this.rowIndexOf(job), missing))
        job.journal.attachCells(row.index, row.cells, row.row);
    } catch {
      // The file is gone or changed: results show these rows without their cells.
    }
  }

  private afterRun(job: OpenJob, status: JobStatus): JobStatus {
    job.runner = null;
    const summary = this.summaryOf(job);
    try {
      this.o.store.writeSummary(summary);
    } catch (error) {
      // A full or read-only disk: the journal is the record, the summary only a shortcut for lists.
      if (!isStorageError(error)) throw error;
    }
    if (status === 'finished') this.o.emit({ type: 'job-finished', summary });
    if (status === 'waiting-quota' && this.o.autoResume) this.scheduleResume(job);
    return status;
  }

  private scheduleResume(job: OpenJob): void {
    const resetsAt = job.journal.state.reason?.params?.resetsAt;
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
    job.journal.status(status);
    this.o.store.writeSummary(this.summaryOf(job));
    this.o.emit({ type: 'job-status', jobId: job.spec.jobId, status });
  }

  /** The job's row index when its folder holds one for these bytes. A job sealed before indexes
   * were kept gets one by a read in the background (meanwhile, and for a workbook, null: rows are
   * read from the top). */
  private rowIndexOf(job: OpenJob): RowIndex | null {
    if (job.rowIndex !== undefined || job.spec.file.kind !== 'csv') return job.rowIndex ?? null;
    const saved = RowIndex.read(this.o.store.folder(job.spec.jobId), job.spec.file, job.seal.fingerprint());
    if (saved) return (job.rowIndex = saved);
    if (!job.counting && !job.indexing)
      job.indexing = this.sealInBackground(job).finally(() => (job.indexing = undefined));
    return null;
  }

  /** Reads the whole file once right after the job is created, recording the hash of every
   * block (so later reads can prove their bytes), writing its row index and counting the rows
   * when not known yet. */
  private async sealInBackground(job: OpenJob): Promise<void> {
    try {
      const built = job.spec.file.kind === 'csv' ? RowIndex.builder() : null;
      const count = await sealedCount(fileInfoOf(job.spec), job.seal, built?.add);
      job.seal.sync();
      const fingerprint = job.seal.fingerprint();
      if (built && fingerprint)
        job.rowIndex = RowIndex.write(this.o.store.folder(job.spec.jobId), job.spec.file, fingerprint, built);
      if (job.journal.state.total === null && (await this.writeHeld(job, () => job.journal.total(count)))) {
        if (job.runner) job.runner.totalKnown();
        else this.o.emit({ type: 'job-counted', summary: this.summaryOf(job) });
      }
    } catch {
      // The run itself reports an unreadable or changed file; the total is then learnt at the end
      // of a pass. Rows are then read from the top (where the seal stops them), not indexed again.
      job.rowIndex ??= null;
    }
  }

  /** Writes the journal outside a pass only while this process holds the job; false (nothing
   * written) when another process holds it or wrote it meanwhile — it is then that one's to write. */
  private async writeHeld(job: OpenJob, write: () => void): Promise<boolean> {
    const { jobId } = job.spec;
    if (job.runner || this.starting.has(jobId)) {
      write();
      return true;
    }
    if (job.elsewhere) return false;
    const lease = await tryHoldJob(this.o.store.folder(jobId), this.briefHolder);
    if (!lease) return false;
    try {
      if (job.journal.writtenElsewhere()) return false;
      write();
      return true;
    } finally {
      lease.release();
    }
  }

  private summaryOf(job: OpenJob): JobSummary {
    const { runner, elsewhere } = job;
    if (elsewhere) {
      const progress = this.followedProgress(job);
      return {
        ...jobSummary(job.spec, job.journal.state, { status: progress.status, progress }),
        heldBy: elsewhere.held.holder,
      };
    }
    return jobSummary(
      job.spec,
      job.journal.state,
      runner ? { status: runner.jobStatus, progress: runner.progress() } : undefined,
    );
  }
}
