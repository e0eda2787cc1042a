/** Turns a stream of byte counts into whole percentages, calling back only when the percentage
 * changes: a 1 GB upload reports progress thousands of times, the screen needs a hundred. */
export function percentReporter(
  size: number,
  onPercent: (percent: number) => void,
): (sentBytes: number) => void {
  let last = -1;
  return (sentBytes) => {
    const percent = size > 0 ? Math.min(100, Math.floor((sentBytes / size) * 100)) : 100;
    if (percent !== last) {
      last = percent;
      onPercent(percent);
    }
  };
}
