import { describe, expect, it } from 'vitest';

import { percentReporter } from '../../../renderer/file/upload-progress';

describe('percentReporter', () => {
  it('reports each whole percentage once, however often bytes are counted', () => {
    const seen: number[] = [];
    const report = percentReporter(1000, (percent) => seen.push(percent));
    for (let sent = 0; sent <= 1000; sent += 3) report(sent);
    report(1000);
    expect(seen).toEqual(Array.from({ length: 101 }, (_, i) => i));
  });

  it('counts an empty file as done', () => {
    const seen: number[] = [];
    percentReporter(0, (percent) => seen.push(percent))(0);
    expect(seen).toEqual([100]);
  });
});
