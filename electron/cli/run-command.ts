import type { Lang } from '../../shared/contract';
import { reportingErrors } from './cli-errors';
import { langOf } from './cli-lang';
import { EXIT, type CliIO, type Command } from './command';
import { helpText, parseCommandLine, wantsHelp, type CommandLine } from './command-line';
import type { CommandSpec } from './command-specs';
import type { FlagTable } from './flags';

export interface CommandInput<T extends FlagTable> extends CommandLine<T> {
  io: CliIO;
  lang: Lang;
}

/** The body of a command: its line already read and checked. Resolves to the exit code. */
export type CommandRun<T extends FlagTable> = (input: CommandInput<T>) => Promise<number>;

/**
 * The preamble every command shares, written once: the operator's language, `--help`, the line
 * read against the command's flag table, and expected failures turned into one line on stderr
 * with exit code 2. `load` gives the body, so a front door may fetch it only when it runs.
 */
export function commandOf<T extends FlagTable>(
  spec: CommandSpec<T>,
  load: () => CommandRun<T> | Promise<CommandRun<T>>,
): Command {
  return async (argv, io) => {
    const lang = langOf(argv, io.env);
    if (wantsHelp(argv)) {
      io.stdout(helpText(spec, lang));
      return EXIT.ok;
    }
    return reportingErrors(io, lang, async () => {
      const line = parseCommandLine(spec, argv, lang);
      const run = await load();
      return run({ ...line, io, lang });
    });
  };
}
