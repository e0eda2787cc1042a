/** Rows finished per second over the last few seconds: steady enough for an ETA, quick to follow a pause. */
export class RateMeter {
  private readonly samples: { at: number; rows: number }[] = [];

  constructor(
    private readonly windowMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  add(rows: number): void {
    this.samples.push({ at: this.now(), rows });
    this.trim();
  }

  perSecond(): number {
    this.trim();
    const first = this.samples[0];
    if (!first) return 0;
    const rows = this.samples.reduce((sum, s) => sum + s.rows, 0);
    const span = Math.max(1_000, this.now() - first.at);
    return (rows * 1000) / span;
  }

  private trim(): void {
    const oldest = this.now() - this.windowMs;
    while (this.samples.length && (this.samples[0]?.at ?? 0) < oldest) this.samples.shift();
  }
}
