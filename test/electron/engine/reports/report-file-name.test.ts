import { describe, expect, it } from 'vitest';

import { reportFileName } from '../../../../electron/engine/reports/report-file-name';

describe('reportFileName', () => {
  it('names the imported file, what the report holds in the operator’s language, and the job', () => {
    const job = { sourceName: 'casos marzo.xlsx', jobId: '20261122-031545-a1b2' };
    expect(reportFileName({ ...job, kind: 'errors', format: 'csv', lang: 'es' })).toBe(
      'casos marzo - errores - 20261122-031545-a1b2.csv',
    );
    expect(reportFileName({ ...job, kind: 'accepted', format: 'xlsx', lang: 'en' })).toBe(
      'casos marzo - loaded - 20261122-031545-a1b2.xlsx',
    );
    expect(reportFileName({ ...job, kind: 'failed-rows', format: 'csv', lang: 'es' })).toBe(
      'casos marzo - filas-fallidas - 20261122-031545-a1b2.csv',
    );
    expect(reportFileName({ ...job, kind: 'summary', format: 'csv', lang: 'en' })).toBe(
      'casos marzo - summary - 20261122-031545-a1b2.txt',
    );
  });

  it('keeps out what no file system takes, and never leaves the name empty', () => {
    const name = reportFileName({
      sourceName: 'a/b\\c:d*e?"f"<g>|h\ni.csv',
      jobId: 'j1',
      kind: 'errors',
      format: 'csv',
      lang: 'en',
    });
    expect(name).not.toMatch(/[<>:"/\\|?*\n]/);
    expect(
      reportFileName({ sourceName: '???.csv', jobId: 'j1', kind: 'errors', format: 'csv', lang: 'en' }),
    ).toBe('carga - errors - j1.csv');
  });
});
