/**
 * `carga sandbox`: runs the sandbox CRM on its own so an operator can rehearse a load with the
 * app or the CLI, until Ctrl+C (SIGINT) or SIGTERM.
 */
import type { Lang } from '../../shared/lang';
import { formatMessage } from '../../shared/messages/catalog';
import type { MessageParams } from '../../shared/messages/message';
import { sandboxMessages } from '../../shared/messages/sandbox-messages';
import {
  DEFAULT_LICENSE_CAP,
  SANDBOX_DAILY_LIMIT,
  SANDBOX_DEFAULTS,
  SANDBOX_TOKEN,
  startSandbox,
  type SandboxEvent,
} from '../sandbox/sandbox';
import { EXIT, type CliIO, type Command } from './command';
import { SANDBOX } from './command-specs';
import { commandOf, type CommandInput } from './run-command';

type TextCode = keyof typeof sandboxMessages;

function say(lang: Lang, code: TextCode, params?: MessageParams): string {
  return `${formatMessage(lang, params ? { code, params } : { code })}\n`;
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
}

function describeRequest(lang: Lang, event: SandboxEvent & { type: 'request-end' }): string {
  const result =
    event.outcome === 'answered'
      ? String(event.status)
      : sandboxMessages[
          event.outcome === 'reset' ? 'cli.sandbox.request-reset' : 'cli.sandbox.request-abandoned'
        ][lang];
  return `${event.method} ${event.path} → ${result}\n`;
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** The command with its stop signal injected, so tests run it in-process and stop it. */
export function runSandboxCommand(args: string[], io: CliIO, signal: AbortSignal): Promise<number> {
  return commandOf(SANDBOX, () => (input) => serve(input, signal))(args, io);
}

async function serve(
  { flags, io, lang }: CommandInput<typeof SANDBOX.flags>,
  signal: AbortSignal,
): Promise<number> {
  const quiet = flags.quiet ?? false;
  const dailyLimit = flags['daily-limit'] ?? SANDBOX_DAILY_LIMIT;
  const licenseCap = flags['license-cap'] ?? DEFAULT_LICENSE_CAP;
  const latency = flags.latency ?? 0;
  const jitter = flags.jitter ?? 0;
  let sandbox;
  try {
    sandbox = await startSandbox({
      port: flags.port ?? 0,
      latencyMs: latency,
      jitterMs: jitter,
      licenseCap,
      tokens: [{ token: SANDBOX_TOKEN, dailyLimit }],
      // Nothing outside this process can read what it accepted: it keeps none of it.
      keepAccepted: false,
      onEvent: (event) => {
        if (event.type === 'request-end' && !quiet) io.stdout(describeRequest(lang, event));
      },
    });
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    io.stderr(say(lang, 'cli.sandbox.port-in-use', { port: flags.port ?? 0 }));
    return EXIT.usage;
  }

  io.stdout(say(lang, 'cli.sandbox.listening', { origin: sandbox.origin }));
  io.stdout(say(lang, 'cli.sandbox.token-hint'));
  io.stdout(`  CARGA_TOKEN=${SANDBOX_TOKEN}\n`);
  io.stdout(
    say(lang, 'cli.sandbox.crm', {
      operation: SANDBOX_DEFAULTS.operation,
      users: SANDBOX_DEFAULTS.users.join(', '),
      customFields: SANDBOX_DEFAULTS.customFields.join(', '),
    }),
  );
  io.stdout(say(lang, 'cli.sandbox.contacts', { contacts: SANDBOX_DEFAULTS.contacts.join(', ') }));
  io.stdout(say(lang, 'cli.sandbox.campaigns', { campaigns: SANDBOX_DEFAULTS.campaigns.join(', ') }));
  io.stdout(say(lang, 'cli.sandbox.limits', { dailyLimit, licenseCap }));
  io.stdout(say(lang, 'cli.sandbox.latency', { latency, jitter }));
  io.stdout(say(lang, 'cli.sandbox.stop-hint'));

  await untilAborted(signal);
  await sandbox.close();
  io.stdout(say(lang, 'cli.sandbox.stopped'));
  return EXIT.ok;
}

export const sandbox: Command = async (args, io) => {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await runSandboxCommand(args, io, stop.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
};
