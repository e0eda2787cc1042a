/** What a CLI command may touch: injected so tests run commands in-process too. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (progress bars only then). */
  isTTY: boolean;
  cwd: string;
}

/** A command takes its arguments (after the command name) and resolves to the exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;

export const EXIT = {
  ok: 0,
  rowsFailed: 1,
  usage: 2,
  stopped: 3,
} as const;
