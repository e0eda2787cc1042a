import type { EngineEvent, FileInfo, JobProgress, JobStatus, RowOutcome } from '../../../shared/contract';
import type { Classification } from '../../../shared/errors/classification';
import { classifyNetworkError, explainAt } from '../../../shared/errors/classify';
import type { CompiledMapping, MappedRecord } from '../../../shared/mapping/mapped-record';
import { isCargaError } from '../../../shared/errors/carga-error';
import { compileMapping } from '../../../shared/mapping/compile-mapping';
import type { Message } from '../../../shared/messages/message';
import { msg } from '../../../shared/messages/catalog';
import type { HttpClient, SendResult } from '../crm/http-client';
import type { HttpRequest, ResolvedConnection, TargetAdapter } from '../crm/target-adapter';
import { readRows } from '../files/read-rows';
import type { SourceRow } from '../files/source-row';
import { readTokenQuota } from '../quota/read-token-quota';
import type { TokenLane } from '../quota/token-lanes';
import { backoffDelay, wait, type BackoffPolicy } from './backoff';
import { effectiveTemplate } from './effective-template';
import type { Journal, JournalState } from './journal';
import type { RowFailure } from './journal-entry';
import type { JobSpec } from './job-spec';
import { RateMeter } from './rate-meter';
import { toRanges } from './row-ranges';

/** A row mapped, validated and ready to go. */
interface ReadyRow {
  index: number;
  row: number;
  cells: string[];
  record: MappedRecord;
}

/** A request built ahead of its turn, or the error building it threw. */
type Built = { request: HttpRequest } | { error: unknown };

export type RunMode = { kind: 'run' } | { kind: 'retry'; includeUncertain: boolean };

export interface RunnerOptions {
  spec: JobSpec;
  journal: Journal;
  state: JournalState;
  adapter: TargetAdapter;
  conn: ResolvedConnection;
  http: HttpClient;
  lane: TokenLane;
  mode: RunMode;
  timeoutMs: number;
  backoff: BackoffPolicy;
  emit(event: EngineEvent): void;
  /** Progress events at most this often (the UI and the terminal need no more than 10 a second). */
  progressIntervalMs?: number;
  random?: () => number;
}

/** Requests this job keeps in flight; the token's lane caps all jobs together at 2. */
const JOB_CONCURRENCY = 2;

/**
 * Streams a job's rows through mapping and validation into requests, within the token's limits,
 * and writes every outcome to the journal. One runner is one pass: run, resume or retry.
 */
export class JobRunner {
  private readonly abort = new AbortController();
  private requested: 'paused' | 'cancelled' | null = null;
  private halt: { status: JobStatus; reason: Message } | null = null;
  private readonly counts: Record<RowOutcome, number>;
  private readonly inFlight = new Set<Promise<void>>();
  private nextRequest: number;
  private batchCap: number;
  private seen = 0;
  private readonly rate = new RateMeter();
  private lastEmit = 0;
  private status: JobStatus = 'running';

  constructor(private readonly o: RunnerOptions) {
    this.counts = o.state.states.count(o.state.states.size);
    this.counts.pending = 0;
    this.nextRequest = o.state.requests + 1;
    this.batchCap = o.adapter.maxBatch;
  }

  get jobStatus(): JobStatus {
    return this.status;
  }

  /** Stops sending after the requests in flight; the rows not sent stay pending. */
  pause(): void {
    this.requested ??= 'paused';
    this.abort.abort();
  }

  cancel(): void {
    this.requested = 'cancelled';
    this.abort.abort();
  }

