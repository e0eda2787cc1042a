import type { ResultPage, ResultRow } from '../../shared/contract';

export type FetchPage = (offset: number, limit: number) => Promise<ResultPage>;

/**
 * The rows of one filtered result list, fetched a page at a time as the operator scrolls to
 * them. A list may hold 100,000 rows: only the pages near the viewport are kept, and a page is
 * never requested twice at once. React reads it through `subscribe`/`getVersion`
 * (useSyncExternalStore), so a page arriving re-renders the table once.
 */
export class ResultPager {
  /** Page number → rows; insertion order doubles as least-recently-used order. */
  private readonly pages = new Map<number, ResultRow[]>();
  private readonly loading = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  /** Rows matching the filter, known once the first page arrives. */
  total: number | null = null;
  error: unknown = null;

  constructor(
    private readonly fetchPage: FetchPage,
    readonly pageSize = 100,
    private readonly maxPages = 30,
  ) {}

  rowAt(index: number): ResultRow | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Requests the pages holding rows `first`..`last` that are neither here nor on their way. */
  ensure(first: number, last: number): void {
    const end = this.total === null ? last : Math.min(last, this.total - 1);
    this.request(
      Math.floor(Math.max(0, first) / this.pageSize),
      Math.floor(Math.max(first, end) / this.pageSize),
    );
  }

  /** After `ensure`: the page on either side of rows `first`..`last`, once the list's length is
   * known (no page past its end), so rows scrolled into view are there already, not "loading…". */
  prefetch(first: number, last: number): void {
    if (this.total === null || this.total === 0) return;
    const finalPage = Math.floor((this.total - 1) / this.pageSize);
    const before = Math.floor(Math.max(0, first) / this.pageSize) - 1;
    const after = Math.floor(Math.min(last, this.total - 1) / this.pageSize) + 1;
    if (before >= 0) this.request(before, before);
    if (after <= finalPage) this.request(after, after);
  }

  private request(firstPage: number, lastPage: number): void {
    for (let page = firstPage; page <= lastPage; page += 1) {
      const rows = this.pages.get(page);
      if (rows) {
        this.pages.delete(page);
        this.pages.set(page, rows);
      } else if (!this.loading.has(page)) {
        this.load(page);
      }
    }
  }

  /** The loaded row with this journal index, wherever it sits in the list. */
  findRow(index: number): ResultRow | undefined {
    for (const rows of this.pages.values()) {
      const found = rows.find((candidate) => candidate.index === index);
      if (found) return found;
    }
    return undefined;
  }

  /** Puts a row the engine returned (after a fix) in place of the one with the same index. */
  replaceRow(row: ResultRow): void {
    for (const [page, rows] of this.pages) {
      const at = rows.findIndex((candidate) => candidate.index === row.index);
      if (at >= 0) {
        // A new array for the page, so a reader holding the old one sees a change.
        this.pages.set(
          page,
          rows.map((candidate, i) => (i === at ? row : candidate)),
        );
        this.changed();
        return;
      }
    }
  }

  isLoading(): boolean {
    return this.loading.size > 0;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private load(page: number): void {
    this.loading.add(page);
    this.changed();
    this.fetchPage(page * this.pageSize, this.pageSize).then(
      (result) => {
        this.loading.delete(page);
        this.total = result.total;
        this.error = null;
        this.pages.set(page, result.rows);
        this.evict(page);
        this.changed();
      },
      (error: unknown) => {
        this.loading.delete(page);
        this.error = error;
        this.changed();
      },
    );
  }

  private evict(keep: number): void {
    for (const page of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) return;
      if (page !== keep) this.pages.delete(page);
    }
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
