import { langFromLocale, LANGS, type Lang } from '../../shared/lang';

/** `--lang es|en` anywhere on the line wins over the environment. */
export function langFromArgs(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg === '--lang' ? argv[i + 1] : arg?.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value !== undefined)
      return (LANGS as readonly string[]).includes(value) ? (value as Lang) : undefined;
  }
  return undefined;
}

/** The operator's language: `--lang`, else the locale (LC_ALL over LC_MESSAGES over LANG, as POSIX orders them). */
export function langOf(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  return langFromArgs(argv) ?? langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
