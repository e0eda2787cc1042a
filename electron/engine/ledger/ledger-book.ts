import type { Connection } from '../../../shared/contract';
import type { JobStore } from '../jobs/job-store';
import { destinationKey } from './destination';
import { LedgerFile } from './destination-ledger';
import { backfillFromJournals } from './ledger-backfill';

/** The ledgers of every destination this process sends to, each opened once, in one folder. */
export class LedgerBook {
  private readonly open = new Map<string, Promise<LedgerFile>>();

  constructor(
    private readonly dir: string,
    private readonly jobs: JobStore,
  ) {}

  /** The ledger of the place `connection` sends to, with what the jobs' journals know put back in. */
  forConnection(connection: Connection): Promise<LedgerFile> {
    const key = destinationKey(connection);
    let ledger = this.open.get(key);
    if (!ledger) {
      ledger = this.openLedger(key);
      this.open.set(key, ledger);
      ledger.catch(() => this.open.delete(key));
    }
    return ledger;
  }

  async close(): Promise<void> {
    const ledgers = await Promise.allSettled(this.open.values());
    for (const ledger of ledgers) if (ledger.status === 'fulfilled') ledger.value.close();
    this.open.clear();
  }

  private async openLedger(key: string): Promise<LedgerFile> {
    const ledger = LedgerFile.open(this.dir, key);
    await backfillFromJournals(ledger, key, this.jobs);
    return ledger;
  }
}
