import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { readCheckpoint } from '../../../../electron/engine/jobs/checkpoint';
import { Journal } from '../../../../electron/engine/jobs/journal';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const failure = {
  failureClass: 'row' as const,
  code: '404',
  message: 'REVIEW',
  explanation: { code: 'job.invalid-row' as const },
};

describe('the journal', () => {
  it('replays outcomes: ok, failed with cells, unsent back to pending, fixes and the total', async () => {
    const path = join(tempDir(), 'outcomes.jsonl');
    const first = await Journal.open(path, join(dirname(path), 'checkpoint.json'));
    first.sending(1, [0, 1]);
    first.ok(1, [0, 1], []);
    first.sending(2, [2]);
    first.settled(2, 'failed', [{ index: 2, cells: ['a', 'b'], row: 4 }], failure);
    first.sending(3, [3]);
    first.unsent(3);
    first.fix(2, { Nombre: 'Ana' });
    first.total(5);
    const live = first.state;
    first.close();

    const journal = await Journal.open(path, join(dirname(path), 'checkpoint.json'));
    journal.close();
    const { state } = journal;
    // The same entries give the same state, applied live or replayed.
    expect([0, 1, 2, 3, 4].map((i) => live.states.get(i))).toEqual([
      'ok',
      'ok',
      'failed',
      'pending',
      'pending',
    ]);
    expect(live.details.get(2)).toEqual(state.details.get(2));
    expect(live.states.tally).toEqual(state.states.tally);
    expect([0, 1, 2, 3, 4].map((i) => state.states.get(i))).toEqual([
      'ok',
      'ok',
      'failed',
      'pending',
      'pending',
    ]);
    expect(state.details.get(2)).toEqual({ failure, cells: ['a', 'b'], row: 4 });
    expect(state.fixes.get(2)).toEqual({ Nombre: 'Ana' });
    expect(state.total).toBe(5);
    expect(state.requests).toBe(3);
  });

  it('turns rows that were in flight at a crash into uncertain ones, and says so in the file', async () => {
    const path = join(tempDir(), 'outcomes.jsonl');
    const first = await Journal.open(path, join(dirname(path), 'checkpoint.json'));
    first.sending(1, [0]);
    first.ok(1, [0], []);
    first.sending(2, [1, 2, 3]);
    first.close();

    const second = await Journal.open(path, join(dirname(path), 'checkpoint.json'));
    second.close();
    expect([0, 1, 2, 3].map((i) => second.state.states.get(i))).toEqual([
      'ok',
      'uncertain',
      'uncertain',
      'uncertain',
    ]);

    const third = await Journal.open(path, join(dirname(path), 'checkpoint.json'));
    third.close();
    expect(third.state.states.get(2)).toBe('uncertain');
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('drops a line torn by a crash and appends cleanly after it', async () => {
    const path = join(tempDir(), 'outcomes.jsonl');
    writeFileSync(
      path,
      '{"t":"send","r":1,"i":[[0,0]]}\n{"t":"ok","r":1,"i":[[0,0]]}\n{"t":"send","r":2,"i":[[1',
    );
    const journal = await Journal.open(path, join(dirname(path), 'checkpoint.json'));
    journal.total(2);
    journal.close();
    const { state } = journal;
    expect(state.states.get(0)).toBe('ok');
    expect(state.states.get(1)).toBe('pending');
    expect(readFileSync(path, 'utf8')).toBe(
      '{"t":"send","r":1,"i":[[0,0]]}\n{"t":"ok","r":1,"i":[[0,0]]}\n{"t":"total","n":2}\n',
    );
  });

  it('marks a journal with a line that does not read as damaged, wherever the line is', async () => {
    const path = join(tempDir(), 'outcomes.jsonl');
    writeFileSync(path, '');
    appendFileSync(path, '{"t":"send","r":1,"i":[[0,0]]}\ngarbage\n{"t":"ok","r":1,"i":[[0,0]]}\n');
    const journal = await Journal.open(path, join(dirname(path), 'checkpoint.json'));
    journal.close();
    expect(journal.state.damage).toEqual({ code: 'job.journal-corrupt', params: { line: 2 } });
  });

  it('compares the journal with its checkpoint: emptied, deleted or cut short is damage; a lost status line is not', async () => {
    const dir = tempDir();
    const path = join(dir, 'outcomes.jsonl');
    const checkpoint = join(dir, 'checkpoint.json');
    const first = await Journal.open(path, checkpoint);
    expect(first.state.damage).toBeNull();
    first.sending(1, [0, 1]);
    await first.flush();
    first.ok(1, [0, 1], []);
    first.sending(2, [2]);
    first.ok(2, [2], []);
    first.status('finished');
    first.sync();
    first.close();
    const whole = readFileSync(path, 'utf8');
    const lines = whole.split('\n').filter(Boolean);

    const reopen = async () => {
      const journal = await Journal.open(path, checkpoint);
      journal.close();
      return journal.state.damage;
    };
    expect(await reopen()).toBeNull();

    writeFileSync(path, lines.slice(0, -1).join('\n') + '\n');
    expect(await reopen()).toBeNull();

    writeFileSync(path, lines.slice(0, -2).join('\n') + '\n');
    expect(await reopen()).toEqual({ code: 'job.journal-short', params: { found: 3, expected: 4 } });

    writeFileSync(path, '');
    expect((await reopen())?.code).toBe('job.journal-short');

    rmSync(path);
    expect((await reopen())?.code).toBe('job.journal-short');

    writeFileSync(path, whole);
    writeFileSync(checkpoint, '{"sends":');
    expect((await reopen())?.code).toBe('job.checkpoint-unreadable');
  });

  it('starts the checkpoint again once the damage is reviewed', async () => {
    const dir = tempDir();
    const path = join(dir, 'outcomes.jsonl');
    const checkpoint = join(dir, 'checkpoint.json');
    const first = await Journal.open(path, checkpoint);
    first.sending(1, [0]);
    first.ok(1, [0], []);
    first.sync();
    first.close();
    writeFileSync(path, 'garbage\n');

    const damaged = await Journal.open(path, checkpoint);
    expect(damaged.state.damage).not.toBeNull();
    damaged.acceptDamage();
    damaged.sending(2, [0]);
    damaged.sync();
    damaged.close();
    const reviewed = await Journal.open(path, checkpoint);
    reviewed.close();
    expect(reviewed.state.damage).toBeNull();
  });

  it('group commit: a flush answers only for entries written before it started, flushes end in order, and the checkpoint never goes back', async () => {
    const dir = tempDir();
    const checkpoint = join(dir, 'checkpoint.json');
    const journal = await Journal.open(join(dir, 'outcomes.jsonl'), checkpoint);
    journal.sending(1, [0]);
    const first = journal.flush();
    // Nothing written since: the flush running covers it.
    expect(journal.flush()).toBe(first);
    // A send written while that flush runs needs a flush of its own, started at once.
    journal.sending(2, [1]);
    const second = journal.flush();
    expect(second).not.toBe(first);
    // Requests leave in the order of their `send` entries: the later flush never ends first.
    const ended: string[] = [];
    await Promise.all([first.then(() => ended.push('first')), second.then(() => ended.push('second'))]);
    expect(ended).toEqual(['first', 'second']);
    expect(readCheckpoint(checkpoint)).toMatchObject({ sends: 2 });
    journal.close();
  });
});
