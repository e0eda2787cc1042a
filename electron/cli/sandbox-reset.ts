import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { formatMessage } from '../../shared/messages/catalog';
import { QUOTA_FOLDER, quotaLedgerPath } from '../engine/quota/token-lanes';
import { SANDBOX_RESET_PATH } from '../sandbox/sandbox-reset';
import { SANDBOX_TARGET_TOKENS } from '../sandbox/seeded-data';
import { jobsDirOf } from './cli-paths';
import { EXIT } from './command';
import { SANDBOX_RESET } from './command-specs';
import { commandOf } from './run-command';

/**
 * `carga sandbox-reset --port N`: a `carga sandbox` running on 127.0.0.1:N starts its day over
 * (every token's quota, nothing accepted), and so does this CLI's own count of the requests it
 * sent there, so a long rehearsal never blocks the next one until midnight. Exit 0, or 2 when
 * no Carga sandbox answers on that port (nothing is changed then).
 */
export const sandboxReset = commandOf(SANDBOX_RESET, () => async ({ flags, io, lang }) => {
  const port = flags.port;
  if (port === undefined) {
    io.stderr(formatMessage(lang, { code: 'cli.sandbox.reset-port-missing' }) + '\n');
    return EXIT.usage;
  }
  const origin = `http://127.0.0.1:${port}`;
  let status: number;
  try {
    const response = await fetch(`${origin}${SANDBOX_RESET_PATH}`, { method: 'POST' });
    status = response.status;
    await response.body?.cancel();
  } catch {
    io.stderr(
      formatMessage(lang, { code: 'cli.sandbox.reset-unreachable', params: { origin, port } }) + '\n',
    );
    return EXIT.usage;
  }
  if (status !== 200) {
    io.stderr(formatMessage(lang, { code: 'cli.sandbox.reset-refused', params: { origin, status } }) + '\n');
    return EXIT.usage;
  }
  // What this CLI counted against those tokens is forgotten with the sandbox's own count.
  const quotaDir = join(jobsDirOf(io, flags['jobs-dir']), QUOTA_FOLDER);
  for (const token of new Set(Object.values(SANDBOX_TARGET_TOKENS)))
    rmSync(quotaLedgerPath(quotaDir, origin, token), { force: true });
  io.stdout(formatMessage(lang, { code: 'cli.sandbox.reset-done', params: { origin } }) + '\n');
  return EXIT.ok;
});
