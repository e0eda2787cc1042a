/**
 * Appends batches of rows to a ledger until it is killed, saying on stdout after each batch
 * how many rows are in; the crash-safety test kills it with SIGKILL in the middle of this.
 * Usage: tsx append-until-killed.ts DIR DESTINATION
 */
import { createHash } from 'node:crypto';

import { LedgerFile } from '../../../../electron/engine/ledger/destination-ledger';

const [dir, destination] = process.argv.slice(2);
if (!dir || !destination) throw new Error('usage: append-until-killed.ts DIR DESTINATION');
const ledger = LedgerFile.open(dir, destination);
let n = 0;
for (;;) {
  const batch: Buffer[] = [];
  for (let i = 0; i < 5_000; i++)
    batch.push(createHash('sha256').update(String(n++)).digest().subarray(0, 16));
  ledger.recordAccepted(batch, `job-${Math.floor(n / 50_000)}`);
  process.stdout.write(`${n}\n`);
}