  async run(): Promise<JobStatus> {
    this.setStatus('running');
    const template = effectiveTemplate(this.o.spec.template, this.o.spec.connection);
    const mapping = compileMapping(template, this.o.spec.file.columns);
    if (mapping.blocking) {
      const first = mapping.mappingProblems[0] ?? msg('job.mapping-blocked');
      this.stop('stopped', first);
    } else {
      await this.readServerQuota();
    }

    let completePass = false;
    if (!this.halt && !this.requested) {
      const ready: ReadyRow[] = [];
      try {
        for await (const batch of readRows(fileInfoOf(this.o.spec), { signal: this.abort.signal })) {
          for (const source of batch) {
            this.seen = Math.max(this.seen, source.index + 1);
            if (!this.eligible(source.index)) continue;
            const prepared = this.prepare(source, mapping);
            if (!prepared) continue;
            ready.push(prepared);
            if (ready.length >= this.batchCap) await this.dispatch(ready.splice(0, this.batchCap));
            if (this.stopping) break;
          }
          if (this.stopping) break;
          this.maybeEmitProgress();
        }
        if (!this.stopping && ready.length) await this.dispatch(ready.splice(0));
        completePass = !this.stopping;
      } catch (error) {
        // The file changed or broke under the job: stop with the reader's own explanation.
        if (!this.stopping) this.stop('stopped', isCargaError(error) ? error.detail : msg('job.read-failed', { detail: String(error) }));
      } finally {
        await Promise.all(this.inFlight);
      }
    }

    if (completePass && this.o.state.total === null) {
      this.o.state.total = this.seen;
      this.o.journal.append({ t: 'total', n: this.seen });
    }
    const final: JobStatus = this.halt?.status ?? this.requested ?? (completePass ? 'finished' : 'paused');
    this.setStatus(final, this.halt?.reason);
    this.o.journal.sync();
    this.emitProgress();
    return final;
  }

  private get stopping(): boolean {
    return this.halt !== null || this.requested !== null;
  }

  private eligible(index: number): boolean {
    const state = this.o.state.states.get(index);
    if (this.o.mode.kind === 'run') return state === 'pending';
    return state === 'failed' || (state === 'uncertain' && this.o.mode.includeUncertain);
  }

  private prepare(source: SourceRow, mapping: CompiledMapping): ReadyRow | null {
    const fixes = this.o.state.fixes.get(source.index);
    const cells = fixes ? this.o.spec.file.columns.map((column, i) => fixes[column] ?? source.cells[i] ?? '') : source.cells;
    const mapped = mapping.mapRow(cells, source.index, source.row);
    const problems = mapped.problems.map((p) => ({
      code: p.code,
      ...(p.column !== undefined ? { column: p.column } : {}),
      ...(p.value !== undefined ? { value: p.value } : {}),
      message: p.message,
    }));
    if (source.ragged) problems.unshift({ code: 'ragged-row', message: source.ragged });
    if (problems.length === 0) return { index: source.index, row: source.row, cells, record: mapped.record };
    this.o.journal.append({ t: 'invalid', i: source.index, p: problems, v: cells, n: source.row });
    const first = problems[0];
    this.o.state.details.set(source.index, {
      failure: {
        failureClass: 'validation',
        code: first?.code ?? 'invalid',
        message: problems.map((p) => p.code).join(', '),
        explanation: first?.message ?? msg('job.invalid-row'),
      },
      cells,
      row: source.row,
    });
    this.move(source.index, 'failed');
    return null;
  }

  /** Keeps at most JOB_CONCURRENCY requests of this job in flight; reading waits meanwhile. The
   * request is built while the others are in flight, so a freed slot is used at once. */
  private async dispatch(rows: ReadyRow[]): Promise<void> {
    const built = this.build(rows);
    while (this.inFlight.size >= JOB_CONCURRENCY) await Promise.race(this.inFlight);
    if (this.stopping) return;
    const task = this.send(rows, built).finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }

  /** The request for these rows, or what building it threw (thrown where it is sent). */
  private build(rows: ReadyRow[]): Built {
    try {
      return { request: this.o.adapter.buildRequest(this.o.conn, rows.map((row) => row.record)) };
    } catch (error) {
      return { error };
    }
  }

