import { LANGS, type Lang } from '../../shared/lang';

/** `--lang es|en` anywhere on the line wins over the environment. */
export function langFromArgs(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg === '--lang' ? argv[i + 1] : arg?.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value !== undefined) return (LANGS as readonly string[]).includes(value) ? (value as Lang) : undefined;
  }
  return undefined;
}
