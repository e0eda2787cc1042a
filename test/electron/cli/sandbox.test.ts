import { afterEach, describe, expect, it } from 'vitest';

import type { CliIO } from '../../../electron/cli/command';
import { runSandboxCommand } from '../../../electron/cli/sandbox';
import { SANDBOX_TOKEN, startSandbox, type SandboxHandle } from '../../../electron/sandbox/sandbox';

interface FakeIO extends CliIO {
  out(): string;
  err(): string;
  /** Resolves with the first stdout match once it has been printed. */
  printed(pattern: RegExp): Promise<RegExpMatchArray>;
}

function fakeIO(env: Record<string, string> = { LANG: 'es_CO.UTF-8' }): FakeIO {
  let out = '';
  let err = '';
  let watchers: { pattern: RegExp; resolve(match: RegExpMatchArray): void }[] = [];
  const check = () => {
    watchers = watchers.filter((w) => {
      const match = out.match(w.pattern);
      if (match) w.resolve(match);
      return !match;
    });
  };
  return {
    stdout: (text) => {
      out += text;
      check();
    },
    stderr: (text) => {
      err += text;
    },
    env,
    isTTY: false,
    cwd: process.cwd(),
    out: () => out,
    err: () => err,
    printed: (pattern) =>
      new Promise((resolve) => {
        watchers.push({ pattern, resolve });
        check();
      }),
  };
}

const running: { stop: AbortController; done: Promise<number> }[] = [];

function run(args: string[], io: FakeIO) {
  const stop = new AbortController();
  const done = runSandboxCommand(args, io, stop.signal);
  running.push({ stop, done });
  return { stop, done };
}

afterEach(async () => {
  for (const { stop } of running) stop.abort();
  await Promise.allSettled(running.splice(0).map(({ done }) => done));
});

describe('carga sandbox', () => {
  it('prints its origin and the token hint in Spanish, serves the CRM, and exits 0 when stopped', async () => {
    const io = fakeIO();
    const { stop, done } = run([], io);
    const [, origin] = await io.printed(/escuchando en (http:\/\/127\.0\.0\.1:\d+)/);

    const answer = await fetch(`${origin}/server/API/v2/token/tokenInformation.php?operation=demo`, {
      headers: { 'Wolkvox-Token': SANDBOX_TOKEN },
    });
    await io.printed(/GET \/server\/API\/v2\/token\/tokenInformation\.php → 200/);
    stop.abort();

    expect(answer.status).toBe(200);
    expect(await done).toBe(0);
    expect(io.out()).toContain(`  CARGA_TOKEN=${SANDBOX_TOKEN}\n`);
    expect(io.out()).toContain('Token del sandbox (no es secreto: solo abre este sandbox). Para el CLI:\n');
    expect(io.out()).toContain('Operación: demo · Usuarios: ADMIN_@demo, ana.gomez@demo');
    expect(io.out()).toContain('Campañas: 1001, 1002\n');
    expect(io.out()).toContain(
      'Límite diario: 4800 solicitudes · 2 simultáneas por token · hasta 10000 registros por carga de campaña\n',
    );
    expect(io.out().endsWith('Sandbox detenido.\n')).toBe(true);
    expect(io.err()).toBe('');
  });

  it('speaks English when asked, and applies the limits given', async () => {
    const io = fakeIO({ LANG: 'C' });
    const { stop, done } = run(
      ['--daily-limit', '1', '--license-cap=50', '--latency', '0', '--jitter', '0'],
      io,
    );
    const [, origin] = await io.printed(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const read = () =>
      fetch(`${origin}/api/v2/information.php?api=token_info`, {
        headers: { 'wolkvox-token': SANDBOX_TOKEN },
      });

    const first = await read();
    const second = await read();
    stop.abort();

    expect(await done).toBe(0);
    expect(first.status).toBe(200);
    expect(second.status).toBe(403);
    expect(io.out()).toContain(
      'Daily limit: 1 requests · 2 at a time per token · up to 50 records per campaign upload\n',
    );
    expect(io.out()).toContain('Press Ctrl+C to stop it.\n');
  });

  it('takes --lang over the environment', async () => {
    const io = fakeIO({ LANG: 'es_MX.UTF-8' });
    const { stop, done } = run(['--lang', 'en'], io);
    await io.printed(/listening on/);
    stop.abort();

    expect(await done).toBe(0);
  });

  it('prints the usage and exits 0 for --help', async () => {
    const io = fakeIO();

    expect(await run(['--help'], io).done).toBe(0);
    expect(io.out()).toMatch(/^Uso: carga sandbox \[opciones\]\n/);
    for (const flag of [
      '--port N',
      '--latency MS',
      '--jitter MS',
      '--daily-limit N',
      '--license-cap N',
      '-q, --quiet',
      '--lang IDIOMA',
      '-h, --help',
    ]) {
      expect(io.out()).toMatch(new RegExp(`^  ${flag} +\\S`, 'm'));
    }
  });

  it.each([
    [
      ['--port', 'abc'],
      'El valor de --port no es válido: «abc». Debe ser un número entero entre 0 y 65535.\n',
    ],
    [
      ['--license-cap', '0'],
      'El valor de --license-cap no es válido: «0». Debe ser un número entero entre 1 y 100000000.\n',
    ],
    [
      ['--latency', '-5'],
      'El valor de --latency no es válido: «-5». Debe ser un número entero entre 0 y 600000.\n',
    ],
    [
      ['--puerto', '80'],
      'La opción --puerto no existe. Escriba «carga sandbox --help» para ver las opciones.\n',
    ],
    [['--port'], 'Falta el valor de --port.\n'],
    [['extra'], 'No se esperaba «extra». Uso: carga sandbox [opciones].\n'],
    [['--lang', 'fr'], 'Valor no válido para --lang: «fr». Valores posibles: es, en.\n'],
  ])('refuses %j with exit code 2 and says why', async (args, problem) => {
    const io = fakeIO();

    expect(await run(args, io).done).toBe(2);
    expect(io.err()).toBe(problem);
    expect(io.out()).toBe('');
  });

  it('explains the problem in the language asked for', async () => {
    const io = fakeIO();

    expect(await run(['--lang', 'en', '--jitter', 'x'], io).done).toBe(2);
    expect(io.err()).toContain(
      'Invalid value for --jitter: "x". It must be a whole number from 0 to 600000.\n',
    );
  });

  it('says so when the port is taken', async () => {
    let taken: SandboxHandle | undefined;
    try {
      taken = await startSandbox();
      const io = fakeIO();

      expect(await run(['--port', String(taken.port)], io).done).toBe(2);
      expect(io.err()).toBe(
        `El puerto ${taken.port} ya está en uso. Elija otro con --port, o use --port 0 para tomar uno libre.\n`,
      );
    } finally {
      await taken?.close();
    }
  });
});
