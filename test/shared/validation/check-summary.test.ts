import { describe, expect, it } from 'vitest';

import { CheckTally, quotaDaysNeeded, requestsNeeded } from '../../../shared/validation/check-summary';
import type { RowProblem } from '../../../shared/validation/problems';

const problem = (row: number, code: RowProblem['code']): RowProblem => ({
  row,
  index: row - 2,
  code,
  message: { code: 'validation.empty-row', params: { row } },
});

describe('requestsNeeded', () => {
  it('counts one request per row, or per batch of up to maxBatch rows', () => {
    expect(requestsNeeded(25, 1)).toBe(25);
    expect(requestsNeeded(25_000, 10_000)).toBe(3);
    expect(requestsNeeded(20_000, 10_000)).toBe(2);
    expect(requestsNeeded(0, 10_000)).toBe(0);
  });
});

describe('quotaDaysNeeded', () => {
  it('is 1 when today covers the run, and adds whole days for the rest', () => {
    expect(quotaDaysNeeded(100, { remainingToday: 100, dailyLimit: 4800 })).toBe(1);
    expect(quotaDaysNeeded(101, { remainingToday: 100, dailyLimit: 4800 })).toBe(2);
    expect(quotaDaysNeeded(10_000, { remainingToday: 0, dailyLimit: 4800 })).toBe(4);
  });

  it('is null when the quota is unknown', () => {
    expect(quotaDaysNeeded(10, null)).toBeNull();
    expect(quotaDaysNeeded(10, { remainingToday: 0, dailyLimit: 0 })).toBeNull();
  });
});

describe('CheckTally', () => {
  it('counts rows, invalid rows and problems by kind, keeping the first examples of each', () => {
    const tally = new CheckTally(2);
    tally.addRow([]);
    tally.addRow([problem(3, 'phone-scientific'), problem(3, 'invalid-date')]);
    tally.addRow([problem(4, 'phone-scientific')]);
    tally.addRow([problem(5, 'phone-scientific')]);
    tally.addRow([]);
    expect(tally.rows).toBe(5);
    expect(tally.result({ mappingProblems: [], maxBatch: 1 })).toEqual({
      totalRows: 5,
      validRows: 2,
      invalidRows: 3,
      problemCounts: { 'phone-scientific': 3, 'invalid-date': 1 },
      examples: [problem(3, 'phone-scientific'), problem(4, 'phone-scientific'), problem(3, 'invalid-date')],
      mappingProblems: [],
      requests: 2,
      quotaDays: null,
    });
  });

  it('counts requests for the valid rows only, and the quota days when the quota is known', () => {
    const tally = new CheckTally();
    for (let i = 0; i < 25_001; i++) tally.addRow(i === 0 ? [problem(2, 'empty-row')] : []);
    const mappingProblems = [
      { code: 'mapping.field-mapped-twice' as const, params: { field: 'tel1', columns: 'A, B' } },
    ];
    const result = tally.result({
      mappingProblems,
      maxBatch: 10_000,
      quota: { remainingToday: 1, dailyLimit: 1 },
    });
    expect([result.validRows, result.requests, result.quotaDays, result.mappingProblems]).toEqual([
      25_000,
      3,
      3,
      mappingProblems,
    ]);
  });
});
