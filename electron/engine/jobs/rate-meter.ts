/** Rows finished per second over the last few seconds: steady enough for an ETA, quick to follow a pause. */
export class RateMeter {
  private readonly samples: { at: number; rows: number }[] = [];
  private readonly startedAt: number;

  constructor(
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  add(rows: number): void {
    this.samples.push({ at: this.now(), rows });
    this.trim();
  }

  /** Rows in the window over the time the window covers: since the pass began, while it is
   * younger than the window, so a short job is not reported slower than it ran. */
  perSecond(): number {
    this.trim();
    if (this.samples.length === 0) return 0;
    const rows = this.samples.reduce((sum, s) => sum + s.rows, 0);
    const now = this.now();
    const span = Math.max(100, now - Math.max(this.startedAt, now - this.windowMs));
    return (rows * 1000) / span;
  }

  private trim(): void {
    const oldest = this.now() - this.windowMs;
    while (this.samples.length && (this.samples[0]?.at ?? 0) <= oldest) this.samples.shift();
  }
}
