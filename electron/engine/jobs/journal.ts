import {
  closeSync,
  createReadStream,
  fdatasync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

import type { JobStatus } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import type { Message } from '../../../shared/messages/message';
import { jobStoppedMessage, shortWriteError, storageReason } from '../storage/storage-failure';
import { Checkpoint, type CheckpointCounts } from './checkpoint';
import { parseJournalLine, type JournalEntry, type RowFailure, type RowProblemNote } from './journal-entry';
import { eachIndex, toRanges, type RowRanges } from './row-ranges';
import { RowStates, type RowStatesView } from './row-states';

/** A row that is failed, uncertain or skipped, with why and its original cells. */
export interface RowDetail {
  failure: RowFailure;
  /** Original cells, aligned to the file's columns; missing until read back from the file. */
  cells?: string[];
  /** Spreadsheet row number, as Excel shows it. */
  row?: number;
  /** The cells of the row's first attempt (the file's own), kept only once a later attempt sent
   * other values (the operator's fixes). */
  original?: string[];
}

/** Everything a job's journal says, replayed; read-only outside the journal. */
export interface JournalState {
  readonly states: RowStatesView;
  readonly details: ReadonlyMap<number, Readonly<RowDetail>>;
  readonly fixes: ReadonlyMap<number, Readonly<Record<string, string>>>;
  /** The id the CRM gave each accepted row, when it gave one (T1 and T4: one per request). */
  readonly crmIds: ReadonlyMap<number, string>;
  /** Earlier jobs whose accepted rows this job skipped: when, and how many rows. */
  readonly alreadySent: ReadonlyMap<string, Readonly<AlreadySentRows>>;
  readonly requests: number;
  readonly total: number | null;
  readonly status: JobStatus | null;
  readonly reason?: Message;
  readonly updatedAt: string | null;
  /** Why the journal cannot be trusted to say what was sent (lines lost or corrupt), or null. */
  readonly damage: Message | null;
}

/** Rows an earlier job had accepted at the same destination. */
export interface AlreadySentRows {
  at: string;
  rows: number;
}

/** A row settled by a request's answer, with what results and reports show of it. */
export interface SettledRow {
  index: number;
  cells: string[];
  row: number;
}

interface WritableState {
  states: RowStates;
  details: Map<number, RowDetail>;
  fixes: Map<number, Record<string, string>>;
  crmIds: Map<number, string>;
  alreadySent: Map<string, AlreadySentRows>;
  requests: number;
  total: number | null;
  status: JobStatus | null;
  reason?: Message;
  updatedAt: string | null;
  damage: Message | null;
  /** Entries of each kind so far: the checkpoint keeps them to tell a journal that lost lines. */
  counts: CheckpointCounts;
  /** Request number → its rows, while the request has no outcome. */
  inFlight: Map<number, RowRanges>;
}

export const CRASH_FAILURE: RowFailure = {
  failureClass: 'uncertain',
  code: 'IN-FLIGHT',
  message: 'IN FLIGHT WHEN THE JOB STOPPED',
  explanation: { code: 'job.in-flight-at-crash' },
};

/**
 * The append-only record of a job and the only writer of its state. Rows are written as `send`
 * before their request leaves and get their outcome after, so after a crash or `kill -9` a replay
 * knows exactly which rows the CRM may have seen: only those in flight become uncertain, and
 * nothing accepted is sent again. Every entry is applied by `apply`, live and on replay alike.
 */
export class Journal {
  /** The latest flush started, and the journal's bytes it covers: written before it started. */
  private latestFlush: { covers: number; done: Promise<void> } | null = null;
  /** Bytes of the journal the checkpoint last noted: an earlier flush ending later never takes
   * it back. */
  private checkpointed = 0;

  private constructor(
    private readonly fd: number,
    private readonly live: WritableState,
    private readonly checkpoint: Checkpoint,
    readonly path: string,
    /** Opened to follow another process's pass: this process only reads it. */
    readonly following = false,
  ) {}

  /** Opens the journal of a job another process is running, to read only: its state so far, and
   * with `catchUp` what that process appends next. Nothing is repaired or recorded: the journal is
   * the other process's to write (opened normally once it lets go). */
  static follow(path: string, checkpointPath: string): Journal {
    const journal = new Journal(
      openSync(path, 'r'),
      emptyState(),
      Checkpoint.open(checkpointPath),
      path,
      true,
    );
    journal.catchUp();
    return journal;
  }

  /**
   * Applies the lines appended since the last read, reading only the new bytes. A last line still
   * being written is left for the next call (it ends with its newline). Returns whether any entry
   * was applied.
   */
  catchUp(): boolean {
    const size = fstatSync(this.fd).size;
    const chunk = Buffer.alloc(1 << 16);
    let pending = Buffer.alloc(0);
    let at = this.live.counts.bytes;
    let applied = false;
    while (at < size) {
      const read = readSync(this.fd, chunk, 0, Math.min(chunk.length, size - at), at);
      if (read === 0) break;
      at += read;
      const buffer = pending.length
        ? Buffer.concat([pending, chunk.subarray(0, read)])
        : chunk.subarray(0, read);
      let start = 0;
      for (let end = buffer.indexOf(0x0a); end >= 0; end = buffer.indexOf(0x0a, start)) {
        const entry = parseJournalLine(buffer.toString('utf8', start, end));
        if (entry) {
          apply(this.live, entry);
          countEntry(this.live.counts, entry);
        } else this.live.counts.corrupt++;
        this.live.counts.bytes += end + 1 - start;
        start = end + 1;
        applied = true;
      }
      pending = Buffer.from(buffer.subarray(start));
    }
    return applied;
  }

  /** Opens (creating) the journal, drops a torn last line, replays it, and compares it with its
   * checkpoint: a journal that lost lines or has a corrupt one is marked damaged, never trusted. */
  static async open(path: string, checkpointPath: string): Promise<Journal> {
    const fd = openSync(path, 'a+');
    dropTornTail(fd);
    const { state, firstCorrupt } = await replay(path);
    state.counts.bytes = fstatSync(fd).size;
    const checkpoint = Checkpoint.open(checkpointPath);
    const saved = checkpoint.saved;
    if (saved !== null && saved !== 'unreadable') state.counts.corruptAccepted = saved.corruptAccepted;
    state.damage = damageOf(state.counts, firstCorrupt, saved);
    const journal = new Journal(fd, state, checkpoint, path);
    journal.settleInFlight();
    return journal;
  }

  get state(): JournalState {
    return this.live;
  }

  /** Bytes of entries recorded: it grows with every change of the state, so what was worked out
   * from the state still holds while it stays the same. */
  get recorded(): number {
    return this.live.counts.bytes;
  }

  /** Whether the file holds lines this journal did not write (another process ran the job). */
  writtenElsewhere(): boolean {
    return fstatSync(this.fd).size !== this.live.counts.bytes;
  }

  /** Rows the checkpoint said were accepted when the job was opened (0 without a readable one). */
  get acceptedAtCheckpoint(): number {
    const saved = this.checkpoint.saved;
    return saved === null || saved === 'unreadable' ? 0 : saved.accepted;
  }

  /** A request that carried no rows (the quota read). */
  request(r: number): void {
    this.record({ t: 'read', r });
  }

  /** Rows about to go out in request `r`. */
  sending(r: number, indices: readonly number[]): void {
    this.record({ t: 'send', r, i: toRanges(indices) });
  }

  ok(r: number, indices: readonly number[], ids: readonly string[]): void {
    const i = toRanges(indices);
    this.record(ids.length ? { t: 'ok', r, i, ids: [...ids] } : { t: 'ok', r, i });
  }

  settled(
    r: number,
    outcome: 'failed' | 'uncertain',
    rows: readonly SettledRow[],
    failure: RowFailure,
  ): void {
    const i = toRanges(rows.map((row) => row.index));
    const v = rows.map((row) => row.cells);
    const n = rows.map((row) => row.row);
    this.record(
      outcome === 'failed' ? { t: 'fail', r, i, f: failure, v, n } : { t: 'unc', r, i, f: failure, v, n },
    );
  }

  /** The CRM did not process request `r`: its rows are pending again. */
  unsent(r: number): void {
    this.record({ t: 'unsent', r });
  }

  /** A row refused by local validation: never sent. */
  invalid(index: number, problems: readonly RowProblemNote[], cells: string[], row: number): void {
    this.record({ t: 'invalid', i: index, p: [...problems], v: cells, n: row });
  }

  /** Rows the destination's ledger shows this job had accepted, though the journal lost their outcome. */
  acceptedEarlier(indices: readonly number[]): void {
    if (indices.length) this.record({ t: 'ok', r: 0, i: toRanges(indices) });
  }

  /** Rows not sent because job `jobId` had them accepted at this destination at `at`. */
  sentByEarlierJob(indices: readonly number[], jobId: string, at: string): void {
    if (indices.length) this.record({ t: 'skip', i: toRanges(indices), j: jobId, at });
  }

  /** Rows back to pending: their rejection was the setup's fault, they go again after the fix. */
  requeue(indices: readonly number[]): void {
    if (indices.length) this.record({ t: 'requeue', i: toRanges(indices) });
  }

  total(n: number): void {
    if (this.live.total === null) this.record({ t: 'total', n });
  }

  status(status: JobStatus, reason?: Message): void {
    const at = new Date().toISOString();
    this.record(reason ? { t: 'status', s: status, at, reason } : { t: 'status', s: status, at });
  }

  /** The disk refused the journal: the job stops in memory alone. On disk its last status stays
   * `running`, which the next open treats as a pass cut short: rows in flight become uncertain. */
  stopUnrecorded(reason: Message): void {
    apply(this.live, { t: 'status', s: 'stopped', at: new Date().toISOString(), reason });
  }

  fix(index: number, values: Record<string, string>): void {
    this.record({ t: 'fix', i: index, v: values });
  }

  /** Cells of a row cut off in flight, read back from the file: not journaled, the file has them. */
  attachCells(index: number, cells: string[], row: number): void {
    const detail = this.live.details.get(index);
    if (detail) {
      detail.cells = cells;
      detail.row = row;
    }
  }

  /**
   * Puts every entry recorded so far on the device, then notes the counts in the checkpoint. A
   * `send` is flushed before its request leaves. Group commit: a caller whose entries were all
   * written before the latest flush started shares it; any other starts its own at once, beside
   * one still running, rather than queue behind it (both requests in flight would otherwise pay
   * two flushes in a row whenever their answers come close together). Flushes still end in the
   * order they started, so requests leave in the order of their `send` entries.
   */
  flush(): Promise<void> {
    const upTo = this.live.counts.bytes;
    const previous = this.latestFlush;
    if (previous && previous.covers >= upTo) return previous.done;
    const own = this.flushNow();
    const done = previous
      ? Promise.all([own, previous.done.catch(() => undefined)]).then(() => undefined)
      : own;
    this.latestFlush = { covers: upTo, done };
    return done;
  }

  /** Flushes and writes the checkpoint durably: at the end of every pass. */
  sync(): void {
    fdatasyncSync(this.fd);
    if (this.live.damage) return;
    this.checkpointed = this.live.counts.bytes;
    this.checkpoint.write(this.live.counts, { durable: true });
  }

  /**
   * The destination ledger will prove, row by row, what was accepted: the damage is recorded as
   * reviewed, and the checkpoint starts again from what the journal holds now.
   */
  acceptDamage(): void {
    if (!this.live.damage) return;
    this.live.damage = null;
    this.live.counts.corruptAccepted = this.live.counts.corrupt;
    fdatasyncSync(this.fd);
    this.checkpointed = this.live.counts.bytes;
    this.checkpoint.write(this.live.counts, { durable: true });
  }

  close(): void {
    closeSync(this.fd);
    this.checkpoint.close();
  }

  private flushNow(): Promise<void> {
    const counts = { ...this.live.counts };
    return new Promise<void>((resolve, reject) =>
      fdatasync(this.fd, (error) => (error ? reject(error) : resolve())),
    ).then(() => {
      // After the journal is on the device, never before: a checkpoint is never ahead of it.
      if (this.live.damage || counts.bytes <= this.checkpointed) return;
      this.checkpointed = counts.bytes;
      this.checkpoint.write(counts, { durable: false });
    });
  }

  private record(entry: JournalEntry): void {
    if (this.following) throw new Error('A followed journal is written by the process that runs its job');
    const line = JSON.stringify(entry) + '\n';
    // Synchronous on purpose: an entry is in the kernel's cache (which survives a process crash)
    // before anything else happens; `flush` puts it on the device. A full or failing disk may
    // take part of a line: it is cut off again, so the journal never holds a torn line in its
    // middle, and the entry is not applied, so the state never says more than the disk.
    let written: number;
    try {
      written = writeSync(this.fd, line);
      if (written < Buffer.byteLength(line)) throw shortWriteError();
    } catch (error) {
      this.cutTornLine();
      const reason = storageReason(error, dirname(this.path));
      throw reason ? new CargaError(jobStoppedMessage(reason, dirname(this.path)), { cause: error }) : error;
    }
    this.live.counts.bytes += written;
    apply(this.live, entry);
    countEntry(this.live.counts, entry);
  }

  private cutTornLine(): void {
    try {
      if (fstatSync(this.fd).size > this.live.counts.bytes) ftruncateSync(this.fd, this.live.counts.bytes);
    } catch {
      // The disk refuses even that: replay drops a torn last line.
    }
  }

  /** Rows still `sending` after a replay were in flight when the process died. */
  private settleInFlight(): void {
    const inFlight: number[] = [];
    for (let i = 0; i < this.live.states.size; i++)
      if (this.live.states.get(i) === 'sending') inFlight.push(i);
    if (inFlight.length > 0) this.record({ t: 'unc', r: -1, i: toRanges(inFlight), f: CRASH_FAILURE });
  }
}

function dropTornTail(fd: number): void {
  const size = fstatSync(fd).size;
  if (size === 0) return;
  const chunk = Buffer.alloc(Math.min(size, 1 << 20));
  let end = size;
  // Walk back to the last newline; everything after it is a line cut by a crash.
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const read = readSync(fd, chunk, 0, end - start, start);
    const at = chunk.subarray(0, read).lastIndexOf(0x0a);
    if (at >= 0) {
      const keep = start + at + 1;
      if (keep !== size) ftruncateSync(fd, keep);
      return;
    }
    end = start;
  }
  ftruncateSync(fd, 0);
}

