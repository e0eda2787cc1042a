import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../../../electron/engine/jobs/journal';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const failure = { failureClass: 'row' as const, code: '404', message: 'REVIEW', explanation: { code: 'job.invalid-row' as const } };

describe('the journal', () => {
  it('replays outcomes: ok, failed with cells, unsent back to pending, fixes and the total', async () => {
    const path = join(tempDir(), 'outcomes.jsonl');
    const first = await Journal.open(path);
    first.journal.append({ t: 'send', r: 1, i: [[0, 1]] });
    first.journal.append({ t: 'ok', r: 1, i: [[0, 1]] });
    first.journal.append({ t: 'send', r: 2, i: [[2, 2]] });
    first.journal.append({ t: 'fail', r: 2, i: [[2, 2]], f: failure, v: [['a', 'b']], n: [4] });
    first.journal.append({ t: 'send', r: 3, i: [[3, 3]] });
    first.journal.append({ t: 'unsent', r: 3 });
    first.journal.append({ t: 'fix', i: 2, v: { Nombre: 'Ana' } });
    first.journal.append({ t: 'total', n: 5 });
    first.journal.close();

    const { journal, state } = await Journal.open(path);
    journal.close();
    expect([0, 1, 2, 3, 4].map((i) => state.states.get(i))).toEqual(['ok', 'ok', 'failed', 'pending', 'pending']);
    expect(state.details.get(2)).toEqual({ failure, cells: ['a', 'b'], row: 4 });
    expect(state.fixes.get(2)).toEqual({ Nombre: 'Ana' });
    expect(state.total).toBe(5);
    expect(state.requests).toBe(3);
  });

  it('turns rows that were in flight at a crash into uncertain ones, and says so in the file', async () => {
    const path = join(tempDir(), 'outcomes.jsonl');
    const first = await Journal.open(path);
    first.journal.append({ t: 'send', r: 1, i: [[0, 0]] });
    first.journal.append({ t: 'ok', r: 1, i: [[0, 0]] });
    first.journal.append({ t: 'send', r: 2, i: [[1, 3]] });
    first.journal.close();

    const second = await Journal.open(path);
    second.journal.close();
    expect([0, 1, 2, 3].map((i) => second.state.states.get(i))).toEqual(['ok', 'uncertain', 'uncertain', 'uncertain']);

    const third = await Journal.open(path);
    third.journal.close();
    expect(third.state.states.get(2)).toBe('uncertain');
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('drops a line torn by a crash and appends cleanly after it', async () => {
    const path = join(tempDir(), 'outcomes.jsonl');
    writeFileSync(path, '{"t":"send","r":1,"i":[[0,0]]}\n{"t":"ok","r":1,"i":[[0,0]]}\n{"t":"send","r":2,"i":[[1');
    const { journal, state } = await Journal.open(path);
    journal.append({ t: 'total', n: 2 });
    journal.close();
    expect(state.states.get(0)).toBe('ok');
    expect(state.states.get(1)).toBe('pending');
    expect(readFileSync(path, 'utf8')).toBe('{"t":"send","r":1,"i":[[0,0]]}\n{"t":"ok","r":1,"i":[[0,0]]}\n{"t":"total","n":2}\n');
  });

  it('ignores lines that are not its own', async () => {
    const path = join(tempDir(), 'outcomes.jsonl');
    writeFileSync(path, '');
    appendFileSync(path, 'garbage\n{"t":"nope"}\n[1,2]\n{"t":"send","r":1,"i":[[0,0]]}\n{"t":"ok","r":1,"i":[[0,0]]}\n');
    const { journal, state } = await Journal.open(path);
    journal.close();
    expect(state.states.get(0)).toBe('ok');
  });
});
