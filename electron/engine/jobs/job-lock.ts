import { createHmac } from 'node:crypto';
import { realpathSync } from 'node:fs';

import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { MachineSlots, type SlotLease } from '../quota/machine-slots';

/**
 * One process at a time runs a job, machine-wide: the app, the web front door and any number of
 * CLI runs. Held like a token's slot (a socket address only one process can listen on: on Linux
 * in the abstract namespace, on Windows a named pipe), so the kernel frees it the instant a
 * holder dies — a `kill -9` leaves no lock behind, and there is no lock file to clean up.
 */
export async function holdJob(folder: string, jobId: string): Promise<SlotLease> {
  const lease = await new MachineSlots(jobLockKey(folder), 1).tryAcquire();
  if (!lease) throw new CargaError(msg('job.running-elsewhere', { jobId }));
  return lease;
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