/** Why a replayed journal cannot be trusted, comparing it with its checkpoint. */
function damageOf(
  counts: CheckpointCounts,
  firstCorrupt: number,
  saved: CheckpointCounts | 'unreadable' | null,
): Message | null {
  if (saved === 'unreadable') return msg('job.checkpoint-unreadable');
  if (counts.corrupt > counts.corruptAccepted) return msg('job.journal-corrupt', { line: firstCorrupt });
  if (saved && (counts.sends < saved.sends || counts.settled < saved.settled)) {
    return msg('job.journal-short', {
      found: counts.sends + counts.settled,
      expected: saved.sends + saved.settled,
    });
  }
  return null;
}

function emptyState(): WritableState {
  return {
    states: new RowStates(),
    details: new Map(),
    fixes: new Map(),
    crmIds: new Map(),
    alreadySent: new Map(),
    requests: 0,
    total: null,
    status: null,
    updatedAt: null,
    damage: null,
    counts: { bytes: 0, sends: 0, settled: 0, accepted: 0, corrupt: 0, corruptAccepted: 0 },
    inFlight: new Map(),
  };
}

async function replay(path: string): Promise<{ state: WritableState; firstCorrupt: number }> {
  const state = emptyState();
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  let firstCorrupt = 0;
  for await (const text of lines) {
    line++;
    const entry = parseJournalLine(text);
    if (entry) {
      apply(state, entry);
      countEntry(state.counts, entry);
    } else {
      // A torn last line is gone already: a line that does not read is damage, never skipped quietly.
      state.counts.corrupt++;
      firstCorrupt ||= line;
    }
  }
  return { state, firstCorrupt };
}

