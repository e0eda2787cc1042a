/**
 * Opens a ledger in a fresh process and prints what it cost: the ledger bench runs this so the
 * resident memory it reports is the ledger's alone. Usage: ledger-memory-probe.ts DIR DESTINATION
 */
import { LedgerFile } from '../../electron/engine/ledger/destination-ledger';

const [dir, destination] = process.argv.slice(2);
if (!dir || !destination) throw new Error('usage: ledger-memory-probe.ts DIR DESTINATION');
globalThis.gc?.();
const before = process.memoryUsage();
const started = performance.now();
const ledger = LedgerFile.open(dir, destination);
const openMs = performance.now() - started;
globalThis.gc?.();
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    rows: ledger.size,
    openMs,
    tableBytes: ledger.memoryBytes,
    rssDelta: after.rss - before.rss,
    arrayBuffersDelta: after.arrayBuffers - before.arrayBuffers,
  }) + '\n',
);
ledger.close();
