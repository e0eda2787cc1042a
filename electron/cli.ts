import { formatMessage } from '../shared/messages/catalog';
import { langOf } from './cli/cli-lang';
import { EXIT, type CliIO, type Command } from './cli/command';
import { helpText, topHelpText, wantsHelp } from './cli/command-line';
import { COMMAND_SPECS } from './cli/command-specs';

/** Each command's code is loaded only when it runs, so `--help` and `carga inspect` pay for
 * nothing else. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  inspect: async () => (await import('./cli/inspect')).inspect,
  check: async () => (await import('./cli/check')).check,
  import: async () => (await import('./cli/import')).importCommand,
  resume: async () => (await import('./cli/resume')).resume,
  retry: async () => (await import('./cli/retry')).retry,
  'create-contacts': async () => (await import('./cli/create-contacts')).createContacts,
  jobs: async () => (await import('./cli/jobs')).jobs,
  report: async () => (await import('./cli/report')).report,
  sandbox: async () => (await import('./cli/sandbox')).sandbox,
  'sandbox-reset': async () => (await import('./cli/sandbox-reset')).sandboxReset,
};

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  const lang = langOf(argv, io.env);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(topHelpText(COMMAND_SPECS, lang));
    return name ? EXIT.ok : EXIT.usage;
  }
  const spec = COMMAND_SPECS.find((candidate) => candidate.name === name);
  const load = COMMANDS[name];
  if (!spec || !load) {
    io.stderr(formatMessage(lang, { code: 'cli.unknown-command', params: { name } }) + '\n');
    return EXIT.usage;
  }
  if (wantsHelp(args)) {
    io.stdout(helpText(spec, lang));
    return EXIT.ok;
  }
  const command = await load();
  return command(args, io);
}

const io: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not bad input: say so plainly without a stack trace, which may hold paths or data.
    const lang = langOf([], process.env);
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(formatMessage(lang, { code: 'cli.internal-error', params: { detail } }) + '\n');
    process.exitCode = EXIT.usage;
  },
);
