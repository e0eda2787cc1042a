import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { check } from '../../../electron/cli/check';
import type { CliIO } from '../../../electron/cli/command';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carga-check-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fakeIO(env: Record<string, string | undefined> = { LANG: 'es_CO.UTF-8' }) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, isTTY: false, cwd: dir };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function write(name: string, content: string): Promise<string> {
  await writeFile(join(dir, name), content);
  return name;
}

const CAMPAIGN_CSV = [
  'Nombre;Teléfono;Correo;Fecha rellamada',
  'Ana;300 123 4567;ana@correo.co;15/03/2026 10:30',
  'Luis;3.00123E+09;luis@correo;31/02/2026',
  'Marta;12345;marta@correo.co;',
  ';;;',
  'Pedro;3109876543;;46096.5;de más',
  'Sofía;3157654321;sofia@correo.co;2026-03-20',
].join('\r\n');

const CAMPAIGN_TEMPLATE = JSON.stringify({
  name: 'Campaña marzo',
  target: 'wolkvox-campaign',
  columns: { Nombre: 'customer_name', Teléfono: 'tel1', Correo: 'email', 'Fecha rellamada': 'recall_date' },
});

describe('carga check', () => {
  it('prints, in Spanish, the counts per kind of problem with examples, and exits 1 when rows would fail', async () => {
    const file = await write('lista.csv', CAMPAIGN_CSV);
    const template = await write('campana.json', CAMPAIGN_TEMPLATE);
    const { io, stdout, stderr } = fakeIO();
    expect(await check([file, '--template', template], io)).toBe(1);
    expect(stderr()).toBe('');
    expect(stdout().split('\n')).toEqual([
      'Revisión de lista.csv para wolkvox Manager: campaña',
      '',
      'Filas: 5 · listas para enviar: 2 · con problemas: 3',
      '',
      'Problemas por tipo:',
      '  Teléfonos en notación científica: 1',
      '    Fila 3, columna «Teléfono»: «3.00123E+09» está en notación científica; Excel perdió dígitos. Formatee la columna como texto en Excel y vuelva a exportar.',
      '  Correos no válidos: 1',
      '    Fila 3, columna «Correo»: «luis@correo» no parece un correo electrónico (nombre@dominio.com). Corríjalo en el archivo.',
      '  Fechas no válidas: 1',
      '    Fila 3, columna «Fecha rellamada»: «31/02/2026» no es una fecha que exista. Revise el día, el mes y la hora, y corríjala en el archivo.',
      '  Teléfonos con menos de 7 dígitos: 1',
      '    Fila 4, columna «Teléfono»: «12345» tiene 5 dígitos y un teléfono necesita al menos 7. Corrija el número; si perdió un cero inicial, formatee la columna como texto en Excel y vuelva a exportar.',
      '  Filas con más o menos celdas que el encabezado: 1',
      // The reader's own explanation of the ragged row.
      expect.stringMatching(/^ {4}.*fila 6 /i),
      '',
      'Solicitudes necesarias para enviar las filas listas: 1 (10.000 por solicitud).',
      '',
    ]);
  });

  it('prints one JSON object with texts in the chosen language', async () => {
    const file = await write('lista.csv', CAMPAIGN_CSV);
    const template = await write('campana.json', CAMPAIGN_TEMPLATE);
    const { io, stdout } = fakeIO();
    expect(await check([file, '--template', template, '--json', '--lang', 'en'], io)).toBe(1);
    const summary = JSON.parse(stdout()) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual([
      'totalRows',
      'validRows',
      'invalidRows',
      'problemCounts',
      'examples',
      'mappingProblems',
      'requests',
      'refusedBatchSearch',
      'alreadySent',
      'alreadySentFrom',
    ]);
    expect(summary).toMatchObject({
      totalRows: 5,
      validRows: 2,
      invalidRows: 3,
      problemCounts: {
        'phone-scientific': 1,
        'invalid-email': 1,
        'invalid-date': 1,
        'phone-too-short': 1,
        'ragged-row': 1,
      },
      mappingProblems: [],
      requests: 1,
    });
    expect((summary.examples as unknown[])[0]).toEqual({
      row: 3,
      index: 1,
      column: 'Teléfono',
      field: 'tel1',
      value: '3.00123E+09',
      code: 'phone-scientific',
      message: {
        code: 'validation.phone-scientific',
        params: { row: 3, column: 'Teléfono', value: '3.00123E+09' },
      },
      text: 'Row 3, column «Teléfono»: «3.00123E+09» is in scientific notation; Excel lost digits. Format the column as text in Excel and export again.',
    });
    expect((summary.examples as { row: number; code: string }[]).map((e) => [e.row, e.code])).toEqual([
      [3, 'phone-scientific'],
      [3, 'invalid-email'],
      [3, 'invalid-date'],
      [4, 'phone-too-short'],
      [6, 'ragged-row'],
    ]);
  });

  it('keeps five examples per kind and says how many more there are', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `Cliente ${i},12${i}`);
    const file = await write('cortos.csv', ['Nombre,Tel', ...rows].join('\n'));
    const { io, stdout } = fakeIO({ LANG: 'en_US.UTF-8' });
    expect(
      await check(
        [file, '--target', 'wolkvox-campaign', '--map', 'Nombre=customer_name', '--map', 'Tel=tel1'],
        io,
      ),
    ).toBe(1);
    const lines = stdout().split('\n');
    expect(lines.slice(lines.indexOf('Problems by kind:'))).toEqual([
      'Problems by kind:',
      '  Phone numbers with fewer than 7 digits: 8',
      ...[2, 3, 4, 5, 6].map(
        (row) =>
          `    Row ${row}, column «Tel»: «12${row - 2}» has 3 digits and a phone number needs at least 7. Correct the number; if it lost a leading zero, format the column as text in Excel and export again.`,
      ),
      '    … and 3 more of this kind.',
      '',
      'Requests needed to send the rows that are ready: 0 (10,000 per request).',
      '',
    ]);
  });

  it('exits 0 when every row can be sent, counting one request per row for cases', async () => {
    const file = await write(
      'casos.csv',
      [
        'Tipo de caso,Responsable,Propietario,Contacto,Descripción,Estado,Prioridad,Ciudad',
        'Queja,ana@demo,ana@demo,c@x.co,Texto,Abierto,Alta,Cali',
        'Reclamo,ana@demo,ana@demo,d@x.co,Otro,Cerrado,Baja,Pasto',
      ].join('\n'),
    );
    const template = await write(
      'casos.json',
      JSON.stringify({
        name: 'Casos',
        target: 'wolkvox-crm-cases',
        connection: { operation: 'demo' },
        columns: {
          'Tipo de caso': 'case-type',
          Responsable: 'responsible',
          Propietario: 'owner',
          Contacto: 'contact',
          Descripción: 'description',
          Estado: 'status',
          Prioridad: 'priority',
          Ciudad: 'form.Ciudad',
        },
      }),
    );
    const { io, stdout } = fakeIO({ LANG: 'en_US.UTF-8' });
    expect(await check([file, '--template', template], io)).toBe(0);
    expect(stdout()).toBe(
      [
        'Check of casos.csv for wolkvox CRM: cases',
        '',
        'Rows: 2 · ready to send: 2 · with problems: 0',
        'Every row is ready to send.',
        '',
        'Requests needed to send the rows that are ready: 2 (1 per request).',
        '',
      ].join('\n'),
    );
  });

  it('checks a case contact that looks like an e-mail as one, so a typo never spends quota', async () => {
    const file = await write(
      'casos.csv',
      [
        'Tipo de caso,Responsable,Propietario,Contacto,Descripción,Estado,Prioridad',
        'Queja,ana@demo,ana@demo,sofia@@example.com,Texto,Abierto,Alta',
        // A contact named by its document number has no @: it is the CRM's to find.
        'Reclamo,ana@demo,ana@demo,1020304050,Otro,Cerrado,Baja',
        'Reclamo,ana@demo,ana@demo,luis@example.com,Otro,Cerrado,Baja',
      ].join('\n'),
    );
    const template = await write(
      'casos.json',
      JSON.stringify({
        name: 'Casos',
        target: 'wolkvox-crm-cases',
        connection: { operation: 'demo' },
        columns: {
          'Tipo de caso': 'case-type',
          Responsable: 'responsible',
          Propietario: 'owner',
          Contacto: 'contact',
          Descripción: 'description',
          Estado: 'status',
          Prioridad: 'priority',
        },
      }),
    );
    for (const [lang, text] of [
      [
        'es',
        'Fila 2, columna «Contacto»: «sofia@@example.com» no parece un correo electrónico (nombre@dominio.com). Corríjalo en el archivo.',
      ],
      [
        'en',
        'Row 2, column «Contacto»: «sofia@@example.com» does not look like an e-mail address (name@domain.com). Correct it in the file.',
      ],
    ] as const) {
      const { io, stdout } = fakeIO();
      expect(await check([file, '--template', template, '--json', '--lang', lang], io)).toBe(1);
      const summary = JSON.parse(stdout()) as { examples: { text: string }[] };
      expect(summary).toMatchObject({
        totalRows: 3,
        validRows: 2,
        invalidRows: 1,
        problemCounts: { 'invalid-email': 1 },
        // One request per ready row: the contact with the typo is never sent.
        requests: 2,
      });
      expect(summary.examples.map((e) => e.text)).toEqual([text]);
    }
  });

  it('marks mapping problems that block a run and exits 1 even when the rows look fine', async () => {
    const file = await write('casos.csv', ['Descripción,Ciudad', 'Texto,Cali'].join('\n'));
    const { io, stdout } = fakeIO();
    const args = [
      file,
      '--target',
      'wolkvox-crm-cases',
      '--map',
      'Descripción=description',
      '--map',
      'Ciudad=form.Ciudad',
      '--map',
      'Barrio=form.ciudad',
    ];
    for (const [field, value] of [
      ['operation', 'demo'],
      ['case-type', 'Solicitud'],
      ['responsible', 'a@demo'],
      ['owner', 'a@demo'],
      ['contact', 'c@x.co'],
      ['status', 'Abierto'],
    ]) {
      args.push('--set', `${field}=${value}`);
    }
    expect(await check(args, io)).toBe(1);
    const text = stdout();
    expect(text).toContain(
      [
        'Problemas de la asignación de columnas:',
        '  ✗ Falta el campo obligatorio «Prioridad»: asígnele una columna o defina un valor fijo.',
        '  ! La plantilla asigna la columna «Barrio» a form.ciudad, pero el archivo no tiene esa columna.',
        '  ! Los campos personalizados «Ciudad» y «ciudad» solo difieren en mayúsculas, espacios o tildes. El CRM los trata como campos distintos: use el nombre exacto que tiene configurado.',
        '  Corrija los problemas de la asignación marcados con ✗ antes de cargar.',
        '',
        'Filas: 1 · listas para enviar: 0 · con problemas: 1',
      ].join('\n'),
    );
  });

  it('applies the file overrides given as flags', async () => {
    const file = await write('lista.txt', ['# exportado del CRM', 'Nombre|Tel', 'Ana|3001234567'].join('\n'));
    const { io, stdout } = fakeIO();
    const code = await check(
      [
        file,
        '--target',
        'wolkvox-campaign',
        '--map',
        'Tel=tel1',
        '--delimiter',
        '|',
        '--header-row',
        '1',
        '--json',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout())).toMatchObject({ totalRows: 1, validRows: 1, invalidRows: 0, requests: 1 });
  });

  it('refuses a template that is not JSON, naming it, with exit 2 and no stack trace', async () => {
    const file = await write('lista.csv', CAMPAIGN_CSV);
    const template = await write('rota.json', '{"name": "x",');
    const { io, stdout, stderr } = fakeIO();
    expect(await check([file, '--template', template], io)).toBe(2);
    expect(stdout()).toBe('');
    expect(stderr()).toMatch(/^La plantilla .*rota\.json no es válida: .+\n$/);
    expect(stderr()).not.toContain('    at ');
  });

  it('refuses a template that breaks the schema, naming the path of the problem', async () => {
    const file = await write('lista.csv', CAMPAIGN_CSV);
    const template = await write(
      'mala.json',
      JSON.stringify({ name: 'x', target: 'wolkvox-campaign', columns: { Tel: 7 } }),
    );
    const { io, stderr } = fakeIO({ LANG: 'en_US.UTF-8' });
    expect(await check([file, '--template', template], io)).toBe(2);
    expect(stderr()).toMatch(/^The template .*mala\.json is not valid: columns\.Tel: .+\n$/);
  });

  it('exits 2 with a message in the operator’s language when the file is missing or unreadable', async () => {
    const template = await write('campana.json', CAMPAIGN_TEMPLATE);
    const missing = fakeIO();
    expect(await check(['no-existe.csv', '--template', template], missing.io)).toBe(2);
    expect(missing.stdout()).toBe('');
    expect(missing.stderr()).toMatch(/no-existe\.csv/);
    expect(missing.stderr().split('\n')).toHaveLength(2);

    const noFile = fakeIO();
    expect(await check(['--template', template], noFile.io)).toBe(2);
    expect(noFile.stderr()).toBe(
      'Falta el archivo. Uso: carga check ARCHIVO [opciones]; escriba «carga check --help» para ver las opciones.\n',
    );

    const twoFiles = fakeIO({ LANG: 'en' });
    expect(await check(['a.csv', 'b.csv', '--template', template], twoFiles.io)).toBe(2);
    expect(twoFiles.stderr()).toBe('Unexpected argument "b.csv". Usage: carga check FILE [options].\n');
  });

  it('exits 2 on an unknown option or a mapping with no target', async () => {
    const file = await write('lista.csv', CAMPAIGN_CSV);
    const unknown = fakeIO();
    expect(await check([file, '--templte', 'x.json'], unknown.io)).toBe(2);
    expect(unknown.stderr()).toBe(
      'La opción --templte no existe. Escriba «carga check --help» para ver las opciones.\n',
    );

    const noTarget = fakeIO();
    expect(await check([file, '--map', 'Tel=tel1'], noTarget.io)).toBe(2);
    expect(noTarget.stderr()).toMatch(
      /^Indique una plantilla \(--template T\.json\) o un destino \(--target\)/,
    );
  });

  it('speaks Spanish by default and English for a non-Spanish LANG', async () => {
    const file = await write('lista.csv', 'Tel\n3001234567\n');
    const noLang = fakeIO({});
    await check([file, '--target', 'wolkvox-campaign', '--map', 'Tel=tel1'], noLang.io);
    expect(noLang.stdout()).toContain('Filas: 1 · listas para enviar: 1 · con problemas: 0');
    const english = fakeIO({ LANG: 'en_GB.UTF-8' });
    await check([file, '--target', 'wolkvox-campaign', '--map', 'Tel=tel1'], english.io);
    expect(english.stdout()).toContain('Rows: 1 · ready to send: 1 · with problems: 0');
  });

  it('prints its usage with --help', async () => {
    const { io, stdout } = fakeIO();
    expect(await check(['--help'], io)).toBe(0);
    expect(stdout()).toMatch(/^Uso: carga check ARCHIVO \[opciones\]\n/);
    expect(stdout()).toMatch(
      /^ {2}--target DESTINO +Destino de las filas, si no hay plantilla\. Valores: wolkvox-crm-cases, wolkvox-crm-records, wolkvox-campaign, thalamus-cases\.$/m,
    );
  });

  it('quotes a workbook’s date cell in its examples as the operator reads dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Lista');
    sheet.addRow(['Nombre', 'Teléfono', 'Fecha rellamada']);
    const row = sheet.addRow(['Ana', '3001234567', new Date(Date.UTC(2026, 10, 1, 14, 30))]);
    row.getCell(3).numFmt = 'dd/mm/yyyy hh:mm';
    await workbook.xlsx.writeFile(join(dir, 'lista.xlsx'));
    const template = await write(
      'serial.json',
      JSON.stringify({
        name: 'Serial',
        target: 'wolkvox-campaign',
        columns: { Nombre: 'customer_name', Teléfono: 'tel1', 'Fecha rellamada': 'recall_date' },
        dateFormats: { recall_date: 'excel-serial' },
      }),
    );
    const { io, stdout } = fakeIO();
    expect(await check(['lista.xlsx', '--template', template], io)).toBe(1);
    expect(stdout()).toContain('«01/11/2026 14:30»');
    expect(stdout()).not.toContain('2026-11-01T14:30');

    // As JSON, for programs: the value as the file holds it, the text as the operator reads it.
    const json = fakeIO();
    expect(await check(['lista.xlsx', '--template', template, '--json', '--lang', 'en'], json.io)).toBe(1);
    const [example] = (JSON.parse(json.stdout()) as { examples: { value: string; text: string }[] }).examples;
    expect(example?.value).toBe('2026-11-01T14:30:00');
    expect(example?.text).toContain('«11/01/2026 02:30 PM»');
  });
});
