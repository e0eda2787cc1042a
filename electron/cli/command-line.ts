import { parseArgs, type ParseArgsConfig } from 'node:util';

import type { Lang } from '../../shared/contract';
import { CargaError } from '../../shared/errors/carga-error';
import { formatMessage, msg, type MessageCode } from '../../shared/messages/catalog';
import type { CommandSpec } from './command-specs';
import { COMMON_FLAGS, type FlagSpec, type FlagTable, type FlagValues } from './flags';

/** A command's flags with the ones every command has. */
export type AllFlags<T extends FlagTable> = T & typeof COMMON_FLAGS;

export interface CommandLine<T extends FlagTable> {
  flags: FlagValues<AllFlags<T>>;
  args: string[];
}

function tableOf<T extends FlagTable>(spec: CommandSpec<T>): FlagTable {
  return { ...spec.flags, ...COMMON_FLAGS };
}

function argsPlaceholder(spec: CommandSpec, lang: Lang): string {
  return spec.args.map((arg) => ` ${formatMessage(lang, msg(arg.value))}`).join('');
}

/** `--help` or `-h` anywhere before `--`: help wins over any other problem on the line. */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

function checkedValue(name: string, flag: FlagSpec, raw: string): string | number {
  const option = `--${name}`;
  if (flag.kind === 'choice') {
    const choice = flag.choices.find((c) => c.toLowerCase() === raw.toLowerCase());
    if (choice === undefined)
      throw new CargaError(msg('cli.bad-choice', { option, value: raw, allowed: flag.choices.join(', ') }));
    return choice;
  }
  if (flag.kind === 'whole') {
    const number = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(number >= flag.min && number <= flag.max))
      throw new CargaError(msg('cli.bad-whole-number', { option, value: raw, min: flag.min, max: flag.max }));
    return number;
  }
  return raw;
}

/** Reads a command's line against its flag table; a problem becomes a CargaError in the catalog's
 * words, naming the flag as the operator typed it. */
export function parseCommandLine<T extends FlagTable>(
  spec: CommandSpec<T>,
  argv: string[],
  lang: Lang,
): CommandLine<T> {
  const table = tableOf(spec);
  const options: ParseArgsConfig['options'] = {};
  for (const [name, flag] of Object.entries(table)) {
    options[name] = {
      type: flag.kind === 'switch' ? 'boolean' : 'string',
      ...(flag.kind === 'text' && flag.repeatable ? { multiple: true } : {}),
      ...(flag.short ? { short: flag.short } : {}),
    };
  }
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const flags: Record<string, string | number | boolean | string[]> = {};
  const args: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (args.length >= spec.args.length) {
        throw new CargaError(
          msg('cli.unexpected-argument', {
            argument: token.value,
            command: spec.name,
            args: argsPlaceholder(spec, lang),
          }),
        );
      }
      args.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const flag = Object.hasOwn(table, token.name) ? table[token.name] : undefined;
    if (!flag) throw new CargaError(msg('cli.unknown-option', { option: token.rawName, command: spec.name }));
    if (flag.kind === 'switch') {
      if (token.value !== undefined)
        throw new CargaError(msg('cli.unexpected-value', { option: token.rawName, value: token.value }));
      flags[token.name] = true;
      continue;
    }
    if (token.value === undefined) throw new CargaError(msg('cli.missing-value', { option: token.rawName }));
    const value = checkedValue(token.name, flag, token.value);
    if (flag.kind === 'text' && flag.repeatable)
      flags[token.name] = [...((flags[token.name] as string[] | undefined) ?? []), token.value];
    else flags[token.name] = value;
  }
  const missing = spec.args[args.length];
  if (missing) throw new CargaError(msg(missing.missing, { command: spec.name }));
  return { flags: flags as FlagValues<AllFlags<T>>, args };
}

function twoColumns(rows: readonly [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/** `carga <command> --help`: usage, what it does, then every flag with its line of explanation. */
export function helpText(spec: CommandSpec, lang: Lang): string {
  const text = (code: MessageCode, params?: Record<string, string>) => formatMessage(lang, msg(code, params));
  const rows = Object.entries(tableOf(spec)).map(([name, flag]): [string, string] => {
    const names = `${flag.short ? `-${flag.short}, ` : ''}--${name}`;
    const left = flag.kind === 'switch' ? names : `${names} ${text(flag.value)}`;
    const allowed =
      flag.kind === 'choice'
        ? ` ${text('cli.help.allowed', { allowed: flag.choices.map((c) => (/^[\w-]+$/.test(c) ? c : `"${c}"`)).join(', ') })}`
        : '';
    return [left, text(flag.help) + allowed];
  });
  const lines = [
    text('cli.help.usage', { command: spec.name, args: argsPlaceholder(spec, lang) }),
    text(spec.summary),
    '',
    text('cli.help.options'),
    ...twoColumns(rows),
  ];
  return lines.join('\n') + '\n';
}

/** `carga --help`: every command with what it does. */
export function topHelpText(specs: readonly CommandSpec[], lang: Lang): string {
  const text = (code: MessageCode) => formatMessage(lang, msg(code));
  const rows = specs.map((spec): [string, string] => [
    `${spec.name}${argsPlaceholder(spec, lang)}`,
    text(spec.summary),
  ]);
  return (
    [
      text('cli.help.tagline'),
      '',
      text('cli.help.top-usage'),
      '',
      text('cli.help.commands'),
      ...twoColumns(rows),
      '',
      text('cli.help.top-footer'),
    ].join('\n') + '\n'
  );
}
