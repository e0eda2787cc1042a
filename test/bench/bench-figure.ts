/**
 * What every part of `npm run bench` hands back: one line per figure, Carga beside its bare
 * baseline, so the ratios can be compared run after run. Figures, never assertions.
 */

export interface Measure {
  value: number;
  /** 's', 'ms', 'MB', 'records/s', 'frames/s'… printed as given. */
  unit: string;
}

/** How a figure is judged. Ratios are Carga ÷ baseline. */
export type Target =
  /** Carga may take at most `ratio` × the baseline (times, memory). */
  | { kind: 'ratio-at-most'; ratio: number }
  /** Carga must reach at least `ratio` × the baseline (rates). */
  | { kind: 'ratio-at-least'; ratio: number }
  /** Carga's value itself, whatever the baseline. */
  | { kind: 'at-most'; value: number }
  | { kind: 'at-least'; value: number }
  /** Shown for the record; no target. */
  | { kind: 'none' };

export interface BenchFigure {
  /** What is measured, e.g. "`carga --help`, whole process". */
  figure: string;
  carga: Measure;
  /** The bare client or library doing the same work, when there is one. */
  baseline?: Measure & { label: string };
  target: Target;
  /** Why a target is missed, or how the figure was taken. */
  note?: string;
}

/** A piece of the bench: a name to run it alone (`npm run bench -- NAME`) and its figures. */
export interface BenchPart {
  name: string;
  run(): Promise<BenchFigure[]>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function ratioOf(figure: BenchFigure): number | null {
  return figure.baseline && figure.baseline.value !== 0 ? figure.carga.value / figure.baseline.value : null;
}

/** 'met', 'missed' or '' (no target), with the distance to the target when missed. */
export function verdictOf(figure: BenchFigure): string {
  const { target } = figure;
  const ratio = ratioOf(figure);
  const value = figure.carga.value;
  switch (target.kind) {
    case 'none':
      return '';
    case 'ratio-at-most':
      if (ratio === null) return 'no baseline';
      return ratio <= target.ratio ? 'met' : `MISSED by ${((ratio / target.ratio - 1) * 100).toFixed(0)}%`;
    case 'ratio-at-least':
      if (ratio === null) return 'no baseline';
      return ratio >= target.ratio ? 'met' : `MISSED by ${((1 - ratio / target.ratio) * 100).toFixed(0)}%`;
    case 'at-most':
      return value <= target.value ? 'met' : `MISSED by ${((value / target.value - 1) * 100).toFixed(0)}%`;
    case 'at-least':
      return value >= target.value ? 'met' : `MISSED by ${((1 - value / target.value) * 100).toFixed(0)}%`;
  }
}

function targetText(figure: BenchFigure): string {
  const { target } = figure;
  switch (target.kind) {
    case 'none':
      return '—';
    case 'ratio-at-most':
      return `≤ ${Number(target.ratio.toFixed(2))}×`;
    case 'ratio-at-least':
      return `≥ ${Number(target.ratio.toFixed(2))}×`;
    case 'at-most':
      return `≤ ${format(target.value)} ${figure.carga.unit}`;
    case 'at-least':
      return `≥ ${format(target.value)} ${figure.carga.unit}`;
  }
}

function format(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(value === Math.round(value) ? 0 : 3);
}

function measureText(measure: Measure | undefined): string {
  return measure ? `${format(measure.value)} ${measure.unit}` : '—';
}

/** One table: figure | Carga | baseline | ratio | target | verdict; notes under it. */
export function printFigures(
  figures: readonly BenchFigure[],
  write: (line: string) => void = console.log,
): void {
  const rows = figures.map((f) => {
    const ratio = ratioOf(f);
    return [
      f.figure,
      measureText(f.carga),
      f.baseline ? `${measureText(f.baseline)} (${f.baseline.label})` : '—',
      ratio === null ? '—' : `${ratio.toFixed(2)}×`,
      targetText(f),
      verdictOf(f),
    ];
  });
  const header = ['figure', 'Carga', 'baseline', 'ratio', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  write(line(header));
  write(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) write(line(row));
  const notes = figures.filter((f) => f.note);
  if (notes.length) write('');
  for (const f of notes) write(`  ${f.figure}: ${f.note}`);
}
