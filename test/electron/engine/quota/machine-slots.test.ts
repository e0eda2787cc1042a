import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import {
  machineLaneKey,
  MachineSlots,
  slotAddress,
  type SlotLease,
} from '../../../../electron/engine/quota/machine-slots';
import { TEST_TOKEN } from '../../../support/import-fixture';

/** Each MachineSlots instance stands for a process: they share nothing but the operating system. */
function uniqueKey(label: string): string {
  return machineLaneKey(`http://127.0.0.1:${process.pid}`, `${TEST_TOKEN}-${label}-${Math.random()}`);
}

function settledYet(promise: Promise<unknown>): Promise<boolean> {
  return Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setImmediate(() => resolve(false))),
  ]);
}

describe('machine-wide token slots', () => {
  it('gives out two slots; a third holder waits until one is released, then gets it', async () => {
    const key = uniqueKey('three');
    const [a, b, c] = [new MachineSlots(key, 2), new MachineSlots(key, 2), new MachineSlots(key, 2)];
    const first = await a.acquire();
    const second = await b.acquire();
    let third: SlotLease | null = null;
    const waiting = c.acquire().then((lease) => (third = lease));
    // The waiter is connected to both holders; a few turns of the loop must not let it in.
    for (let i = 0; i < 20; i++) expect(await settledYet(waiting)).toBe(false);
    second.release();
    await waiting;
    expect(third).not.toBeNull();
    first.release();
    third!.release();
  });

  it('never lets more than two holders in at once across many concurrent acquirers', async () => {
    const key = uniqueKey('many');
    let holding = 0;
    let most = 0;
    const worker = async (slots: MachineSlots) => {
      for (let n = 0; n < 15; n++) {
        const lease = await slots.acquire();
        holding++;
        most = Math.max(most, holding);
        await new Promise<void>((resolve) => setImmediate(resolve));
        holding--;
        lease.release();
      }
    };
    await Promise.all(Array.from({ length: 5 }, () => worker(new MachineSlots(key, 2))));
    expect(most).toBe(2);
  });

  it('names the slots by a keyed digest: the token is nowhere in the system socket table', async () => {
    const token = `${TEST_TOKEN}-visible-${Math.random()}`;
    const key = machineLaneKey('http://127.0.0.1:1', token);
    expect(key).not.toContain(token);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    const lease = await new MachineSlots(key, 2).acquire();
    try {
      const table = readFileSync('/proc/net/unix', 'utf8');
      expect(table).toContain(slotAddress(key, 0).slice(1));
      expect(table).not.toContain(token);
      expect(table).not.toContain(TEST_TOKEN);
    } finally {
      lease.release();
    }
  });

  it('keys a lane by server and token: another token or another server has its own slots', async () => {
    const token = `${TEST_TOKEN}-${Math.random()}`;
    const mine = machineLaneKey('http://127.0.0.1:1', token);
    expect(machineLaneKey('http://127.0.0.1:1', token)).toBe(mine);
    expect(machineLaneKey('http://127.0.0.1:2', token)).not.toBe(mine);
    expect(machineLaneKey('http://127.0.0.1:1', `${token}x`)).not.toBe(mine);
    const held = [await new MachineSlots(mine, 2).acquire(), await new MachineSlots(mine, 2).acquire()];
    const other = await new MachineSlots(machineLaneKey('http://127.0.0.1:2', token), 2).acquire();
    other.release();
    for (const lease of held) lease.release();
  });

  it('uses a named pipe on Windows and a short socket file in the temp dir on macOS', () => {
    const key = 'a'.repeat(32);
    expect(slotAddress(key, 1, 'win32')).toBe(`\\\\.\\pipe\\carga-lane-${key}-1`);
    expect(slotAddress(key, 0, 'linux')).toBe(`\0carga-lane-${key}-0`);
    expect(slotAddress(key, 0, 'darwin')).toMatch(/carga-a{24}-0\.sock$/);
  });
});
