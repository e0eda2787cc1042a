import { describe, expect, it } from 'vitest';

import { parseWebArgs } from '../../../electron/web/web-args';

describe('parseWebArgs', () => {
  it('defaults to any free port, the sandbox CRM on, and the language of the environment', () => {
    expect(parseWebArgs([], { LANG: 'es_CO.UTF-8' })).toEqual({
      ok: true,
      args: { port: 0, sandbox: true, lang: 'es', help: false },
    });
    expect(parseWebArgs([], { LANG: 'en_US.UTF-8' })).toEqual({
      ok: true,
      args: { port: 0, sandbox: true, lang: 'en', help: false },
    });
    expect(parseWebArgs([], { LC_ALL: 'en_GB.UTF-8', LANG: 'es_MX.UTF-8' })).toMatchObject({
      args: { lang: 'en' },
    });
  });

  it('reads --port, --no-sandbox-crm, --lang and --help', () => {
    expect(parseWebArgs(['--port', '4100', '--no-sandbox-crm', '--lang', 'en'], { LANG: 'es_CO' })).toEqual({
      ok: true,
      args: { port: 4100, sandbox: false, lang: 'en', help: false },
    });
    expect(parseWebArgs(['--port=4101', '-h'], {})).toMatchObject({
      ok: true,
      args: { port: 4101, help: true },
    });
  });

  it('refuses a port that is not a number from 1 to 65535', () => {
    for (const port of ['0', '65536', 'abc', '80.5', '-1']) {
      expect(parseWebArgs([`--port=${port}`], { LANG: 'en' })).toEqual({
        ok: false,
        lang: 'en',
        error: { code: 'front-door.web-bad-port', params: { port } },
      });
    }
  });

  it('answers an unknown flag or a stray argument with the usage', () => {
    expect(parseWebArgs(['--verbose'], { LANG: 'es' })).toEqual({
      ok: false,
      lang: 'es',
      error: { code: 'front-door.web-usage' },
    });
    expect(parseWebArgs(['file.csv'], { LANG: 'es' })).toEqual({
      ok: false,
      lang: 'es',
      error: { code: 'front-door.web-usage' },
    });
  });
});