  private async send(rows: ReadyRow[], prebuilt?: Built): Promise<void> {
    let built = prebuilt;
    let transientTries = 0;
    let throttledTries = 0;
    for (;;) {
      if (this.stopping) return;
      const reservation = this.o.lane.ledger.reserve();
      if (!reservation.ok) {
        this.stop('waiting-quota', msg('job.quota-reached', { resetsAt: reservation.resetsAt }));
        return;
      }
      const r = this.nextRequest++;
      this.o.state.requests = r;
      const ranges = toRanges(rows.map((row) => row.index));
      this.o.journal.append({ t: 'send', r, i: ranges });
      for (const row of rows) this.move(row.index, 'sending');
      const attempt = built ?? this.build(rows);
      // A retry builds its request again, as the first attempt did.
      built = undefined;
      if ('error' in attempt) throw attempt.error;
      const request = attempt.request;
      const result = await this.o.lane.limit(() => this.o.http.send(request, { timeoutMs: this.o.timeoutMs }));
      const verdict = this.classify(result, rows);

      if (verdict.kind === 'ok') {
        this.o.journal.append(verdict.ids.length ? { t: 'ok', r, i: ranges, ids: verdict.ids } : { t: 'ok', r, i: ranges });
        for (const row of rows) {
          this.o.state.details.delete(row.index);
          this.move(row.index, 'ok');
        }
        this.rate.add(rows.length);
        this.maybeEmitProgress();
        return;
      }

      const failure: RowFailure = {
        failureClass: verdict.failureClass,
        code: verdict.code,
        message: verdict.message,
        explanation: verdict.explanation,
      };
      switch (verdict.failureClass) {
        case 'row':
          this.settle(r, rows, 'failed', failure);
          return;
        case 'uncertain':
        case 'partial':
          this.settle(r, rows, 'uncertain', verdict.added !== undefined ? { ...failure, explanation: msg('job.partial-batch', { added: verdict.added, sent: rows.length }) } : failure);
          return;
        case 'transient':
          this.unsent(r, rows);
          if (++transientTries >= this.o.backoff.transientAttempts) {
            this.settle(r, rows, 'failed', failure);
            return;
          }
          await wait(backoffDelay(this.o.backoff, transientTries, this.o.random), this.abort.signal);
          continue;
        case 'throttled':
          this.unsent(r, rows);
          if (++throttledTries >= this.o.backoff.throttledAttempts) {
            this.settle(r, rows, 'failed', failure);
            return;
          }
          await wait(backoffDelay(this.o.backoff, throttledTries, this.o.random), this.abort.signal);
          continue;
        case 'quota':
          this.unsent(r, rows);
          this.o.lane.ledger.exhaust();
          this.stop('waiting-quota', msg('job.quota-reached', { resetsAt: this.o.lane.ledger.resetsAt }));
          return;
        case 'stop':
          this.unsent(r, rows);
          this.stop('stopped', failure.explanation);
          return;
        case 'batch': {
          this.unsent(r, rows);
          const allowed = Math.min(verdict.allowed ?? Math.floor(rows.length / 2), this.o.adapter.maxBatch);
          if (allowed < 1 || allowed >= rows.length) {
            this.settle(r, rows, 'failed', failure);
            return;
          }
          // Later windows are cut to what the CRM accepts, so the refusal costs one request once.
          this.batchCap = Math.min(this.batchCap, allowed);
          for (let start = 0; start < rows.length && !this.stopping; start += allowed) {
            await this.send(rows.slice(start, start + allowed));
          }
          return;
        }
      }
    }
  }

  /** One row per request: the explanation can name its spreadsheet row. */
  private classify(result: SendResult, rows: ReadyRow[]): Classification {
    const place = rows.length === 1 && rows[0] ? { row: rows[0].row } : undefined;
    if (result.kind === 'network-error') return classifyNetworkError(result.code, result.message, result.sent, result.timedOut, place);
    return explainAt(this.o.adapter.readResponse(result.response, rows.length), place);
  }

  private settle(r: number, rows: ReadyRow[], outcome: 'failed' | 'uncertain', failure: RowFailure): void {
    this.o.journal.append({ t: outcome === 'failed' ? 'fail' : 'unc', r, i: toRanges(rows.map((row) => row.index)), f: failure, v: rows.map((row) => row.cells), n: rows.map((row) => row.row) });
    for (const row of rows) {
      this.o.state.details.set(row.index, { failure, cells: row.cells, row: row.row });
      this.move(row.index, outcome);
    }
    this.rate.add(rows.length);
    this.maybeEmitProgress();
  }

  /** The CRM did not process the request: its rows are pending again. */
  private unsent(r: number, rows: ReadyRow[]): void {
    this.o.journal.append({ t: 'unsent', r });
    for (const row of rows) this.move(row.index, 'pending');
  }

  private stop(status: 'stopped' | 'waiting-quota', reason: Message): void {
    this.halt ??= { status, reason };
    this.abort.abort();
  }

