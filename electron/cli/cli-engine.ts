import type { Lang } from '../../shared/contract';
import { createEngine, type Engine } from '../engine/engine';
import { createMemoryVault } from '../engine/secrets/memory-vault';
import { dataDirOf } from './cli-paths';
import type { CliIO } from './command';

/**
 * The engine for one CLI command: tokens only in memory (they come from the environment each
 * time), no waiting for a quota reset (the command exits and says so), the embedded sandbox
 * only when the job talks to it. Always closed, so journals are flushed before exit.
 */
export async function withCliEngine<T>(
  io: CliIO,
  lang: Lang,
  options: { jobsDir: string; sandbox: boolean; maxWaitMs?: number | undefined },
  use: (engine: Engine) => Promise<T>,
): Promise<T> {
  // Loaded only when a job talks to it: the other commands never pay for the sandbox.
  const sandbox = options.sandbox
    ? await (await import('../sandbox/sandbox-connections')).startSandboxConnections({ keepAccepted: false })
    : null;
  const engine = await createEngine({
    dataDir: dataDirOf(io),
    jobsDir: options.jobsDir,
    vault: createMemoryVault(),
    lang,
    frontDoor: 'cli',
    sandbox,
    autoResume: false,
    ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
  }).catch(async (error: unknown) => {
    // An engine that cannot start (its folder unwritable) must not leave the sandbox listening.
    await sandbox?.close();
    throw error;
  });
  try {
    return await use(engine);
  } finally {
    await engine.close();
  }
}
