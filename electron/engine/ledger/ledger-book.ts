import type { Connection } from '../../../shared/contract';
import { destinationKey } from './destination';
import { LedgerFile } from './destination-ledger';

/** The ledgers of every destination this process sends to, each opened once, in one folder. */
export class LedgerBook {
  private readonly open = new Map<string, LedgerFile>();

  constructor(private readonly dir: string) {}

  /** The ledger of the place `connection` sends to (its server resolved, as requests go). */
  forConnection(connection: Connection): LedgerFile {
    const key = destinationKey(connection);
    let ledger = this.open.get(key);
    if (!ledger) {
      ledger = LedgerFile.open(this.dir, key);
      this.open.set(key, ledger);
    }
    return ledger;
  }

  close(): void {
    for (const ledger of this.open.values()) ledger.close();
    this.open.clear();
  }
}
