import { dirname, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { Journal } from '../../../../electron/engine/jobs/journal';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const refused = {
  failureClass: 'row' as const,
  code: '404',
  message: 'REVIEW',
  explanation: { code: 'job.invalid-row' as const },
};

async function reopen(path: string): Promise<Journal> {
  const journal = await Journal.open(path, join(dirname(path), 'checkpoint.json'));
  journal.close();
  return journal;
}

describe('what the journal keeps for results and reports', () => {
  it('keeps the id the CRM gave each accepted row, live and after a replay', async () => {
    const path = join(tempDir(), 'outcomes.jsonl');
    const journal = await Journal.open(path, join(dirname(path), 'checkpoint.json'));
    journal.sending(1, [0]);
    journal.ok(1, [0], ['CS-000041']);
    journal.sending(2, [1, 2, 3]);
    // A batch without ids: its rows are accepted, with no id to show.
    journal.ok(2, [1, 2, 3], []);
    journal.sending(3, [5]);
    journal.ok(3, [5], ['CS-000042']);
    // A row failed first and accepted on retry takes its id then.
    journal.sending(4, [4]);
    journal.settled(4, 'failed', [{ index: 4, cells: ['x'], row: 6 }], refused);
    journal.sending(5, [4]);
    journal.ok(5, [4], ['CS-000043']);
    const live = new Map(journal.state.crmIds);
    journal.close();

    const replayed = await reopen(path);
    expect(live).toEqual(
      new Map([
        [0, 'CS-000041'],
        [5, 'CS-000042'],
        [4, 'CS-000043'],
      ]),
    );
    expect(new Map(replayed.state.crmIds)).toEqual(live);
    expect(replayed.state.details.has(4)).toBe(false);
  });

  it('keeps the file’s cells of a row once a fixed attempt sent others, through every later attempt', async () => {
    const path = join(tempDir(), 'outcomes.jsonl');
    const journal = await Journal.open(path, join(dirname(path), 'checkpoint.json'));
    journal.invalid(0, [], ['Ana', ''], 2);
    journal.fix(0, { Descripción: 'uno' });
    journal.sending(1, [0]);
    journal.settled(1, 'failed', [{ index: 0, cells: ['Ana', 'uno'], row: 2 }], refused);
    journal.fix(0, { Descripción: 'dos' });
    journal.sending(2, [0]);
    journal.settled(2, 'failed', [{ index: 0, cells: ['Ana', 'dos'], row: 2 }], refused);
    // Sent again unchanged: nothing new to keep.
    journal.sending(3, [1]);
    journal.settled(3, 'failed', [{ index: 1, cells: ['Beto', 'x'], row: 3 }], refused);
    journal.sending(4, [1]);
    journal.settled(4, 'failed', [{ index: 1, cells: ['Beto', 'x'], row: 3 }], refused);
    const live = structuredClone(journal.state.details.get(0));
    journal.close();

    const replayed = await reopen(path);
    expect(live).toMatchObject({ cells: ['Ana', 'dos'], original: ['Ana', ''] });
    expect(replayed.state.details.get(0)).toEqual(live);
    expect(replayed.state.details.get(1)).toEqual({ failure: refused, cells: ['Beto', 'x'], row: 3 });
  });
});
