import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { CliIO } from '../../../electron/cli/command';
import { sandboxReset } from '../../../electron/cli/sandbox-reset';
import { QUOTA_FOLDER, quotaLedgerPath } from '../../../electron/engine/quota/token-lanes';
import { SANDBOX_TOKEN, startSandbox, type SandboxHandle } from '../../../electron/sandbox/sandbox';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
let sandbox: SandboxHandle | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

function fakeIO(home: string, lang: string) {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    env: { LANG: lang, CARGA_HOME: home },
    isTTY: false,
    cwd: home,
  };
  return { io, out: () => out, err: () => err };
}

/** A token-information read: it counts against the token's daily quota like any request. */
function readQuota(origin: string): Promise<number> {
  return fetch(`${origin}/server/API/v2/token/tokenInformation.php?operation=demo`, {
    headers: { 'Wolkvox-Token': SANDBOX_TOKEN },
  }).then(async (answer) => {
    await answer.body?.cancel();
    return answer.status;
  });
}

describe('carga sandbox-reset', () => {
  it('gives a running sandbox its whole day back and forgets this CLI’s own count of it', async () => {
    sandbox = await startSandbox({ tokens: [{ token: SANDBOX_TOKEN, dailyLimit: 2 }] });
    const home = tempDir();
    expect(await readQuota(sandbox.origin)).toBe(200);
    expect(await readQuota(sandbox.origin)).toBe(200);
    // The rehearsal spent the day: the next request is refused.
    expect(await readQuota(sandbox.origin)).toBe(403);
    const counted = quotaLedgerPath(join(home, 'jobs', QUOTA_FOLDER), sandbox.origin, SANDBOX_TOKEN);
    mkdirSync(join(home, 'jobs', QUOTA_FOLDER), { recursive: true });
    writeFileSync(counted, '{"at":1}\n{"at":2}\n');

    const { io, out, err } = fakeIO(home, 'es_CO.UTF-8');
    expect(await sandboxReset(['--port', String(sandbox.port)], io)).toBe(0);

    expect(err()).toBe('');
    expect(out()).toBe(
      `Sandbox de ${sandbox.origin} reiniciado: cada token tiene otra vez toda su cuota del día y no queda ningún registro aceptado.\n`,
    );
    expect(existsSync(counted)).toBe(false);
    expect(await readQuota(sandbox.origin)).toBe(200);
  });

  it('changes nothing and says why when no Carga sandbox answers on the port (exit 2)', async () => {
    const home = tempDir();
    // A port nothing listens on: taken, then freed.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const freePort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const nobody = fakeIO(home, 'en_US.UTF-8');
    expect(await sandboxReset(['--port', String(freePort)], nobody.io)).toBe(2);
    expect(nobody.err()).toBe(
      `No sandbox is listening at http://127.0.0.1:${freePort}. Check the port «carga sandbox» printed when it started, or start it with «carga sandbox --port ${freePort}».\n`,
    );

    // Another program on the port: it is told nothing it would act on.
    const other = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    try {
      const stranger = fakeIO(home, 'en_US.UTF-8');
      expect(await sandboxReset(['--port', String(port)], stranger.io)).toBe(2);
      expect(stranger.err()).toBe(
        `What listens at http://127.0.0.1:${port} is not a Carga sandbox (it answered 404); nothing was changed.\n`,
      );
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }

    const missing = fakeIO(home, 'es_CO.UTF-8');
    expect(await sandboxReset([], missing.io)).toBe(2);
    expect(missing.err()).toContain('«carga sandbox-reset» necesita --port');
  });

  it('lists its flags with a line of explanation for --help, in Spanish and English', async () => {
    const home = tempDir();
    const es = fakeIO(home, 'es_CO.UTF-8');
    expect(await sandboxReset(['--help'], es.io)).toBe(0);
    expect(es.out()).toMatch(/^Uso: carga sandbox-reset \[opciones\]\n/);
    expect(es.out()).toMatch(/^ {2}--port N +Puerto del sandbox en 127\.0\.0\.1/m);
    const en = fakeIO(home, 'en_US.UTF-8');
    expect(await sandboxReset(['--help'], en.io)).toBe(0);
    expect(en.out()).toMatch(/^ {2}--port N +The sandbox’s port on 127\.0\.0\.1/m);
    expect(en.out()).toContain('Resets a running sandbox');
  });
});
