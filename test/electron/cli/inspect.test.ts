import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import type { CliIO } from '../../../electron/cli/command';
import { inspect } from '../../../electron/cli/inspect';
import { cargaCli } from '../../support/carga-cli';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const REPO = resolve(__dirname, '../../..');

function fakeIO(
  cwd: string,
  env: Record<string, string> = {},
): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    env,
    isTTY: false,
    cwd,
    out: () => out,
    err: () => err,
  };
}

/** A Spanish-locale Excel export: Windows-1252, `;`, a title line, a quoted line break. */
function writeCases(dir: string): string {
  const text =
    'Reporte de casos - Noviembre;;\r\n;;\r\nNombre;Teléfono;Teléfono\r\nPeña;3001234567;"línea 1\nlínea 2"\r\nÁlvaro;3007654321;x\r\n';
  const path = join(dir, 'casos.csv');
  writeFileSync(path, Buffer.from(text, 'latin1'));
  return path;
}

describe('carga inspect', () => {
  it('prints one JSON object with what was detected, the exact row count and the preview with Excel’s row numbers', async () => {
    const dir = tempDir();
    const path = writeCases(dir);
    const io = fakeIO(dir, { LANG: 'es_CO.UTF-8' });
    expect(await inspect(['casos.csv', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({
      path,
      name: 'casos.csv',
      kind: 'csv',
      size: 118,
      encoding: 'windows-1252',
      bom: false,
      delimiter: ';',
      headerRow: 2,
      headers: ['Nombre', 'Teléfono', 'Teléfono'],
      columns: ['Nombre', 'Teléfono', 'Teléfono (2)'],
      sheets: [],
      sheet: null,
      rowCount: 2,
      preview: [
        { Nombre: 'Peña', Teléfono: '3001234567', 'Teléfono (2)': 'línea 1\nlínea 2' },
        { Nombre: 'Álvaro', Teléfono: '3007654321', 'Teléfono (2)': 'x' },
      ],
      // Rows 4 and 5 as Excel shows them: the quoted line break in row 4 is not a row of its own.
      previewRows: [4, 5],
      warnings: [
        {
          code: 'file.header-below-title',
          params: { line: 3 },
          text: 'El encabezado está en la fila 3; se omitieron las filas de título de arriba.',
        },
        {
          code: 'file.header-duplicate',
          params: { header: 'Teléfono', position: 3, column: 'Teléfono (2)' },
          text: 'El encabezado «Teléfono» se repite; la columna 3 se llamará «Teléfono (2)».',
        },
      ],
    });
    expect(io.err()).toBe('');
  });

  it('honours the file overrides and --lang', async () => {
    const dir = tempDir();
    writeCases(dir);
    const io = fakeIO(dir, { LANG: 'es_CO.UTF-8' });
    expect(
      await inspect(['casos.csv', '--json', '--lang', 'en', '--header-row', '0', '--delimiter', ';'], io),
    ).toBe(0);
    const result = JSON.parse(io.out());
    expect(result).toMatchObject({
      delimiter: ';',
      headerRow: 0,
      headers: ['Reporte de casos - Noviembre', '', ''],
      columns: ['Reporte de casos - Noviembre', 'column_2', 'column_3'],
      rowCount: 3,
    });
    expect(result.warnings[0]).toEqual({
      code: 'file.header-blank',
      params: { position: 2, column: 'column_2' },
      text: 'Column 2 has no name in the header; it will be called "column_2".',
    });
  });

  it('prints a readable summary and a preview table in the operator’s language', async () => {
    const dir = tempDir();
    writeCases(dir);
    const spanish = fakeIO(dir, { LANG: 'es_CO.UTF-8' });
    expect(await inspect(['casos.csv'], spanish)).toBe(0);
    expect(spanish.out()).toBe(
      [
        'Archivo: casos.csv (CSV, 118 B)',
        'Codificación: windows-1252',
        'Delimitador: punto y coma (;)',
        'Encabezado: fila 3 (--header-row 2)',
        'Filas de datos: 2',
        'Columnas (3): Nombre, Teléfono, Teléfono (2)',
        '',
        'Avisos:',
        '  ! El encabezado está en la fila 3; se omitieron las filas de título de arriba.',
        '  ! El encabezado «Teléfono» se repite; la columna 3 se llamará «Teléfono (2)».',
        '',
        'Vista previa (primeras 2 filas):',
        'Nombre | Teléfono   | Teléfono (2)',
        '-------+------------+----------------',
        'Peña   | 3001234567 | línea 1⏎línea 2',
        'Álvaro | 3007654321 | x',
        '',
      ].join('\n'),
    );
    const english = fakeIO(dir, {});
    expect(await inspect(['casos.csv', '--lang', 'en'], english)).toBe(0);
    expect(english.out()).toContain('Data rows: 2\n');
    expect(english.out()).toContain('Delimiter: semicolon (;)\n');
  });

  it('exits 2 with a one-line message for a file it cannot read, in Spanish by default', async () => {
    const dir = tempDir();
    const io = fakeIO(dir);
    expect(await inspect(['no-existe.csv'], io)).toBe(2);
    expect(io.err()).toBe(
      `No se encontró el archivo ${join(dir, 'no-existe.csv')}. Revise la ruta y el nombre.\n`,
    );
    expect(io.out()).toBe('');

    writeFileSync(join(dir, 'vacio.csv'), '');
    const english = fakeIO(dir, { LANG: 'en_US.UTF-8' });
    expect(await inspect(['vacio.csv'], english)).toBe(2);
    expect(english.err()).toBe('File vacio.csv is empty: it has no header and no rows.\n');
  });

  it('exits 2 on usage errors and 0 for --help', async () => {
    const dir = tempDir();
    writeCases(dir);
    const missing = fakeIO(dir);
    expect(await inspect([], missing)).toBe(2);
    expect(missing.err()).toBe(
      'Falta el archivo. Uso: carga inspect ARCHIVO [opciones]; escriba «carga inspect --help» para ver las opciones.\n',
    );
    const extra = fakeIO(dir);
    expect(await inspect(['casos.csv', 'otro.csv'], extra)).toBe(2);
    expect(extra.err()).toBe('No se esperaba «otro.csv». Uso: carga inspect ARCHIVO [opciones].\n');
    const lang = fakeIO(dir);
    expect(await inspect(['casos.csv', '--lang', 'fr'], lang)).toBe(2);
    expect(lang.err()).toBe('Valor no válido para --lang: «fr». Valores posibles: es, en.\n');
    for (const args of [
      ['casos.csv', '--bogus'],
      ['casos.csv', '--encoding', 'latin9'],
      ['casos.csv', '--header-row', 'x'],
    ]) {
      const io = fakeIO(dir);
      expect(await inspect(args, io), args.join(' ')).toBe(2);
      expect(io.err()).toMatch(/^[^\n]+\n$/);
      expect(io.err()).not.toMatch(/\bat .+:\d+/);
    }
    const help = fakeIO(dir, { LANG: 'en' });
    expect(await inspect(['--help'], help)).toBe(0);
    expect(help.out()).toMatch(/^Usage: carga inspect FILE/);
  });

  it.runIf(existsSync(join(REPO, 'electron/cli.ts')))(
    'runs as `carga inspect` through the CLI entry point',
    async () => {
      const dir = tempDir();
      const path = writeCases(dir);
      const { stdout } = await promisify(execFile)(...cargaCli(['inspect', path, '--json']), { cwd: REPO });
      expect(JSON.parse(stdout)).toMatchObject({
        name: 'casos.csv',
        delimiter: ';',
        rowCount: 2,
        columns: ['Nombre', 'Teléfono', 'Teléfono (2)'],
      });
    },
  );
});
