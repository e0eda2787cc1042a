import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

import { useTempDirs } from '../support/temp-dir';

// `npm run web` as the operator starts it, with a fake browser that writes down the arguments it
// was started with: no address that opens Carga may be in any process's arguments, where every
// local user can read it (`ps`, /proc/*/cmdline).

const ROOT = resolve(import.meta.dirname, '..', '..');
const newTempDir = useTempDirs();
let child: ChildProcess | null = null;

afterEach(async () => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((done) => child!.once('exit', done));
  child.kill('SIGTERM');
  await exited;
  child = null;
});

/** Starts the web front door; resolves each `Carga: <address>` line it prints, in order. */
function startWebDoor(env: Record<string, string>) {
  const lines: string[] = [];
  const waiting: { count: number; done: (lines: string[]) => void }[] = [];
  child = spawn(
    join(ROOT, 'node_modules/.bin/node'),
    [join(ROOT, 'bin/carga-web.js'), '--no-sandbox-crm', '--lang', 'en'],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.startsWith('Carga: ')) lines.push(line.slice('Carga: '.length));
    }
    for (const wait of waiting.filter((each) => lines.length >= each.count)) wait.done(lines);
  });
  return {
    addresses: (count: number) =>
      new Promise<string[]>((done, fail) => {
        if (lines.length >= count) return done(lines);
        waiting.push({ count, done });
        child!.once('exit', (code) => fail(new Error(`web front door exited with ${code}: ${stderr}`)));
      }),
  };
}

/** Every process's command line on this machine, as any local user can read them. */
function allCommandLines(): string[] {
  const lines: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      lines.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch {
      // The process ended meanwhile.
    }
  }
  return lines;
}

async function waitForFile(path: string): Promise<string> {
  // The fake browser runs apart from this process: poll until it has written its arguments.
  for (;;) {
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      if (text.endsWith('\n')) return text;
    }
    await new Promise((done) => setImmediate(done));
  }
}

describe.skipIf(process.platform !== 'linux')('npm run web', () => {
  it('opens the browser through a private file, and no address, ticket or secret is ever in a process argument', async () => {
    const home = newTempDir();
    const argvFile = join(home, 'browser-argv.txt');
    const fakeBrowser = join(home, 'fake-browser.sh');
    writeFileSync(
      fakeBrowser,
      `#!/bin/sh\nprintf '%s\\n' "$@" > '${argvFile}.tmp' && mv '${argvFile}.tmp' '${argvFile}'\n`,
    );
    chmodSync(fakeBrowser, 0o755);

    const door = startWebDoor({ CARGA_HOME: home, BROWSER: fakeBrowser });
    const [printed] = await door.addresses(1);
    const browserArgs = (await waitForFile(argvFile)).trim().split('\n');

    // The browser was given a file of this user's, not an address.
    expect(browserArgs).toHaveLength(1);
    const file = fileURLToPath(browserArgs[0]!);
    expect(file.startsWith(join(home, 'run') + '/')).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'run')).mode & 0o777).toBe(0o700);
    const forwardTo = /content="0;url=([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1];
    expect(forwardTo).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open\?t=[\w-]+$/);
    expect(forwardTo).not.toBe(printed);

    const ticketOf = (url: string) => new URL(url).searchParams.get('t')!;
    const opened = await fetch(forwardTo!);
    expect(opened.status).toBe(200);
    const sessionSecret = (opened.headers.get('set-cookie') ?? '').split(';')[0]!.split('=')[1]!;
    expect(sessionSecret).toMatch(/^[\w-]{43}$/);

    // A ticket is good once.
    expect((await fetch(forwardTo!)).status).toBe(403);

    const secrets = [ticketOf(printed!), ticketOf(forwardTo!), sessionSecret];
    for (const secret of secrets) {
      expect(browserArgs.join(' ')).not.toContain(secret);
      for (const commandLine of allCommandLines()) expect(commandLine).not.toContain(secret);
    }
  });

  it('prints a new one-time address when the printed one is used', async () => {
    const door = startWebDoor({ CARGA_HOME: newTempDir(), BROWSER: 'none' });
    const [first] = await door.addresses(1);
    expect((await fetch(first!)).status).toBe(200);
    const [, second] = await door.addresses(2);
    expect(second).not.toBe(first);
    expect((await fetch(first!)).status).toBe(403);
    expect((await fetch(second!)).status).toBe(200);
  });
});
