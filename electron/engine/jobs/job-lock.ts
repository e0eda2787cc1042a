import { createHmac } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { createConnection } from 'node:net';

import type { JobHolder } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { MachineSlots, slotAddress, type SlotLease } from '../quota/machine-slots';

/**
 * One process at a time runs a job, machine-wide: the app, the web front door and any number of
 * CLI runs. Held like a token's slot (a socket address only one process can listen on: on Linux
 * in the abstract namespace, on Windows a named pipe), so the kernel frees it the instant a
 * holder dies — a `kill -9` leaves no lock behind, and there is no lock file to clean up. The
 * holder tells whoever connects who it is, so others can say who runs the job.
 */
export async function holdJob(folder: string, jobId: string, holder: JobHolder): Promise<SlotLease> {
  for (let attempt = 1; ; attempt++) {
    const lease = await tryHoldJob(folder, holder);
    if (lease) return lease;
    const asked = await whoHolds(folder);
    const held = asked && (await afterBriefHold(folder, asked));
    held?.stop();
    if (held && !held.holder.brief) throw new CargaError(runningElsewhereMessage(jobId, held.holder));
    // Let go between the two questions, or after a brief hold: ask for it again, a few times
    // (a holder that never says who it is is no Carga that will let go).
    if (!asked && attempt >= 3) throw new CargaError(msg('job.running-elsewhere', { jobId }));
  }
}

/** How long a process waits for another that holds a job only to open or change it: opening
 * replays the journal, a few seconds for a million rows on a slow disk. */
const BRIEF_HOLD_WAIT_MS = 30_000;

/**
 * A job another process holds, once a brief hold (to open or change it) is over: `held` itself
 * when that process runs a pass; otherwise who holds it after that process let go (null: no one),
 * asked again after BRIEF_HOLD_WAIT_MS at the latest.
 */
export async function afterBriefHold(folder: string, held: HeldJob): Promise<HeldJob | null> {
  if (!held.holder.brief) return held;
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((done) => {
    timer = setTimeout(done, BRIEF_HOLD_WAIT_MS);
  });
  try {
    await Promise.race([held.released, waited]);
  } finally {
    clearTimeout(timer);
    held.stop();
  }
  return whoHolds(folder);
}

/** Takes the job when no process holds it; null when one does. */
export function tryHoldJob(folder: string, holder: JobHolder): Promise<SlotLease | null> {
  return new MachineSlots(jobLockKey(folder), 1).tryAcquire(JSON.stringify(holder) + '\n');
}

/** A job another process holds: who, and when it lets go (or dies). */
export interface HeldJob {
  holder: JobHolder;
  released: Promise<void>;
  /** Stops listening for the release. */
  stop(): void;
}

/** How long a holder has to say who it is: it answers at once, unless it is not a Carga that does. */
const GREETING_MS = 2_000;

/** Who holds the job now, asked of the holder itself; null when no process holds it. Never takes
 * the job, so it cannot get in the way of a process starting it. */
export function whoHolds(folder: string): Promise<HeldJob | null> {
  return new Promise((resolve) => {
    const socket = createConnection(jobLockAddress(folder));
    let text = '';
    let answered = false;
    const released = new Promise<void>((done) => socket.once('close', () => done()));
    const answer = (held: HeldJob | null) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      // Listening on for the release must not keep a process alive that has nothing else to do.
      if (held) socket.unref();
      else socket.destroy();
      resolve(held);
    };
    const timer = setTimeout(() => answer(null), GREETING_MS);
    timer.unref();
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end < 0 || answered) return;
      const holder = parseHolder(text.slice(0, end));
      answer(holder ? { holder, released, stop: () => socket.destroy() } : null);
    });
    // Refused or gone: no one holds it (or its holder let go before answering).
    socket.on('error', () => answer(null));
    socket.once('close', () => answer(null));
  });
}

/** Why a job cannot be paused, resumed or changed here: who runs it, in the operator's words. */
export function runningElsewhereMessage(jobId: string, holder: JobHolder) {
  return msg(`job.running-in-${holder.frontDoor}`, { jobId, pid: holder.pid });
}

function parseHolder(line: string): JobHolder | null {
  try {
    const value = JSON.parse(line) as Partial<JobHolder>;
    const { frontDoor, pid } = value;
    if ((frontDoor === 'electron' || frontDoor === 'web' || frontDoor === 'cli') && Number.isInteger(pid))
      return { frontDoor, pid: pid as number, ...(value.brief === true ? { brief: true } : {}) };
  } catch {
    // Not a holder's greeting.
  }
  return null;
}

/** Where the process holding the job listens (see MachineSlots). */
export function jobLockAddress(folder: string): string {
  return slotAddress(jobLockKey(folder), 0);
}

/** The job folder's real path, keyed and cut short like a token's lane name: the same folder
 * reached through another path or `CARGA_HOME` spelling is the same job. */
function jobLockKey(folder: string): string {
  let path = folder;
  try {
    path = realpathSync(folder);
  } catch {
    // A folder that does not resolve is named as given.
  }
  return createHmac('sha256', 'carga/job-lock/v1').update(path).digest('hex').slice(0, 32);
}
