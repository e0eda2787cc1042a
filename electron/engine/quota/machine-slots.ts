import { createHmac } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Names a token's lane between processes. Keyed, so the name cannot be checked against a guessed
 * token with one plain hash, and cut short: it travels in socket names other local users can list.
 */
export function machineLaneKey(origin: string, token: string): string {
  return createHmac('sha256', 'carga/machine-wide-token-lane/v1')
    .update(origin)
    .update('\n')
    .update(token)
    .digest('hex')
    .slice(0, 32);
}

/** Where slot `slot` of lane `key` is held. Linux: the abstract namespace, freed by the kernel the
 * instant its holder dies. Windows: a named pipe, freed the same way. Elsewhere (macOS): a socket
 * file in the user's own temp dir, which a dead holder leaves behind (see `clearIfStale`). */
export function slotAddress(key: string, slot: number, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'linux') return `\0carga-lane-${key}-${slot}`;
  if (platform === 'win32') return `\\\\.\\pipe\\carga-lane-${key}-${slot}`;
  // macOS caps a socket path at 104 bytes and its temp dir alone takes about 50.
  return join(tmpdir(), `carga-${key.slice(0, 24)}-${slot}.sock`);
}

export interface SlotLease {
  release(): void;
}

/**
 * How long a process that just gave a slot back to waiting processes keeps off it, so that they
 * get their turn instead of the same process taking it again at once. Not a timing promise: if no
 * one takes the slot in that time, the releasing process may take it again.
 */
const HAND_OFF_MS = 50;

/**
 * A token's in-flight slots shared by every process on the machine. A slot is held by listening
 * on its address: only one process can. A process that finds every slot taken connects to them
 * and waits: the holder drops those connections when it releases, and the kernel drops them when
 * the holder dies, so a waiter wakes at once in both cases, with no polling and no lock files.
 */
export class MachineSlots {
  /** Slots this process gave back while others waited, with when it may take them again. */
  private readonly handedOff = new Map<number, number>();
  /** Slots this process holds: busy without asking the system (a failed listen per request). */
  private readonly held = new Set<number>();

  constructor(
    private readonly key: string,
    private readonly slots: number,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async acquire(): Promise<SlotLease> {
    for (;;) {
      const busy: number[] = [];
      let deferred = Number.POSITIVE_INFINITY;
      for (let slot = 0; slot < this.slots; slot++) {
        const until = this.handedOff.get(slot) ?? 0;
        if (until > Date.now()) {
          deferred = Math.min(deferred, until);
          continue;
        }
        this.handedOff.delete(slot);
        if (this.held.has(slot)) {
          busy.push(slot);
          continue;
        }
        const held = await this.hold(slot);
        if (held === 'busy') busy.push(slot);
        else return held;
      }
      await this.untilOneFrees(busy, deferred);
    }
  }

  /** A free slot now, or null when every one is held (by this process or another); never waits.
   * The holder answers whoever connects to its slot with `greeting` (who it is). */
  async tryAcquire(greeting?: string): Promise<SlotLease | null> {
    for (let slot = 0; slot < this.slots; slot++) {
      if (this.held.has(slot)) continue;
      const held = await this.hold(slot, greeting);
      if (held !== 'busy') return held;
    }
    return null;
  }

  /** Listens on the slot's address; 'busy' when another holder has it. */
  private async hold(slot: number, greeting?: string): Promise<SlotLease | 'busy'> {
    const address = slotAddress(this.key, slot, this.platform);
    const server = createServer({ pauseOnConnect: true });
    const waiters = new Set<Socket>();
    server.on('connection', (socket) => {
      waiters.add(socket);
      socket.on('error', () => undefined);
      socket.once('close', () => waiters.delete(socket));
      if (greeting) socket.write(greeting);
    });
    const outcome = await listen(server, address);
    if (outcome === 'in-use' && (await this.clearIfStale(address))) return this.hold(slot, greeting);
    if (outcome === 'in-use') return 'busy';
    if (outcome !== 'listening') {
      // The system refuses the lane itself (an odd temp dir, a sandboxed process): the in-process
      // limit still holds this process to 2 in flight; refusing to send at all would help no one.
      return { release: () => undefined };
    }
    server.on('error', () => undefined);
    this.held.add(slot);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.held.delete(slot);
        if (waiters.size > 0) this.handedOff.set(slot, Date.now() + HAND_OFF_MS);
        server.close();
        for (const socket of waiters) socket.destroy();
      },
    };
  }

  /** A socket file whose holder died stays on disk; nothing answers on it, so it can go. */
  private async clearIfStale(address: string): Promise<boolean> {
    if (this.platform === 'linux' || this.platform === 'win32') return false;
    const answered = await new Promise<boolean>((resolve) => {
      const probe = createConnection(address);
      probe.once('connect', () => {
        probe.destroy();
        resolve(true);
      });
      probe.once('error', (error: NodeJS.ErrnoException) =>
        resolve(error.code !== 'ECONNREFUSED' && error.code !== 'ENOENT'),
      );
    });
    if (answered) return false;
    try {
      unlinkSync(address);
    } catch {
      // Another waiter cleared it first.
    }
    return true;
  }

  /** Resolves when a holder of one of `busy` lets go or dies, or when a deferred slot is due. */
  private untilOneFrees(busy: number[], deferredUntil: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const sockets: Socket[] = [];
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      const wake = () => {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        resolve();
      };
      if (Number.isFinite(deferredUntil)) timer = setTimeout(wake, Math.max(0, deferredUntil - Date.now()));
      if (busy.length === 0 && !timer) return wake();
      for (const slot of busy) {
        const socket = createConnection(slotAddress(this.key, slot, this.platform));
        sockets.push(socket);
        // Closed by the holder on release, by the kernel on its death; refused when it was
        // released between our attempt to listen and this connection: in every case, try again.
        socket.once('close', wake);
        socket.on('error', wake);
      }
    });
  }
}

function listen(server: Server, address: string): Promise<'listening' | 'in-use' | 'failed'> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      resolve(error.code === 'EADDRINUSE' ? 'in-use' : 'failed');
    };
    const onListening = () => {
      server.off('error', onError);
      resolve('listening');
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(address);
  });
}
