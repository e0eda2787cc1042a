import { closeSync, createReadStream, fstatSync, ftruncateSync, openSync, readSync, writeSync, fdatasyncSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { JobStatus } from '../../../shared/contract';
import type { Message } from '../../../shared/messages/message';
import { parseJournalLine, type JournalEntry, type RowFailure } from './journal-entry';
import { eachIndex, rangeCount, type RowRanges } from './row-ranges';
import { RowStates } from './row-states';

/** A row that is failed, uncertain or skipped, with why and its original cells. */
export interface RowDetail {
  failure: RowFailure;
  /** Original cells, aligned to the file's columns; missing until read back from the file. */
  cells?: string[];
  /** Spreadsheet row number, as Excel shows it. */
  row?: number;
}

/** Everything a job's journal says, replayed. */
export interface JournalState {
  states: RowStates;
  details: Map<number, RowDetail>;
  fixes: Map<number, Record<string, string>>;
  /** Earlier jobs whose accepted rows this job skipped: when, and how many rows. */
  alreadySent: Map<string, { at: string; rows: number }>;
  requests: number;
  total: number | null;
  status: JobStatus | null;
  reason?: Message;
  updatedAt: string | null;
}

export const CRASH_FAILURE: RowFailure = {
  failureClass: 'uncertain',
  code: 'IN-FLIGHT',
  message: 'IN FLIGHT WHEN THE JOB STOPPED',
  explanation: { code: 'job.in-flight-at-crash' },
};

/**
 * The append-only record of a job. Rows are written as `send` before their request leaves and
 * get their outcome after, so after a crash or `kill -9` a replay knows exactly which rows the
 * CRM may have seen: only those in flight become uncertain, and nothing accepted is sent again.
 */
export class Journal {
  private constructor(private fd: number) {}

  /** Opens (creating) the journal, drops a torn last line, replays it. */
  static async open(path: string): Promise<{ journal: Journal; state: JournalState }> {
    const fd = openSync(path, 'a+');
    dropTornTail(fd);
    const state = await replay(path);
    const journal = new Journal(fd);
    journal.settleInFlight(state);
    return { journal, state };
  }

  append(entry: JournalEntry): void {
    // Synchronous on purpose: a `send` must be on disk (in the kernel's cache, which survives a
    // process crash) before its request is put on the wire.
    writeSync(this.fd, JSON.stringify(entry) + '\n');
  }

  /** Flushes to the device; used at pauses and the end, not per row. */
  sync(): void {
    fdatasyncSync(this.fd);
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Rows still `sending` after a replay were in flight when the process died. */
  private settleInFlight(state: JournalState): void {
    const inFlight: number[] = [];
    for (let i = 0; i < state.states.size; i++) if (state.states.get(i) === 'sending') inFlight.push(i);
    if (inFlight.length === 0) return;
    for (const index of inFlight) {
      state.states.set(index, 'uncertain');
      state.details.set(index, { ...state.details.get(index), failure: CRASH_FAILURE });
    }
    this.append({ t: 'unc', r: -1, i: inFlight.map((i) => [i, i]), f: CRASH_FAILURE });
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

async function replay(path: string): Promise<JournalState> {
  const state: JournalState = {
    states: new RowStates(),
    details: new Map(),
    fixes: new Map(),
    alreadySent: new Map(),
    requests: 0,
    total: null,
    status: null,
    updatedAt: null,
  };
  const inFlight = new Map<number, RowRanges>();
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    const entry = parseJournalLine(line);
    if (entry) applyEntry(state, inFlight, entry);
  }
  return state;
}

function applyEntry(state: JournalState, inFlight: Map<number, RowRanges>, entry: JournalEntry): void {
  switch (entry.t) {
    case 'send':
      inFlight.set(entry.r, entry.i);
      state.requests = Math.max(state.requests, entry.r);
      for (const index of eachIndex(entry.i)) state.states.set(index, 'sending');
      return;
    case 'ok':
      inFlight.delete(entry.r);
      for (const index of eachIndex(entry.i)) {
        state.states.set(index, 'ok');
        state.details.delete(index);
      }
      return;
    case 'fail':
    case 'unc': {
      inFlight.delete(entry.r);
      let n = 0;
      for (const index of eachIndex(entry.i)) {
        state.states.set(index, entry.t === 'fail' ? 'failed' : 'uncertain');
        const previous = state.details.get(index);
        const cells = entry.v?.[n] ?? previous?.cells;
        const row = entry.n?.[n] ?? previous?.row;
        state.details.set(index, { failure: entry.f, ...(cells ? { cells } : {}), ...(row !== undefined ? { row } : {}) });
        n++;
      }
      return;
    }
    case 'unsent': {
      const ranges = inFlight.get(entry.r);
      inFlight.delete(entry.r);
      if (ranges) for (const index of eachIndex(ranges)) if (state.states.get(index) === 'sending') state.states.set(index, 'pending');
      return;
    }
    case 'invalid': {
      state.states.set(entry.i, 'failed');
      const first = entry.p[0];
      state.details.set(entry.i, {
        failure: {
          failureClass: 'validation',
          code: first?.code ?? 'invalid',
          message: entry.p.map((p) => p.code).join(', '),
          explanation: first?.message ?? { code: 'job.invalid-row' },
        },
        cells: entry.v,
        row: entry.n,
      });
      return;
    }
    case 'skip':
      for (const index of eachIndex(entry.i)) state.states.set(index, 'skipped');
      if (entry.j !== undefined) {
        const earlier = state.alreadySent.get(entry.j);
        state.alreadySent.set(entry.j, { at: earlier?.at ?? entry.at ?? '', rows: (earlier?.rows ?? 0) + rangeCount(entry.i) });
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
