import { describe, expect, it } from 'vitest';

import { check } from '../../../electron/cli/check';
import type { CliIO, Command } from '../../../electron/cli/command';
import { COMMAND_SPECS } from '../../../electron/cli/command-specs';
import { createContacts } from '../../../electron/cli/create-contacts';
import { COMMON_FLAGS } from '../../../electron/cli/flags';
import { importCommand } from '../../../electron/cli/import';
import { inspect } from '../../../electron/cli/inspect';
import { jobs } from '../../../electron/cli/jobs';
import { report } from '../../../electron/cli/report';
import { resume } from '../../../electron/cli/resume';
import { retry } from '../../../electron/cli/retry';
import { sandbox } from '../../../electron/cli/sandbox';
import { sandboxReset } from '../../../electron/cli/sandbox-reset';

const COMMANDS: Record<string, Command> = {
  inspect,
  check,
  import: importCommand,
  resume,
  retry,
  'create-contacts': createContacts,
  jobs,
  report,
  sandbox,
  'sandbox-reset': sandboxReset,
};

function fakeIO(env: Record<string, string | undefined> = { LANG: 'es_CO.UTF-8' }) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    isTTY: false,
    cwd: process.cwd(),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

/** The explanation printed beside `--name` in a help text, or undefined when the flag is not listed. */
function explanationOf(help: string, flag: string): string | undefined {
  const line = help.split('\n').find((l) => new RegExp(`^ {2}(-\\w, )?--${flag}( \\S+)? {2,}`).test(l));
  return line?.replace(new RegExp(`^ {2}(-\\w, )?--${flag}( \\S+)? +`), '');
}

describe('carga <command> --help', () => {
  it('has a command for every spec and a spec for every command', () => {
    expect(COMMAND_SPECS.map((spec) => spec.name).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  for (const spec of COMMAND_SPECS) {
    it(`lists every flag of ${spec.name} with its own line of explanation, in Spanish and in English`, async () => {
      const es = fakeIO({ LANG: 'es_CO.UTF-8' });
      const en = fakeIO({ LANG: 'en_US.UTF-8' });
      expect(await COMMANDS[spec.name]!(['--help'], es.io)).toBe(0);
      expect(await COMMANDS[spec.name]!(['--lang', 'en', '-h'], en.io)).toBe(0);
      expect(es.out()).toMatch(new RegExp(`^Uso: carga ${spec.name}\\b`));
      expect(en.out()).toMatch(new RegExp(`^Usage: carga ${spec.name}\\b`));
      for (const flag of [...Object.keys(spec.flags), ...Object.keys(COMMON_FLAGS)]) {
        const spanish = explanationOf(es.out(), flag);
        const english = explanationOf(en.out(), flag);
        expect(spanish, `--${flag} in Spanish`).toMatch(/\p{L}{3,}.*\.|\)$/u);
        expect(english, `--${flag} in English`).toMatch(/\p{L}{3,}.*\.|\)$/u);
        expect(spanish, `--${flag} is translated`).not.toBe(english);
      }
      expect(es.err() + en.err()).toBe('');
    });
  }

  it('shows help even when the rest of the line is wrong', async () => {
    const { io, out } = fakeIO();
    expect(await importCommand(['--bogus', 'x', '--help'], io)).toBe(0);
    expect(out()).toContain('--campaign-status');
  });
});

describe('reading a command line', () => {
  it('names the flag as typed when a value is missing, not allowed or not a whole number', async () => {
    const cases: [string[], string][] = [
      [['a.csv', '--sheet'], 'Falta el valor de --sheet.\n'],
      [['a.csv', '--json=sí'], '--json no lleva valor, no «sí».\n'],
      [
        ['a.csv', '--header-row', '-1'],
        'El valor de --header-row no es válido: «-1». Debe ser un número entero entre 0 y 100000000.\n',
      ],
      [
        ['a.csv', '--encoding', 'latin9'],
        'Valor no válido para --encoding: «latin9». Valores posibles: utf-8, windows-1252, utf-16le, utf-16be.\n',
      ],
    ];
    for (const [args, expected] of cases) {
      const { io, out, err } = fakeIO();
      expect(await inspect(args, io), args.join(' ')).toBe(2);
      expect(err()).toBe(expected);
      expect(out()).toBe('');
    }
  });

  it('says which flag gives a connection value the target needs, never the internal field name', async () => {
    const { io, err } = fakeIO({ LANG: 'en_US.UTF-8', CARGA_TOKEN: 'x' });
    const args = [
      'list.csv',
      '--target',
      'wolkvox-campaign',
      '--server',
      'https://wv.example.invalid',
      '--campaign-status',
      'active',
    ];
    expect(await importCommand(args, io)).toBe(2);
    expect(err()).toBe(
      'This target also needs --campaign-id: give it on the command line or in the template’s connection.\n',
    );
    expect(err()).not.toMatch(/campaignId/);

    const records = fakeIO({ LANG: 'es_CO.UTF-8', CARGA_TOKEN: 'x' });
    expect(
      await importCommand(
        ['list.csv', '--target', 'wolkvox-crm-records', '--server', 'https://wv.example.invalid'],
        records.io,
      ),
    ).toBe(2);
    expect(records.err()).toMatch(/--operation, --module/);
  });

  it('uses one message for a missing file, whichever command needs it', async () => {
    const texts = await Promise.all(
      (['inspect', 'check', 'import'] as const).map(async (name) => {
        const { io, err } = fakeIO();
        expect(await COMMANDS[name]!([], io)).toBe(2);
        return err().replaceAll(name, 'COMMAND');
      }),
    );
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toBe(
      'Falta el archivo. Uso: carga COMMAND ARCHIVO [opciones]; escriba «carga COMMAND --help» para ver las opciones.\n',
    );
  });
});
