import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { destinationKey } from '../../../../electron/engine/ledger/destination';
import { LedgerFile } from '../../../../electron/engine/ledger/destination-ledger';
import { HEADER_BYTES, UNIT } from '../../../../electron/engine/ledger/ledger-records';
import type { Connection } from '../../../../shared/contract';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const ROOT = join(import.meta.dirname, '../../../..');
const DESTINATION = destinationKey({
  id: 'c',
  name: 'c',
  target: 'wolkvox-crm-cases',
  server: 'crm0000.wolkvox.com',
  operation: 'ventas',
});

function fp(n: number): Buffer {
  return createHash('sha256').update(`row ${n}`).digest().subarray(0, 16);
}

function range(from: number, to: number): Buffer[] {
  return Array.from({ length: to - from }, (_, i) => fp(from + i));
}

function ledgerPath(dir: string): string {
  const name = readdirSync(dir).find((file) => file.endsWith('.ledger'));
  if (!name) throw new Error('no ledger file');
  return join(dir, name);
}

function found(ledger: LedgerFile, from: number, to: number): number {
  let count = 0;
  for (let n = from; n < to; n++) if (ledger.lookup(fp(n))) count++;
  return count;
}

describe('destination ledger', () => {
  it('finds every accepted row again after reopening, with the job and when it was accepted', () => {
    const dir = tempDir();
    const ledger = LedgerFile.open(dir, DESTINATION);
    const at = new Date('2026-11-02T10:00:00Z');
    ledger.recordAccepted(range(0, 100), '20261102-100000-aaaa', at);
    ledger.recordAccepted(range(100, 150), '20261130-080000-bbbb');
    ledger.close();

    const reopened = LedgerFile.open(dir, DESTINATION);
    expect(reopened.size).toBe(150);
    expect(reopened.lookup(fp(7))).toEqual({ jobId: '20261102-100000-aaaa', at: at.toISOString() });
    expect(reopened.lookup(fp(120))?.jobId).toBe('20261130-080000-bbbb');
    expect(reopened.lookup(fp(150))).toBeUndefined();
    expect(reopened.acceptedBy('20261102-100000-aaaa')).toBe(100);
    expect(reopened.damaged).toBe(0);
    reopened.close();
  });

  it('sees what another process appended to the same ledger', () => {
    const dir = tempDir();
    const mine = LedgerFile.open(dir, DESTINATION);
    const theirs = LedgerFile.open(dir, DESTINATION);
    theirs.recordAccepted(range(0, 10), 'other-job');
    expect(mine.acceptedBy('other-job')).toBe(10);
    expect(mine.lookup(fp(3))?.jobId).toBe('other-job');
    mine.close();
    theirs.close();
  });

  it('counts its own rows once, whether or not another process wrote in between', () => {
    const dir = tempDir();
    const mine = LedgerFile.open(dir, DESTINATION);
    const theirs = LedgerFile.open(dir, DESTINATION);
    mine.recordAccepted(range(0, 10), 'my-job');
    expect(mine.acceptedBy('my-job')).toBe(10);
    mine.recordAccepted(range(10, 15), 'my-job');
    theirs.recordAccepted(range(100, 107), 'their-job');
    mine.recordAccepted(range(15, 20), 'my-job');
    expect(mine.acceptedBy('my-job')).toBe(20);
    expect(mine.acceptedBy('their-job')).toBe(7);
    expect(mine.lookup(fp(104))?.jobId).toBe('their-job');
    mine.recordAccepted(range(20, 30), 'my-job');
    expect(mine.acceptedBy('my-job')).toBe(30);
    expect(theirs.acceptedBy('my-job')).toBe(30);
    expect(found(theirs, 0, 30)).toBe(30);
    mine.close();
    theirs.close();
    const reopened = LedgerFile.open(dir, DESTINATION);
    expect(reopened.acceptedBy('my-job')).toBe(30);
    expect(reopened.size).toBe(37);
    reopened.close();
  });

  it('keeps one ledger per destination: another operation or server is another ledger', () => {
    const dir = tempDir();
    const cases = (connection: Partial<Connection>) =>
      destinationKey({
        id: 'c',
        name: 'c',
        target: 'wolkvox-crm-cases',
        server: 'crm0000.wolkvox.com',
        operation: 'ventas',
        ...connection,
      });
    expect(cases({ server: 'https://crm0000.wolkvox.com/' })).toBe(DESTINATION);
    expect(cases({ operation: ' ventas ', dailyLimit: 10, name: 'other name' })).toBe(DESTINATION);
    expect(cases({ operation: 'cobranza' })).not.toBe(DESTINATION);
    expect(cases({ server: 'crm0001.wolkvox.com' })).not.toBe(DESTINATION);

    const a = LedgerFile.open(dir, DESTINATION);
    a.recordAccepted([fp(1)], 'job-a');
    const b = LedgerFile.open(dir, cases({ operation: 'cobranza' }));
    expect(b.lookup(fp(1))).toBeUndefined();
    expect(readdirSync(dir).filter((name) => name.endsWith('.ledger'))).toHaveLength(2);
    a.close();
    b.close();
  });

  it('ignores a torn last record and goes on appending after it', () => {
    const dir = tempDir();
    const ledger = LedgerFile.open(dir, DESTINATION);
    ledger.recordAccepted(range(0, 50), 'job-a');
    ledger.close();
    const path = ledgerPath(dir);
    // A crash in the middle of writing the 50th row: 13 of its 32 bytes reached the disk.
    truncateSync(path, statSync(path).size - UNIT + 13);

    const reopened = LedgerFile.open(dir, DESTINATION);
    expect(found(reopened, 0, 50)).toBe(49);
    expect(reopened.lookup(fp(49))).toBeUndefined();
    reopened.recordAccepted(range(50, 60), 'job-b');
    reopened.close();

    const again = LedgerFile.open(dir, DESTINATION);
    expect(found(again, 0, 60)).toBe(59);
    expect(again.lookup(fp(55))?.jobId).toBe('job-b');
    again.close();
  });

  it('loses only the damaged records of a damaged middle', () => {
    const dir = tempDir();
    const ledger = LedgerFile.open(dir, DESTINATION);
    ledger.recordAccepted(range(0, 100), 'job-a');
    ledger.close();
    const path = ledgerPath(dir);
    const bytes = readFileSync(path);
    // Job record (2 units), then rows: scribble over rows 40 and 41.
    const row40 = HEADER_BYTES + 2 * UNIT + 40 * UNIT;
    bytes.fill(0xff, row40 + 5, row40 + UNIT + 9);
    writeFileSync(path, bytes);

    const reopened = LedgerFile.open(dir, DESTINATION);
    expect(found(reopened, 0, 100)).toBe(98);
    expect(reopened.lookup(fp(40))).toBeUndefined();
    expect(reopened.lookup(fp(42))?.jobId).toBe('job-a');
    expect(reopened.damaged).toBeGreaterThan(0);
    reopened.close();
  });

  it('moves a file it cannot read aside and starts a new ledger, never overwriting it', () => {
    const dir = tempDir();
    LedgerFile.open(dir, DESTINATION).close();
    const path = ledgerPath(dir);
    writeFileSync(path, 'not a ledger at all, but somebody may want it');
    const ledger = LedgerFile.open(dir, DESTINATION);
    expect(ledger.size).toBe(0);
    ledger.close();
    const aside = readdirSync(dir).filter((name) => name.includes('.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toContain('somebody may want it');
  });

  it('survives kill -9 in the middle of appending: every complete record is there, nothing else', async () => {
    const dir = tempDir();
    // Node itself with tsx as a loader: the tsx launcher would run the script in a grandchild
    // that SIGKILL on the launcher never reaches.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'append-until-killed.ts'), dir, DESTINATION],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    // Killed as soon as at least 100,000 rows are in: the next batch is being written.
    const confirmed = await new Promise<number>((resolve) => {
      let last = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) if (line) last = Number(line);
        if (last >= 100_000 && child.signalCode === null) {
          child.kill('SIGKILL');
          resolve(last);
        }
      });
    });
    await new Promise((resolve) => child.once('exit', resolve));
    // Whatever was cut mid-write is left as a torn tail, on purpose, for the reader to pass over.
    appendFileSync(ledgerPath(dir), Buffer.from('R\0\0\0garbage'));

    const ledger = LedgerFile.open(dir, DESTINATION);
    const appended = ledger.size;
    expect(appended).toBeGreaterThanOrEqual(confirmed);
    // The rows in are exactly the first `appended` the child made, in order: none invented.
    const hashes = (n: number) => createHash('sha256').update(String(n)).digest().subarray(0, 16);
    for (let n = 0; n < appended; n += 997) expect(ledger.lookup(hashes(n))).toBeDefined();
    expect(ledger.lookup(hashes(appended - 1))).toBeDefined();
    expect(ledger.lookup(hashes(appended))).toBeUndefined();
    ledger.recordAccepted([fp(1)], 'after-the-crash');
    ledger.close();
    expect(LedgerFile.open(dir, DESTINATION).lookup(fp(1))?.jobId).toBe('after-the-crash');
  });

  it('never writes a value: only fingerprints keyed with the ledger’s own key', () => {
    const dir = tempDir();
    const ledger = LedgerFile.open(dir, DESTINATION);
    const fingerprints = ledger.fingerprinter();
    const record = {
      fields: { contact: 'ana.perez@example.com', description: 'Caso 3104567890' },
      custom: { Ciudad: 'Cali' },
    };
    ledger.recordAccepted([fingerprints.fingerprint(record)], 'job-a');
    ledger.close();
    const bytes = readFileSync(ledgerPath(dir));
    for (const value of ['ana.perez', '3104567890', 'Cali', 'ventas', 'crm0000'])
      expect(bytes.includes(value)).toBe(false);
    expect(statSync(ledgerPath(dir)).mode & 0o077).toBe(0);

    // Another ledger (another key) fingerprints the same row differently.
    const other = LedgerFile.open(tempDir(), DESTINATION);
    expect(
      other
        .fingerprinter()
        .fingerprint(record)
        .equals(LedgerFile.open(dir, DESTINATION).fingerprinter().fingerprint(record)),
    ).toBe(false);
  });
});
