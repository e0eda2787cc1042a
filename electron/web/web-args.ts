import { parseArgs } from 'node:util';

import { langFromLocale, type Lang } from '../../shared/lang';
import { msg } from '../../shared/messages/catalog';
import type { Message } from '../../shared/messages/message';
import { langFromArgs } from '../cli/cli-lang';

export interface WebArgs {
  port: number;
  sandbox: boolean;
  lang: Lang;
  help: boolean;
}

/** `npm run web` flags; the language from `--lang`, else the environment's locale. */
export function parseWebArgs(
  argv: string[],
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; args: WebArgs } | { ok: false; lang: Lang; error: Message } {
  const lang = langFromArgs(argv) ?? langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  let values: { port?: string; 'no-sandbox-crm'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'no-sandbox-crm': { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch {
    return { ok: false, lang, error: msg('front-door.web-usage') };
  }
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port < 1 || port > 65535)
      return { ok: false, lang, error: msg('front-door.web-bad-port', { port: values.port }) };
  }
  return { ok: true, args: { port, sandbox: !values['no-sandbox-crm'], lang, help: Boolean(values.help) } };
}
