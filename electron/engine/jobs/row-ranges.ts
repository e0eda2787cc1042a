/** Row indices as inclusive [start, end] ranges: batches are mostly consecutive rows, so a
 * 10,000-row request takes one short journal line instead of 10,000 numbers. */
export type RowRanges = [number, number][];

export function toRanges(indices: readonly number[]): RowRanges {
  const ranges: RowRanges = [];
  for (const index of indices) {
    const last = ranges[ranges.length - 1];
    if (last && index === last[1] + 1) last[1] = index;
    else ranges.push([index, index]);
  }
  return ranges;
}

export function* eachIndex(ranges: RowRanges): Generator<number> {
  for (const [start, end] of ranges) {
    for (let i = start; i <= end; i++) yield i;
  }
}
