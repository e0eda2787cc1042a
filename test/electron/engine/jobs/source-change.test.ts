import { truncateSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import {
  CASE_HEADER,
  caseRow,
  CASES_TEMPLATE,
  importFixture,
  TEST_TOKEN,
  writeCsv,
  type ImportFixture,
} from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const fixtures: ImportFixture[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) await fixture.close();
});

const ROWS = 30;
const rows = Array.from({ length: ROWS }, (_, i) => caseRow(i));

describe('the source file changing under a running job', () => {
  it.each([
    [
      'rewritten in place with its rows shuffled',
      (path: string) => writeCsv(path, CASE_HEADER, [...rows].reverse()),
    ],
    ['truncated', (path: string) => truncateSync(path, 200)],
  ])(
    'stops when the file is %s: no duplicate, no row lost, never finished with rows pending',
    async (_how, change) => {
      const fixture = await importFixture(tempDir());
      fixtures.push(fixture);
      const path = writeCsv(join(fixture.dir, 'casos.csv'), CASE_HEADER, rows);
      const release = fixture.sandbox.holdAnswers();
      const started = await fixture.engine.startJob({
        path,
        template: CASES_TEMPLATE,
        connectionId: fixture.connection.id,
      });
      await fixture.sandbox.whenInFlight(2, TEST_TOKEN);
      change(path);
      release();
      const summary = await fixture.engine.settled(started.jobId);
      expect(summary.status).toBe('stopped');
      expect(summary.reason).toEqual({ code: 'job.file-changed', params: { name: 'casos.csv' } });
      expect(summary).toMatchObject({ failed: 0, uncertain: 0, total: ROWS });
      expect(summary.ok + summary.pending).toBe(ROWS);
      const accepted = fixture.sandbox.accepted().cases.map((c) => c.fields.description);
      expect(accepted).toHaveLength(summary.ok);
      expect(new Set(accepted).size).toBe(accepted.length);
      // Every accepted case is the row the journal says it is.
      const expected = new Set(rows.slice(0, summary.ok).map((row) => row[4]));
      expect(accepted.every((description) => expected.has(description))).toBe(true);
    },
  );
});
