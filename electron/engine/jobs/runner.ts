import { dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';

import type { EngineEvent, JobProgress, JobStatus, ServerLists } from '../../../shared/contract';
import { isCargaError } from '../../../shared/errors/carga-error';
import type { Classification } from '../../../shared/errors/classification';
import { classifyNetworkError, explainAt } from '../../../shared/errors/classify';
import { compileMapping } from '../../../shared/mapping/compile-mapping';
import { effectiveTemplate } from '../../../shared/mapping/effective-template';
import type { CompiledMapping, MappedRecord } from '../../../shared/mapping/mapped-record';
import { msg } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';
import { withServerListCheck } from '../../../shared/validation/server-list-check';
import type { HttpClient, SendResult } from '../crm/http-client';
import { refusedPartyAsRowFailure } from '../crm/party-refusal';
import type { HttpRequest, ResolvedConnection, TargetAdapter } from '../crm/target-adapter';
import type { SourceRow } from '../files/source-row';
import type { DestinationLedger, LedgerHit } from '../ledger/destination-ledger';
import type { RowFingerprinter } from '../ledger/row-fingerprint';
import { readTokenQuota } from '../quota/read-token-quota';
import type { TokenLane } from '../quota/token-lanes';
import { jobStorageStop } from '../storage/storage-failure';
import { backoffDelay, wait, type BackoffPolicy } from './backoff';
import { BisectionBudget, halves } from './batch-bisection';
import { CrmOutage } from './crm-outage';
import { hasUnsentFix, passProgress } from './job-results';
import { fileInfoOf, type JobSpec } from './job-spec';
import type { Journal } from './journal';
import type { RowFailure } from './journal-entry';
import { RateMeter } from './rate-meter';
import { RepeatedRejections, SETUP_SUSPECT_AFTER, type RejectedRequest } from './repeated-rejection';
import { sealedRows } from './sealed-read';
import type { SourceSeal } from './source-seal';

/** A row mapped, validated and ready to go. */
interface ReadyRow {
  index: number;
  row: number;
  cells: string[];
  record: MappedRecord;
  /** The row's fingerprint at its destination, recorded in the ledger once accepted. */
  fp?: Buffer;
}

/** A request built ahead of its turn, or the error building it threw. */
type Built = { request: HttpRequest } | { error: unknown };

/** A retry may be limited to `only` these rows (the cases whose missing contact was just created),
 * or with `onlyCorrected` to the rows the operator fixed since their last attempt. */
export type RunMode =
  | { kind: 'run' }
  | { kind: 'retry'; includeUncertain: boolean; only?: ReadonlySet<number>; onlyCorrected?: boolean };

export interface RunnerOptions {
  spec: JobSpec;
  journal: Journal;
  /** The fingerprint of the source: rows are read only from the bytes the job started with. */
  seal: SourceSeal;
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
  /** While the CRM is down, give up after this long (stopped, resumable); without it, wait on. */
  maxWaitMs?: number;
  /** What the destination already accepted, from any job: such rows are not sent again. */
  ledger?: DestinationLedger;
  /** Thalamus's lists: a row outside them fails as Check explained it, and is not sent. */
  serverLists?: ServerLists;
  /** The count of the file's rows running alongside, when the total is not known yet. */
  counted?: Promise<void>;
  /** Bench only: see EngineOptions.benchUnflushedSends. */
  benchUnflushedSends?: boolean;
}

/** Rows a sheet can hold; a CSV holds at most one per 2 bytes (a value and a line break). */
const MAX_SHEET_ROWS = 1_048_576;

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
  private readonly inFlight = new Set<Promise<void>>();
  private nextRequest: number;
  private batchCap: number;
  /** Whether the CRM took a request of this size: until then one request at a time, so a cap on
   * records per request (a license) is learnt from one refusal, not one per request in flight. */
  private batchSizeProven: boolean;
  private seen = 0;
  private readonly rate = new RateMeter();
  private lastEmit = 0;
  private status: JobStatus = 'running';
  private readonly verdicts = new LedgerVerdicts();
  private readonly outage: CrmOutage;
  private readonly rejections = new RepeatedRejections<ReadyRow>();
  /** The server told the token's quota at the start of the pass. */
  private quotaKnown = false;
  /** The pass's fingerprints, once it reads (null without a ledger). */
  private fingerprints: RowFingerprinter | null = null;
  /** The quota read (and, when the quota may not carry the file, its count) that the pass's
   * first request waits for. */
  private sendable: Promise<void> = Promise.resolve();
  /** Resolves when the pass is paused, cancelled or stopped. */
  private readonly aborted: Promise<void>;

  constructor(private readonly o: RunnerOptions) {
    this.nextRequest = o.journal.state.requests + 1;
    this.batchCap = o.adapter.maxBatch;
    this.batchSizeProven = o.adapter.maxBatch <= 1;
    this.outage = new CrmOutage(o.backoff, o.maxWaitMs, o.random);
    this.aborted = new Promise((resolve) =>
      this.abort.signal.addEventListener('abort', () => resolve(), { once: true }),
    );
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
    try {
      return await this.pass();
    } catch (error) {
      const reason = jobStorageStop(error, dirname(this.o.journal.path));
      if (!reason) throw error;
      return this.stopForStorage(reason);
    }
  }

  /** The disk refused the journal: nothing more can be sent safely. The requests in flight end,
   * their outcomes go unrecorded (they will read as uncertain), and the job stops, resumable. */
  private async stopForStorage(reason: Message): Promise<JobStatus> {
    this.stop('stopped', reason);
    await Promise.allSettled([...this.inFlight]);
    this.status = 'stopped';
    this.o.journal.stopUnrecorded(reason);
    this.o.emit({ type: 'job-status', jobId: this.o.spec.jobId, status: 'stopped', reason });
    this.emitProgress();
    return 'stopped';
  }

  private async pass(): Promise<JobStatus> {
    this.setStatus('running');
    const template = effectiveTemplate(this.o.spec.template, this.o.spec.connection);
    const compiled = compileMapping(template, this.o.spec.file.columns);
    const lists = this.o.serverLists;
    const mapping = lists ? withServerListCheck(compiled, lists, template) : compiled;
    if (mapping.blocking) {
      const first = mapping.mappingProblems[0] ?? msg('job.mapping-blocked');
      this.stop('stopped', first);
    } else {
      // The quota read goes on while the first batch is read: only its request waits for it. A
      // journal the disk refused ends the pass as a refused request's would.
      this.sendable = this.checkQuota().catch((error: unknown) => {
        this.inFlightFailure ??= { error };
        this.abort.abort();
      });
    }

    let completePass = false;
    if (!this.halt && !this.requested) {
      const ready: ReadyRow[] = [];
      const fingerprints = this.o.ledger?.fingerprinter();
      this.fingerprints = fingerprints ?? null;
      this.reserveForTotal();
      try {
        for await (const batch of sealedRows(fileInfoOf(this.o.spec), this.o.seal, {
          signal: this.abort.signal,
        })) {
          for (const source of batch) {
            this.seen = Math.max(this.seen, source.index + 1);
            if (!this.eligible(source.index)) {
              if (fingerprints) this.keepLedgerInStep(source, mapping, fingerprints);
              continue;
            }
            // While both slots are in flight the next batch is read, mapped and fingerprinted (its
            // request is built once a slot frees): one batch ahead of the requests, no more, so the
            // CRM never waits for the reading and the pass holds at most three batches of rows.
            const prepared = this.prepare(source, mapping);
            if (!prepared) continue;
            if (fingerprints) {
              prepared.fp = fingerprints.fingerprint(prepared.record);
              if (this.acceptedBefore(prepared)) continue;
            }
            ready.push(prepared);
            if (ready.length >= this.batchCap)
              ready.unshift(...(await this.dispatch(ready.splice(0, this.batchCap))));
            if (this.stopping) break;
          }
          this.writeLedgerVerdicts();
          if (this.stopping) break;
          this.maybeEmitProgress();
          // Rows already read are parsed without a turn of the event loop: one turn a batch lets a
          // journal record flushed meanwhile send its request, and an answer free its slot, at once
          // rather than after the whole next request's rows (T3: ~12% off a 100k-record job).
          if (this.inFlight.size > 0) await nextTurn();
        }
        while (!this.stopping && ready.length)
          ready.unshift(...(await this.dispatch(ready.splice(0, this.batchCap))));
        completePass = !this.stopping;
      } catch (error) {
        // The file changed or broke under the job: stop with the reader's own explanation.
        if (!this.stopping)
          this.stop(
            'stopped',
            isCargaError(error) ? error.detail : msg('job.read-failed', { detail: String(error) }),
          );
      } finally {
        await Promise.all(this.inFlight);
      }
    }
    // A pass that sent nothing (every row invalid, paused at once) still ends after its quota read.
    await this.sendable;
    if (this.inFlightFailure) throw this.inFlightFailure.error;

    this.outage.end();
    // A file cut or rewritten under the pass must never make it look finished with rows pending.
    const { total } = this.o.journal.state;
    if (completePass && (!this.o.seal.unchanged() || (total !== null && this.seen < total))) {
      completePass = false;
      this.stop('stopped', msg('job.file-changed', { name: this.o.spec.file.name }));
    }
    this.writeLedgerVerdicts();
    if (completePass) this.o.journal.total(this.seen);
    const final: JobStatus = this.halt?.status ?? this.requested ?? (completePass ? 'finished' : 'paused');
    this.setStatus(final, this.halt?.reason);
    this.o.journal.sync();
    this.o.ledger?.sync();
    this.emitProgress();
    return final;
  }

  private get stopping(): boolean {
    return this.halt !== null || this.requested !== null || this.inFlightFailure !== null;
  }

  private eligible(index: number): boolean {
    const state = this.o.journal.state.states.get(index);
    if (this.o.mode.kind === 'run') return state === 'pending';
    if (this.o.mode.only && !this.o.mode.only.has(index)) return false;
    if (this.o.mode.onlyCorrected && !hasUnsentFix(this.o.spec, this.o.journal.state, index)) return false;
    return state === 'failed' || (state === 'uncertain' && this.o.mode.includeUncertain);
  }

  /** The row's cells with the operator's fixes applied. */
  private cellsOf(source: SourceRow): string[] {
    const fixes = this.o.journal.state.fixes.get(source.index);
    return fixes
      ? this.o.spec.file.columns.map((column, i) => fixes[column] ?? source.cells[i] ?? '')
      : source.cells;
  }

  /**
   * A row this pass does not send still counts among identical rows (so fingerprints are the
   * same whichever pass computes them). One this job saw accepted goes into the ledger if a
   * crash came between the journal's `ok` and the ledger's write; one left uncertain that the
   * ledger shows this job had accepted (the journal lost its outcome) is ok.
   */
  private keepLedgerInStep(
    source: SourceRow,
    mapping: CompiledMapping,
    fingerprints: RowFingerprinter,
  ): void {
    const state = this.o.journal.state.states.get(source.index);
    const mapped = mapping.mapRow(this.cellsOf(source), source.index, source.row);
    if (mapped.problems.length > 0 || source.ragged) return;
    const fp = fingerprints.fingerprint(mapped.record);
    if (state !== 'ok' && state !== 'uncertain') return;
    const hit = this.o.ledger?.lookup(fp);
    if (state === 'ok' && !hit) this.o.ledger?.recordAccepted([fp], this.o.spec.jobId);
    if (state === 'uncertain' && hit?.jobId === this.o.spec.jobId) this.verdicts.proved.push(source.index);
  }

  /**
   * Whether the destination accepted this row before: from this very job (its journal lost
   * the outcome, the ledger kept it) the row is ok; from another job it is skipped, unless the
   * operator asked for duplicates.
   */
  private acceptedBefore(row: ReadyRow): boolean {
    const hit = row.fp && this.o.ledger?.lookup(row.fp);
    if (!hit) return false;
    if (hit.jobId === this.o.spec.jobId) {
      this.verdicts.proved.push(row.index);
      return true;
    }
    if (this.o.spec.allowDuplicates) return false;
    this.verdicts.skip(hit, row.index);
    return true;
  }

  /** One journal entry per earlier job per batch of rows read, not one per row. */
  private writeLedgerVerdicts(): void {
    this.o.journal.acceptedEarlier(this.verdicts.proved);
    for (const [jobId, { at, indices }] of this.verdicts.skipped)
      this.o.journal.sentByEarlierJob(indices, jobId, at);
    this.verdicts.clear();
  }

  private prepare(source: SourceRow, mapping: CompiledMapping): ReadyRow | null {
    const cells = this.cellsOf(source);
    const mapped = mapping.mapRow(cells, source.index, source.row);
    if (mapped.problems.length === 0 && !source.ragged)
      return { index: source.index, row: source.row, cells, record: mapped.record };
    const problems = mapped.problems.map((p) => ({
      code: p.code,
      ...(p.column !== undefined ? { column: p.column } : {}),
      ...(p.value !== undefined ? { value: p.value } : {}),
      message: p.message,
    }));
    if (source.ragged) problems.unshift({ code: 'ragged-row', message: source.ragged });
    this.o.journal.invalid(source.index, problems, cells, source.row);
    return null;
  }

  /** Keeps at most JOB_CONCURRENCY requests of this job in flight; reading waits meanwhile. The
   * request is built once its slot is free, so no more bodies exist than requests can go out.
   * Returns the rows a cap learnt meanwhile left out, to go with the next request. */
  private async dispatch(rows: ReadyRow[]): Promise<ReadyRow[]> {
    await this.sendable;
    // Near a run of identical rejections, one request at a time: a wrong setup costs no more
    // requests than it takes to recognise it.
    while (
      this.inFlight.size >= JOB_CONCURRENCY ||
      (this.inFlight.size > 0 && !this.batchSizeProven) ||
      (this.inFlight.size > 0 && this.rejections.length + this.inFlight.size >= SETUP_SUSPECT_AFTER)
    ) {
      await Promise.race(this.inFlight);
    }
    // A refusal while these rows waited taught a smaller cap: what does not fit goes back to
    // the rows read, to fill the next request.
    if (rows.length > this.batchCap) {
      const rest = rows.splice(this.batchCap);
      return [...(await this.dispatch(rows)), ...rest];
    }
    // These rows were proved when read; a file changed since is still the job's no longer, and
    // stopping now says so before more is sent.
    if (!this.stopping && !this.o.seal.unchanged())
      this.stop('stopped', msg('job.file-changed', { name: this.o.spec.file.name }));
    if (this.stopping) return [];
    const task = this.send(rows, this.build(rows))
      .catch((error: unknown) => this.failInFlight(error))
      .finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
    return [];
  }

  /** A request whose journal write failed: nothing more goes out, and the pass ends by
   * rethrowing it once the others are back (`run` stops the job for its disk). */
  private inFlightFailure: { error: unknown } | null = null;

  /** A request that threw instead of settling its rows stops the job, never goes unnoticed. */
  private failInFlight(error: unknown): void {
    if (jobStorageStop(error, dirname(this.o.journal.path))) {
      this.inFlightFailure ??= { error };
      this.abort.abort();
      return;
    }
    this.stop(
      'stopped',
      isCargaError(error) ? error.detail : msg('job.read-failed', { detail: String(error) }),
    );
  }

  /** The request for these rows, or what building it threw (thrown where it is sent). */
  private build(rows: ReadyRow[]): Built {
    try {
      return {
        request: this.o.adapter.buildRequest(
          this.o.conn,
          rows.map((row) => row.record),
        ),
      };
    } catch (error) {
      return { error };
    }
  }

  private async send(rows: ReadyRow[], prebuilt?: Built, bisection?: BisectionBudget): Promise<void> {
    let built = prebuilt;
    const tries = { transient: 0, throttled: 0 };
    const sender = Symbol('send');
    for (;;) {
      if (this.stopping) return;
      if (this.outage.mustHold(sender)) {
        await Promise.race([this.outage.whenOver(), this.aborted]);
        continue;
      }
      const attempt = built ?? this.build(rows);
      // A retry builds its request again, as the first attempt did.
      built = undefined;
      if ('error' in attempt) throw attempt.error;
      const indices = rows.map((row) => row.index);
      // The rows are marked sending only once the token's slot is this request's: a crash while
      // waiting for it (another job or process holds both) leaves them pending, not uncertain.
      const sent = await this.o.lane.limit(() => this.sendInSlot(attempt.request, indices));
      if (sent === 'not-sent') return;
      const { r, result } = sent;
      const verdict = this.classify(result, rows);
      const answered =
        verdict.kind === 'ok' ||
        (verdict.failureClass !== 'transient' && verdict.failureClass !== 'throttled');
      if (answered && (verdict.kind === 'ok' || verdict.failureClass !== 'batch'))
        this.batchSizeProven = true;
      if (answered && this.outage.answered() && !this.stopping) this.setStatus('running');
      if (answered && (verdict.kind === 'ok' || verdict.failureClass !== 'row')) this.rejections.answered();

      if (verdict.kind === 'ok') {
        this.o.journal.ok(r, indices, verdict.ids);
        this.o.ledger?.recordAccepted(fingerprintsOf(rows), this.o.spec.jobId);
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
        case 'row': {
          // A batch refused for one record's reason: its halves go again to name that record.
          const budget =
            rows.length > 1 && this.o.adapter.bisectsRefusals
              ? (bisection ?? new BisectionBudget(rows.length))
              : null;
          if (budget?.split()) {
            this.o.journal.unsent(r);
            for (const half of halves(rows)) if (!this.stopping) await this.send(half, undefined, budget);
            return;
          }
          this.settle(r, rows, 'failed', failure);
          const run = this.rejections.rejected({ rows, failure });
          if (run) this.stopForSetup(run);
          return;
        }
        case 'uncertain':
        case 'partial':
          this.settle(
            r,
            rows,
            'uncertain',
            verdict.added !== undefined
              ? {
                  ...failure,
                  explanation: msg('job.partial-batch', { added: verdict.added, sent: rows.length }),
                }
              : failure,
          );
          return;
        case 'transient': {
          // Nothing was processed: the same rows go again; a run of these means the CRM is down.
          this.o.journal.unsent(r);
          const step = this.outage.failed(sender, ++tries.transient);
          if (step.kind === 'give-up') {
            const seconds = Math.round(step.waitedMs / 1000);
            this.stop(
              'stopped',
              msg('job.crm-wait-expired', { seconds, code: failure.code, message: failure.message }),
            );
            return;
          }
          if (step.kind === 'wait') {
            this.setStatus(
              'waiting-crm',
              msg('job.waiting-crm', {
                code: failure.code,
                message: failure.message,
                nextProbeAt: step.nextProbeAt.toISOString(),
              }),
            );
            this.emitProgress();
          }
          await wait(step.delayMs, this.abort.signal);
          continue;
        }
        case 'throttled': {
          // Nothing was processed: send the same rows again after a wait, a bounded number of times.
          this.o.journal.unsent(r);
          const attempt = ++tries.throttled;
          if (attempt >= this.o.backoff.throttledAttempts) {
            this.settle(r, rows, 'failed', failure);
            return;
          }
          await wait(backoffDelay(this.o.backoff, attempt, this.o.random), this.abort.signal);
          continue;
        }
        case 'quota':
          this.o.journal.unsent(r);
          this.o.lane.ledger.exhaust();
          this.stop('waiting-quota', msg('job.quota-reached', { resetsAt: this.o.lane.ledger.resetsAt }));
          return;
        case 'stop': {
          const partyFailure = refusedPartyAsRowFailure(
            verdict,
            this.o.journal.state.states.tally.ok,
            rows.length === 1 ? rows[0]?.row : undefined,
          );
          if (partyFailure) {
            this.settle(r, rows, 'failed', {
              ...failure,
              failureClass: 'row',
              explanation: partyFailure.explanation,
            });
            return;
          }
          this.o.journal.unsent(r);
          this.stop('stopped', failure.explanation);
          return;
        }
        case 'batch': {
          this.o.journal.unsent(r);
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

  /** Within the token's slot: the quota unit, the durable `sending` record, then the request. */
  private async sendInSlot(
    request: HttpRequest,
    indices: readonly number[],
  ): Promise<{ r: number; result: SendResult } | 'not-sent'> {
    if (this.stopping) return 'not-sent';
    const reservation = this.o.lane.ledger.reserve();
    if (!reservation.ok) {
      this.stop('waiting-quota', msg('job.quota-reached', { resetsAt: reservation.resetsAt }));
      return 'not-sent';
    }
    const r = this.nextRequest++;
    this.o.journal.sending(r, indices);
    // On the device before the request leaves, so even a power cut cannot hide a send.
    if (!this.o.benchUnflushedSends) await this.o.journal.flush();
    return { r, result: await this.o.http.send(request, { timeoutMs: this.o.timeoutMs }) };
  }

  /** One row per request: the explanation can name its spreadsheet row. */
  private classify(result: SendResult, rows: ReadyRow[]): Classification {
    const place = rows.length === 1 && rows[0] ? { row: rows[0].row } : undefined;
    if (result.kind === 'network-error')
      return classifyNetworkError(result.code, result.message, result.sent, result.timedOut, place);
    return explainAt(this.o.adapter.readResponse(result.response, rows.length), place);
  }

  private settle(r: number, rows: ReadyRow[], outcome: 'failed' | 'uncertain', failure: RowFailure): void {
    this.o.journal.settled(r, outcome, rows, failure);
    this.rate.add(rows.length);
    this.maybeEmitProgress();
  }

  /** Five identical rejections in a row: the setup is wrong, not the rows. They go back to
   * pending, so a resume after the fix sends them again with the rest. */
  private stopForSetup(run: RejectedRequest<ReadyRow>[]): void {
    const rows = run.flatMap((request) => request.rows).sort((a, b) => a.index - b.index);
    this.o.journal.requeue(rows.map((row) => row.index));
    const message = run[0]?.failure.message ?? '';
    this.stop(
      'stopped',
      msg('job.setup-wrong', { count: rows.length, message, rows: rows.map((row) => row.row).join(', ') }),
    );
  }

  private stop(status: 'stopped' | 'waiting-quota', reason: Message): void {
    this.halt ??= { status, reason };
    this.abort.abort();
  }

  private async checkQuota(): Promise<void> {
    await this.readServerQuota();
    // Sending starts at once unless today's quota might not carry the file: then the count
    // comes first, so the job says it needs more days before its first row goes.
    if (this.o.journal.state.total === null && this.quotaMayRunShort()) await this.o.counted;
  }

  private async readServerQuota(): Promise<void> {
    const { adapter, conn, lane, http, timeoutMs } = this.o;
    const reading = await readTokenQuota({ adapter, conn, lane, http, timeoutMs });
    // The read went out (whatever came back) and counts among the job's requests.
    if (
      reading.kind !== 'unsupported' &&
      reading.kind !== 'capped' &&
      !(reading.kind === 'ok' && reading.recent)
    )
      this.o.journal.request(this.nextRequest++);
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
        this.quotaKnown = true;
        this.warnIfMoreDaysNeeded();
        return;
      default:
        // Unknown quota (no way to ask, or no answer): the ledger and the operator's cap still guard.
        return;
    }
  }

  /** Whether today's quota may be too small for every row the file could hold (it is not counted yet). */
  private quotaMayRunShort(): boolean {
    const remaining = this.o.lane.ledger.remaining;
    if (!this.quotaKnown || remaining === null) return false;
    const { kind, size } = this.o.spec.file;
    const rows = kind === 'xlsx' ? MAX_SHEET_ROWS : Math.ceil(size / 2);
    return Math.ceil(rows / this.batchCap) > remaining;
  }

  /** The count of the file's rows, running alongside the pass, ended: the quota warning can be
   * given now (never past the quota either way: each request reserves its unit first). */
  totalKnown(): void {
    this.reserveForTotal();
    if (this.quotaKnown) this.warnIfMoreDaysNeeded();
    this.emitProgress();
  }

  /** Once the file's row count is known, the ledger's tables are sized for the pass at once
   * (doubling them as rows come copied each one, ~40 ms of a 100k-row pass, and left the old
   * arrays to the GC). */
  private reserveForTotal(): void {
    const { total } = this.o.journal.state;
    if (total === null || !this.fingerprints) return;
    this.fingerprints.reserve(total);
    this.o.ledger?.reserve(this.rowsToSend(total));
  }

  /** Says when today's quota cannot carry the whole job: before the first row goes out when the
   * total is known then, else as soon as the count alongside ends. */
  private warnIfMoreDaysNeeded(): void {
    const { total } = this.o.journal.state;
    const remaining = this.o.lane.ledger.remaining;
    const budget = this.o.lane.ledger.budget;
    if (total === null || remaining === null || budget === null || budget <= 0) return;
    const rows = this.rowsToSend(total);
    const requests = Math.ceil(rows / this.batchCap);
    if (requests <= remaining) return;
    const days = 1 + Math.ceil((requests - remaining) / budget);
    this.o.emit({
      type: 'job-notice',
      jobId: this.o.spec.jobId,
      notice: msg('job.needs-more-days', { requests, remaining, days }),
    });
  }

  /** The rows this pass means to send: a retry counts its own choice ("only the rows I
   * corrected" is not "all failed rows"), so the days it announces are its own. */
  private rowsToSend(total: number): number {
    const { states, details } = this.o.journal.state;
    if (this.o.mode.kind === 'run') {
      const counts = states.tally;
      return total - (counts.ok + counts.failed + counts.uncertain + counts.skipped);
    }
    // Only failed and uncertain rows can be retried, and each of them keeps a detail.
    let rows = 0;
    for (const index of details.keys()) if (this.eligible(index)) rows++;
    return rows;
  }

  private setStatus(status: JobStatus, reason?: Message): void {
    this.status = status;
    this.o.journal.status(status, reason);
    this.o.emit(
      reason
        ? { type: 'job-status', jobId: this.o.spec.jobId, status, reason }
        : { type: 'job-status', jobId: this.o.spec.jobId, status },
    );
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
    const { ledger } = this.o.lane;
    return passProgress(this.o.spec.jobId, this.o.journal.state, {
      status: this.status,
      seen: this.seen,
      requests: this.nextRequest - 1,
      rate: this.rate.perSecond(),
      quotaLeft: ledger.remaining,
      dailyQuota: ledger.statedBudget,
      quotaResetsAt: ledger.resetsAt,
    });
  }
}

/** Rows found in the ledger during one batch of reading, waiting for their journal entries. */
class LedgerVerdicts {
  proved: number[] = [];
  skipped = new Map<string, { at: string; indices: number[] }>();

  skip(hit: LedgerHit, index: number): void {
    const entry = this.skipped.get(hit.jobId);
    if (entry) entry.indices.push(index);
    else this.skipped.set(hit.jobId, { at: hit.at, indices: [index] });
  }

  clear(): void {
    this.proved = [];
    this.skipped.clear();
  }
}

function fingerprintsOf(rows: readonly ReadyRow[]): Buffer[] {
  const fps: Buffer[] = [];
  for (const row of rows) if (row.fp) fps.push(row.fp);
  return fps;
}