function countEntry(counts: CheckpointCounts, entry: JournalEntry): void {
  if (entry.t === 'send') counts.sends++;
  else if (entry.t === 'ok' || entry.t === 'fail' || entry.t === 'unc' || entry.t === 'unsent')
    counts.settled++;
  if (entry.t === 'ok') for (const [start, end] of entry.i) counts.accepted += end - start + 1;
}

/** The one function that turns an entry into state, for live records and replays alike. A
 * request's rows are walked range by range, not through `eachIndex`: its generator allocated a
 * result for every row of every `send` and `ok`. */
function apply(state: WritableState, entry: JournalEntry): void {
  switch (entry.t) {
    case 'read':
      state.requests = Math.max(state.requests, entry.r);
      return;
    case 'send':
      state.inFlight.set(entry.r, entry.i);
      state.requests = Math.max(state.requests, entry.r);
      for (const [start, end] of entry.i)
        for (let index = start; index <= end; index++) state.states.set(index, 'sending');
      return;
    case 'ok': {
      state.inFlight.delete(entry.r);
      // Ids are in range order, one per row, when the CRM gave one per row.
      let n = 0;
      for (const [start, end] of entry.i)
        for (let index = start; index <= end; index++) {
          state.states.set(index, 'ok');
          state.details.delete(index);
          const id = entry.ids?.[n++];
          if (id !== undefined) state.crmIds.set(index, id);
        }
      return;
    }
    case 'fail':
    case 'unc': {
      state.inFlight.delete(entry.r);
      let n = 0;
      for (const index of eachIndex(entry.i)) {
        state.states.set(index, entry.t === 'fail' ? 'failed' : 'uncertain');
        const previous = state.details.get(index);
        const cells = entry.v?.[n] ?? previous?.cells;
        const row = entry.n?.[n] ?? previous?.row;
        const original = originalCells(previous, cells);
        state.details.set(index, {
          failure: entry.f,
          ...(cells ? { cells } : {}),
          ...(row !== undefined ? { row } : {}),
          ...(original ? { original } : {}),
        });
        n++;
      }
      return;
    }
    case 'unsent': {
      const ranges = state.inFlight.get(entry.r);
      state.inFlight.delete(entry.r);
      if (ranges)
        for (const index of eachIndex(ranges))
          if (state.states.get(index) === 'sending') state.states.set(index, 'pending');
      return;
    }
    case 'invalid': {
      state.states.set(entry.i, 'failed');
      const first = entry.p[0];
      const original = originalCells(state.details.get(entry.i), entry.v);
      state.details.set(entry.i, {
        failure: {
          failureClass: 'validation',
          code: first?.code ?? 'invalid',
          message: entry.p.map((p) => p.code).join(', '),
          explanation: first?.message ?? { code: 'job.invalid-row' },
        },
        cells: entry.v,
        row: entry.n,
        ...(original ? { original } : {}),
      });
      return;
    }
    case 'skip': {
      let rows = 0;
      for (const index of eachIndex(entry.i)) {
        state.states.set(index, 'skipped');
        rows++;
      }
      if (entry.j !== undefined) {
        const earlier = state.alreadySent.get(entry.j);
        state.alreadySent.set(entry.j, {
          at: earlier?.at ?? entry.at ?? '',
          rows: (earlier?.rows ?? 0) + rows,
        });
      }
      return;
    }
    case 'requeue':
      for (const index of eachIndex(entry.i)) {
        state.states.set(index, 'pending');
        state.details.delete(index);
      }
      return;
    case 'total':
      state.total = entry.n;
      return;
    case 'status':
      state.status = entry.s;
      state.updatedAt = entry.at;
      if (entry.reason) state.reason = entry.reason;
      else delete state.reason;
      return;
    case 'fix':
      state.fixes.set(entry.i, { ...state.fixes.get(entry.i), ...entry.v });
      return;
  }
}

/** The file's cells of a row attempted again: its earlier original, or its earlier attempt's
 * cells when this attempt sent others. */
function originalCells(
  previous: Readonly<RowDetail> | undefined,
  cells: string[] | undefined,
): string[] | undefined {
  if (previous?.original) return previous.original;
  const before = previous?.cells;
  if (!before || !cells) return undefined;
  return before.length === cells.length && before.every((cell, i) => cell === cells[i]) ? undefined : before;
}
