/**
 * `carga sandbox`: runs the sandbox CRM on its own so an operator can rehearse a load with the
 * app or the CLI, until Ctrl+C (SIGINT) or SIGTERM.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { langFromLocale, LANGS, type Lang } from '../../shared/lang';
import { formatMessage } from '../../shared/messages/catalog';
import type { MessageParams } from '../../shared/messages/message';
import { sandboxMessages } from '../../shared/messages/sandbox-messages';
import { DEFAULT_LICENSE_CAP, SANDBOX_DAILY_LIMIT, SANDBOX_DEFAULTS, SANDBOX_TOKEN, startSandbox, type SandboxEvent } from '../sandbox/sandbox';
import { EXIT, type CliIO, type Command } from './command';



type TextCode = keyof typeof sandboxMessages;

function say(lang: Lang, code: TextCode, params?: MessageParams): string {
  return `${formatMessage(lang, params ? { code, params } : { code })}\n`;
}

const NUMBER_FLAGS = {
  port: { min: 0, max: 65_535 },
  latency: { min: 0, max: 600_000 },
  jitter: { min: 0, max: 600_000 },
  'daily-limit': { min: 0, max: 100_000_000 },
  'license-cap': { min: 1, max: 100_000_000 },
} as const;
type NumberFlag = keyof typeof NUMBER_FLAGS;

const OPTIONS = {
  ...(Object.fromEntries(Object.keys(NUMBER_FLAGS).map((name) => [name, { type: 'string' }])) as Record<NumberFlag, { type: 'string' }>),
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

interface SandboxFlags {
  numbers: Partial<Record<NumberFlag, number>>;
  lang?: Lang;
  help: boolean;
  /** No line per request: for benchmarks, where logging would cost the measured client wake-ups. */
  quiet: boolean;
}

type FlagReading = { ok: true; flags: SandboxFlags } | { ok: false; lang?: Lang; problem: string };

function wholeNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

function readFlags(args: string[], fallbackLang: Lang): FlagReading {
  const { values, tokens } = parseArgs({ args, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const langValue = values.lang;
  const lang = z.enum(LANGS).safeParse(langValue);
  const shown = lang.success ? lang.data : fallbackLang;
  const fail = (code: TextCode, params: MessageParams): FlagReading => ({
    ok: false,
    lang: lang.success ? lang.data : undefined,
    problem: say(shown, code, params),
  });

  for (const token of tokens) {
    if (token.kind === 'positional') return fail('cli.sandbox.unexpected-argument', { argument: token.value });
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) return fail('cli.sandbox.unknown-option', { option: token.rawName });
    if (token.name !== 'help' && token.name !== 'quiet' && token.value === undefined) return fail('cli.sandbox.missing-value', { option: token.rawName });
  }
  if (langValue !== undefined && !lang.success) return fail('cli.sandbox.invalid-lang', { value: String(langValue) });

  const numbers: SandboxFlags['numbers'] = {};
  for (const [name, { min, max }] of Object.entries(NUMBER_FLAGS) as [NumberFlag, { min: number; max: number }][]) {
    const raw = values[name];
    if (raw === undefined) continue;
    const parsed = wholeNumber(min, max).safeParse(raw);
    if (!parsed.success) return fail('cli.sandbox.invalid-value', { option: name, value: String(raw), min, max });
    numbers[name] = parsed.data;
  }
  return { ok: true, flags: { numbers, lang: lang.success ? lang.data : undefined, help: values.help === true, quiet: values.quiet === true } };
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
}

function describeRequest(lang: Lang, event: SandboxEvent & { type: 'request-end' }): string {
  const result =
    event.outcome === 'answered' ? String(event.status) : sandboxMessages[event.outcome === 'reset' ? 'cli.sandbox.request-reset' : 'cli.sandbox.request-abandoned'][lang];
  return `${event.method} ${event.path} → ${result}\n`;
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** The command with its stop signal injected, so tests run it in-process and stop it. */
export async function runSandboxCommand(args: string[], io: CliIO, signal: AbortSignal): Promise<number> {
  const envLang = langFromLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  const reading = readFlags(args, envLang);
  if (!reading.ok) {
    const lang = reading.lang ?? envLang;
    io.stderr(reading.problem);
    io.stderr(say(lang, 'cli.sandbox.usage'));
    return EXIT.usage;
  }
  const { numbers, help, quiet } = reading.flags;
  const lang = reading.flags.lang ?? envLang;
  if (help) {
    io.stdout(say(lang, 'cli.sandbox.usage'));
    return EXIT.ok;
  }

  const dailyLimit = numbers['daily-limit'] ?? SANDBOX_DAILY_LIMIT;
  const licenseCap = numbers['license-cap'] ?? DEFAULT_LICENSE_CAP;
  const latency = numbers.latency ?? 0;
  const jitter = numbers.jitter ?? 0;
  let sandbox;
  try {
    sandbox = await startSandbox({
      port: numbers.port ?? 0,
      latencyMs: latency,
      jitterMs: jitter,
      licenseCap,
      tokens: [{ token: SANDBOX_TOKEN, dailyLimit }],
      onEvent: (event) => {
        if (event.type === 'request-end' && !quiet) io.stdout(describeRequest(lang, event));
      },
    });
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    io.stderr(say(lang, 'cli.sandbox.port-in-use', { port: numbers.port ?? 0 }));
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