  private async readServerQuota(): Promise<void> {
    const { adapter, conn, lane, http, timeoutMs } = this.o;
    const reading = await readTokenQuota({ adapter, conn, lane, http, timeoutMs });
    // The read went out (whatever came back) and counts among the job's requests.
    if (reading.kind !== 'unsupported' && reading.kind !== 'capped') this.o.state.requests = this.nextRequest++;
    switch (reading.kind) {
      case 'capped':
        this.stop('waiting-quota', msg('job.quota-reached', { resetsAt: reading.resetsAt }));
        return;
      case 'failure':
        if (reading.failure.failureClass === 'stop') this.stop('stopped', reading.failure.explanation);
        if (reading.failure.failureClass === 'quota') {
          lane.ledger.exhaust();
          this.stop('waiting-quota', msg('job.quota-reached', { resetsAt: lane.ledger.resetsAt }));
        }
        return;
      case 'ok':
        this.warnIfMoreDaysNeeded();
        return;
      default:
        // Unknown quota (no way to ask, or no answer): the ledger and the operator's cap still guard.
        return;
    }
  }

  /** Says before the first row goes out when today's quota cannot carry the whole job. */
  private warnIfMoreDaysNeeded(): void {
    const { total } = this.o.state;
    const remaining = this.o.lane.ledger.remaining;
    const budget = this.o.lane.ledger.budget;
    if (total === null || remaining === null || budget === null || budget <= 0) return;
    const done = this.counts.ok + this.counts.failed + this.counts.uncertain + this.counts.skipped;
    const rows = this.o.mode.kind === 'run' ? total - done : this.counts.failed + (this.o.mode.includeUncertain ? this.counts.uncertain : 0);
    const requests = Math.ceil(rows / this.batchCap);
    if (requests <= remaining) return;
    const days = 1 + Math.ceil((requests - remaining) / budget);
    this.o.emit({ type: 'job-notice', jobId: this.o.spec.jobId, notice: msg('job.needs-more-days', { requests, remaining, days }) });
  }

  /** Pending is not counted: it is whatever the total leaves over. */
  private move(index: number, to: RowOutcome): void {
    const from = this.o.state.states.get(index);
    if (from === to) return;
    if (from !== 'pending') this.counts[from]--;
    this.o.state.states.set(index, to);
    if (to !== 'pending') this.counts[to]++;
  }

  private setStatus(status: JobStatus, reason?: Message): void {
    this.status = status;
    const at = new Date().toISOString();
    this.o.state.status = status;
    this.o.state.updatedAt = at;
    if (reason) this.o.state.reason = reason;
    else delete this.o.state.reason;
    this.o.journal.append(reason ? { t: 'status', s: status, at, reason } : { t: 'status', s: status, at });
    this.o.emit(reason ? { type: 'job-status', jobId: this.o.spec.jobId, status, reason } : { type: 'job-status', jobId: this.o.spec.jobId, status });
  }

  private maybeEmitProgress(): void {
    const now = Date.now();
    if (now - this.lastEmit < (this.o.progressIntervalMs ?? 100)) return;
    this.emitProgress();
  }

  private emitProgress(): void {
    this.lastEmit = Date.now();
    this.o.emit({ type: 'job-progress', progress: this.progress() });
  }

  progress(): JobProgress {
    const total = this.o.state.total ?? Math.max(this.seen, this.o.state.states.size);
    const { ok, failed, uncertain, skipped } = this.counts;
    const pending = Math.max(0, total - ok - failed - uncertain - skipped);
    const rate = this.rate.perSecond();
    return {
      jobId: this.o.spec.jobId,
      status: this.status,
      total,
      ok,
      failed,
      uncertain,
      skipped,
      pending,
      requests: this.nextRequest - 1,
      rate,
      etaSeconds: rate > 0 && this.o.state.total !== null ? Math.round(pending / rate) : null,
      quotaLeft: this.o.lane.ledger.remaining,
    };
  }
}

/** The file as the job first read it: the same encoding, delimiter, header row and sheet. */
export function fileInfoOf(spec: JobSpec): FileInfo {
  const f = spec.file;
  return {
    path: f.path,
    name: f.name,
    size: f.size,
    kind: f.kind,
    encoding: f.encoding,
    bom: f.bom,
    delimiter: f.delimiter,
    headerRow: f.headerRow,
    headers: f.headers,
    columns: f.columns,
    sheets: f.sheet ? [f.sheet] : [],
    sheet: f.sheet,
    preview: [],
    rowCount: null,
    warnings: [],
  };
}
