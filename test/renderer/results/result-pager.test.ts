import { describe, expect, it } from 'vitest';

import { ResultPager } from '../../../renderer/results/result-pager';
import type { ResultPage, ResultRow } from '../../../shared/contract';

function row(index: number): ResultRow {
  return { row: index + 2, index, outcome: 'failed', values: { A: String(index) }, fixed: false };
}

/** A list of `total` rows whose page requests the test answers one by one. */
function source(total: number) {
  const requests: { offset: number; limit: number; answer(): void; fail(error: unknown): void }[] = [];
  const fetchPage = (offset: number, limit: number) =>
    new Promise<ResultPage>((resolve, reject) => {
      requests.push({
        offset,
        limit,
        answer: () =>
          resolve({
            total,
            offset,
            rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) =>
              row(offset + i),
            ),
          }),
        fail: reject,
      });
    });
  return { requests, fetchPage };
}

function changed(pager: ResultPager): Promise<void> {
  return new Promise((resolve) => {
    const stop = pager.subscribe(() => {
      stop();
      resolve();
    });
  });
}

describe('ResultPager', () => {
  it('fetches the pages a range needs, each once, and serves rows from them', async () => {
    const { requests, fetchPage } = source(1000);
    const pager = new ResultPager(fetchPage, 100);
    pager.ensure(0, 150);
    pager.ensure(0, 150);
    expect(requests.map((request) => [request.offset, request.limit])).toEqual([
      [0, 100],
      [100, 100],
    ]);
    const arrived = changed(pager);
    requests[0]?.answer();
    await arrived;
    expect(pager.total).toBe(1000);
    expect(pager.rowAt(99)?.index).toBe(99);
    expect(pager.rowAt(100)).toBeUndefined();
  });

  it('asks for nothing past the end once the total is known', async () => {
    const { requests, fetchPage } = source(120);
    const pager = new ResultPager(fetchPage, 100);
    pager.ensure(0, 10);
    const arrived = changed(pager);
    requests[0]?.answer();
    await arrived;
    pager.ensure(0, 5000);
    expect(requests.map((request) => request.offset)).toEqual([0, 100]);
  });

  it('keeps only the most recently used pages', async () => {
    const { requests, fetchPage } = source(10_000);
    const pager = new ResultPager(fetchPage, 10, 3);
    for (const first of [0, 10, 20, 30]) {
      pager.ensure(first, first + 9);
      const arrived = changed(pager);
      requests.at(-1)?.answer();
      await arrived;
    }
    expect(pager.rowAt(5)).toBeUndefined();
    expect(pager.rowAt(35)?.index).toBe(35);
    pager.ensure(0, 9);
    expect(requests.map((request) => request.offset)).toEqual([0, 10, 20, 30, 0]);
  });

  it('replaces a row the engine returned after a fix', async () => {
    const { requests, fetchPage } = source(50);
    const pager = new ResultPager(fetchPage, 100);
    pager.ensure(0, 10);
    const arrived = changed(pager);
    requests[0]?.answer();
    await arrived;
    pager.replaceRow({ ...row(7), values: { A: 'fixed' }, fixed: true });
    expect(pager.rowAt(7)).toEqual({ ...row(7), values: { A: 'fixed' }, fixed: true });
  });

  it('keeps the error of a page that failed, and may ask for it again', async () => {
    const { requests, fetchPage } = source(50);
    const pager = new ResultPager(fetchPage, 100);
    pager.ensure(0, 10);
    const failed = changed(pager);
    requests[0]?.fail(new Error('offline'));
    await failed;
    expect(pager.error).toBeInstanceOf(Error);
    pager.ensure(0, 10);
    expect(requests).toHaveLength(2);
  });

  it('fetches the page on either side ahead, once the total is known, never past the end', async () => {
    const { requests, fetchPage } = source(250);
    const pager = new ResultPager(fetchPage, 100);
    // Before the total is known nothing is fetched ahead: the list may end on this page.
    pager.ensure(0, 20);
    pager.prefetch(0, 20);
    expect(requests.map((request) => request.offset)).toEqual([0]);
    const arrived = changed(pager);
    requests[0]?.answer();
    await arrived;
    pager.prefetch(0, 20);
    expect(requests.map((request) => request.offset)).toEqual([0, 100]);
    pager.ensure(110, 130);
    pager.prefetch(110, 130);
    expect(requests.map((request) => request.offset)).toEqual([0, 100, 200]);
    pager.ensure(230, 249);
    pager.prefetch(230, 249);
    expect(requests.map((request) => request.offset)).toEqual([0, 100, 200]);
  });
});
