import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { openFile } from '../../../../electron/engine/files/open-file';
import { readRows } from '../../../../electron/engine/files/read-rows';
import type { FileOptions } from '../../../../shared/contract';
import { isCargaError } from '../../../../shared/errors/carga-error';
import type { Message } from '../../../../shared/messages/message';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

function write(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

async function openError(path: string, options?: FileOptions): Promise<Message> {
  try {
    await openFile(path, options);
  } catch (error) {
    if (isCargaError(error)) return error.detail;
    throw error;
  }
  throw new Error('openFile did not fail');
}

describe('openFile on CSV files', () => {
  it('reads a UTF-8 comma file without BOM', async () => {
    const path = write(
      'casos.csv',
      'Nombre,Teléfono,Ciudad\nAna,3001234567,Bogotá\nLuis,3007654321,Medellín\n',
    );
    const info = await openFile(path);
    expect(info).toEqual({
      path,
      name: 'casos.csv',
      size: Buffer.byteLength('Nombre,Teléfono,Ciudad\nAna,3001234567,Bogotá\nLuis,3007654321,Medellín\n'),
      kind: 'csv',
      encoding: 'utf-8',
      bom: false,
      delimiter: ',',
      headerRow: 0,
      headers: ['Nombre', 'Teléfono', 'Ciudad'],
      columns: ['Nombre', 'Teléfono', 'Ciudad'],
      sheets: [],
      sheet: null,
      preview: [
        { Nombre: 'Ana', Teléfono: '3001234567', Ciudad: 'Bogotá' },
        { Nombre: 'Luis', Teléfono: '3007654321', Ciudad: 'Medellín' },
      ],
      previewRows: [2, 3],
      rowCount: null,
      warnings: [],
    });
  });

  it('reads a UTF-8 semicolon file with BOM and keeps the BOM out of the first header', async () => {
    const info = await openFile(write('bom.csv', '\uFEFFNombre;Ciudad\r\nAna;Cali\r\n'));
    expect(info).toMatchObject({
      encoding: 'utf-8',
      bom: true,
      delimiter: ';',
      headers: ['Nombre', 'Ciudad'],
    });
    expect(info.preview).toEqual([{ Nombre: 'Ana', Ciudad: 'Cali' }]);
  });

  it('reads Windows-1252 accents, ñ and the euro sign (0x80)', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Nombre;Direcci'),
      Buffer.from([0xf3]),
      Buffer.from('n;Saldo\r\nPe'),
      Buffer.from([0xf1]),
      Buffer.from('a;Calle ma'),
      Buffer.from([0xf1]),
      Buffer.from('ana;'),
      Buffer.from([0x80]),
      Buffer.from(' 1.500\r\n'),
      Buffer.from([0xc1]),
      Buffer.from('lvaro;Av. Am'),
      Buffer.from([0xe9]),
      Buffer.from('rica;'),
      Buffer.from([0x80]),
      Buffer.from(' 20\r\n'),
    ]);
    const info = await openFile(write('ansi.csv', bytes));
    expect(info).toMatchObject({
      encoding: 'windows-1252',
      bom: false,
      delimiter: ';',
      headers: ['Nombre', 'Dirección', 'Saldo'],
    });
    expect(info.preview).toEqual([
      { Nombre: 'Peña', Dirección: 'Calle mañana', Saldo: '€ 1.500' },
      { Nombre: 'Álvaro', Dirección: 'Av. América', Saldo: '€ 20' },
    ]);
  });

  it('detects Windows-1252 when the first 64 KB are plain ASCII and the accents come later', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `Cliente ${i};${3000000000 + i};Cali`).join('\r\n');
    const tail = Buffer.from(
      Array.from({ length: 200 }, () => 'Pe\xf1a;3001112233;Bogot\xe1').join('\r\n') + '\r\n',
      'latin1',
    );
    const path = write(
      'late-accents.csv',
      Buffer.concat([Buffer.from(`Nombre;Telefono;Ciudad\r\n${ascii}\r\n`), tail]),
    );
    expect((await openFile(path)).encoding).toBe('windows-1252');
  });

  it('reads UTF-16LE and UTF-16BE with BOM (tab-separated, as Excel saves "Unicode text")', async () => {
    const text = 'Nombre\tCiudad\r\nÑandú\tSão Paulo\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    for (const [name, bytes, encoding] of [
      ['le.txt', le, 'utf-16le'],
      ['be.txt', be, 'utf-16be'],
    ] as const) {
      const info = await openFile(write(name, bytes));
      expect(info).toMatchObject({ encoding, bom: true, delimiter: '\t', headers: ['Nombre', 'Ciudad'] });
      expect(info.preview).toEqual([{ Nombre: 'Ñandú', Ciudad: 'São Paulo' }]);
    }
  });

  it('detects tab and pipe delimiters', async () => {
    expect((await openFile(write('tab.tsv', 'a\tb\tc\n1\t2\t3\n'))).delimiter).toBe('\t');
    expect((await openFile(write('pipe.txt', 'a|b|c\n1|2|3\n'))).delimiter).toBe('|');
  });

  it('is not fooled by decimal commas in a semicolon file', async () => {
    const path = write('decimales.csv', 'Nombre;Monto;Saldo\nAna;1,5;2,75\nLuis;3,25;4,5\nMaría;10,0;0,5\n');
    const info = await openFile(path);
    expect(info.delimiter).toBe(';');
    expect(info.preview[0]).toEqual({ Nombre: 'Ana', Monto: '1,5', Saldo: '2,75' });
  });

  it('respects quotes while detecting the delimiter', async () => {
    const path = write('quoted.csv', 'Nombre,Dirección\nAna,"Calle 5; apto 3"\nLuis,"Cra 7; casa 2"\n');
    const info = await openFile(path);
    expect(info.delimiter).toBe(',');
    expect(info.preview).toEqual([
      { Nombre: 'Ana', Dirección: 'Calle 5; apto 3' },
      { Nombre: 'Luis', Dirección: 'Cra 7; casa 2' },
    ]);
  });

  it('honours an Excel sep= first line without calling it a title', async () => {
    const info = await openFile(write('sep.csv', 'sep=,\r\nNombre,Nota\r\nAna,"a;b;c"\r\n'));
    // Excel hides the sep= line: the header is its row 1.
    expect(info).toMatchObject({ delimiter: ',', headerRow: 0, headers: ['Nombre', 'Nota'], warnings: [] });
    expect(info.preview).toEqual([{ Nombre: 'Ana', Nota: 'a;b;c' }]);
  });

  it('finds the header below title lines, padded or not, and says so', async () => {
    const plain = await openFile(
      write('titulo.csv', 'Reporte de casos - Noviembre\n\nNombre;Teléfono;Ciudad\nAna;300;Cali\n'),
    );
    expect(plain).toMatchObject({
      headerRow: 2,
      headers: ['Nombre', 'Teléfono', 'Ciudad'],
      warnings: [{ code: 'file.header-below-title', params: { line: 3 } }],
    });
    expect(plain.preview).toEqual([{ Nombre: 'Ana', Teléfono: '300', Ciudad: 'Cali' }]);

    const padded = await openFile(
      write(
        'titulo2.csv',
        'Reporte de casos;;\r\nGenerado: 01/11/2026;;\r\n;;\r\nNombre;Teléfono;Ciudad\r\nAna;300;Cali\r\n',
      ),
    );
    expect(padded).toMatchObject({ delimiter: ';', headerRow: 3, headers: ['Nombre', 'Teléfono', 'Ciudad'] });
    expect(padded.warnings).toEqual([{ code: 'file.header-below-title', params: { line: 4 } }]);
  });

  it('makes blank and duplicate header names unique and reports each one', async () => {
    const info = await openFile(
      write('dup.csv', 'Nombre,Teléfono,,Teléfono,Teléfono (2), Nombre \nAna,1,2,3,4,5\n'),
    );
    expect(info.headers).toEqual(['Nombre', 'Teléfono', '', 'Teléfono', 'Teléfono (2)', ' Nombre ']);
    expect(info.columns).toEqual([
      'Nombre',
      'Teléfono',
      'column_3',
      'Teléfono (3)',
      'Teléfono (2)',
      'Nombre (2)',
    ]);
    expect(info.warnings).toEqual([
      { code: 'file.header-blank', params: { position: 3, column: 'column_3' } },
      { code: 'file.header-duplicate', params: { header: 'Teléfono', position: 4, column: 'Teléfono (3)' } },
      { code: 'file.header-duplicate', params: { header: 'Nombre', position: 6, column: 'Nombre (2)' } },
    ]);
    expect(info.preview).toEqual([
      {
        Nombre: 'Ana',
        Teléfono: '1',
        column_3: '2',
        'Teléfono (3)': '3',
        'Teléfono (2)': '4',
        'Nombre (2)': '5',
      },
    ]);
  });

  it('drops empty trailing columns Excel pads rows with, but keeps one that holds data', async () => {
    const padded = await openFile(write('pad.csv', 'Nombre;Ciudad;;\nAna;Cali;;\nLuis;Pasto;;\n'));
    expect(padded).toMatchObject({
      headers: ['Nombre', 'Ciudad'],
      columns: ['Nombre', 'Ciudad'],
      warnings: [],
    });
    const used = await openFile(write('used.csv', 'Nombre;Ciudad;\nAna;Cali;x\n'));
    expect(used.columns).toEqual(['Nombre', 'Ciudad', 'column_3']);
    expect(used.warnings).toEqual([
      { code: 'file.header-blank', params: { position: 3, column: 'column_3' } },
    ]);
  });

  it('reads a header with a quoted line break in a CRLF file', async () => {
    const info = await openFile(
      write('multiline-header.csv', 'Nombre;"Fecha\ncierre"\r\nAna;01/02/2026\r\n'),
    );
    expect(info).toMatchObject({ delimiter: ';', headers: ['Nombre', 'Fecha\ncierre'] });
    expect(info.preview).toEqual([{ Nombre: 'Ana', 'Fecha\ncierre': '01/02/2026' }]);
  });

  it('accepts a header-only file with zero rows and a warning', async () => {
    const info = await openFile(write('header.csv', 'Nombre;Teléfono\r\n'));
    expect(info).toMatchObject({
      columns: ['Nombre', 'Teléfono'],
      preview: [],
      warnings: [{ code: 'file.no-data-rows' }],
    });
  });

  it('applies the operator overrides', async () => {
    const path = write('override.csv', 'Titulo;x\nNombre,Ciudad\nPeña,Cali\n');
    const info = await openFile(path, { delimiter: ',', headerRow: 1 });
    expect(info).toMatchObject({ delimiter: ',', headerRow: 1, headers: ['Nombre', 'Ciudad'] });
    expect(info.preview).toEqual([{ Nombre: 'Peña', Ciudad: 'Cali' }]);
    const forced = await openFile(path, { delimiter: ',', headerRow: 1, encoding: 'windows-1252' });
    expect(forced.preview).toEqual([{ Nombre: 'PeÃ±a', Ciudad: 'Cali' }]);
  });

  it('numbers preview rows as Excel and readRows do: title rows counted, quoted line breaks not', async () => {
    const path = write('numbered.csv', 'Reporte\r\nNombre;Nota\r\nAna;"uno\r\ndos"\r\n\r\nLuis;x\r\n');
    const info = await openFile(path);
    expect(info.previewRows).toEqual([3, 5]);
    const rows = [];
    for await (const batch of readRows(info)) rows.push(...batch.map((r) => r.row));
    expect(rows).toEqual(info.previewRows);
  });

  it('takes the header row as Excel numbers rows (a quoted line break is not a row) and refuses one past the end', async () => {
    const path = write('inside.csv', 'Nombre;Nota\nAna;"dos\nlíneas"\nLuis;x\nPedro;y\n');
    expect(await openFile(path, { headerRow: 2 })).toMatchObject({
      headerRow: 2,
      headers: ['Luis', 'x'],
      preview: [{ Luis: 'Pedro', x: 'y' }],
    });
    expect(await openError(path, { headerRow: 40 })).toEqual({
      code: 'file.header-row-not-found',
      params: { line: 41 },
    });
  });

  it('reads only the head of the file', async () => {
    // A broken quote 300 KB down is not seen by openFile: it never read that far.
    const rows = Array.from({ length: 10_000 }, (_, i) => `Cliente ${i};${3000000000 + i}`).join('\n');
    const info = await openFile(write('big.csv', `Nombre;Telefono\n${rows}\nRoto;"sin cerrar\n`));
    expect(info.warnings).toEqual([]);
    expect(info.preview).toHaveLength(20);
    expect(info.preview[19]).toEqual({ Nombre: 'Cliente 19', Telefono: '3000000019' });
  });

  it('opens a file whose second row holds a 50 MB field, reporting it as a warning', async () => {
    const path = write('huge-field.csv', `Nombre;Nota\nAna;"${'x'.repeat(50 * 1024 * 1024)}"\nLuis;ok\n`);
    const info = await openFile(path);
    expect(info).toMatchObject({ columns: ['Nombre', 'Nota'], preview: [] });
    expect(info.warnings).toEqual([{ code: 'file.record-too-large', params: { row: 2, limit: '1 MB' } }]);
  });

  it('reports a file that ends inside a quote after its first rows', async () => {
    const info = await openFile(write('truncated.csv', 'Nombre;Nota\nAna;bien\nLuis;"cortado a la mit'));
    expect(info.preview).toEqual([{ Nombre: 'Ana', Nota: 'bien' }]);
    expect(info.warnings).toEqual([{ code: 'file.unclosed-quote', params: { row: 3 } }]);
  });
});

describe('openFile on bad input', () => {
  it('names a missing file', async () => {
    const path = join(tempDir(), 'no-existe.csv');
    expect(await openError(path)).toEqual({ code: 'file.not-found', params: { path } });
  });

  it('refuses a folder', async () => {
    const path = join(tempDir(), 'carpeta.csv');
    mkdirSync(path);
    expect(await openError(path)).toEqual({ code: 'file.not-a-file', params: { path } });
  });

  it('refuses an empty file, a BOM alone and blank lines alone', async () => {
    expect(await openError(write('vacio.csv', ''))).toEqual({
      code: 'file.empty',
      params: { name: 'vacio.csv' },
    });
    expect(await openError(write('bom.csv', '\uFEFF'))).toEqual({
      code: 'file.empty',
      params: { name: 'bom.csv' },
    });
    expect(await openError(write('blank.csv', '\r\n\r\n;;\r\n'))).toEqual({
      code: 'file.empty',
      params: { name: 'blank.csv' },
    });
  });

  it('refuses a binary file', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      Buffer.alloc(200, 7),
    ]);
    expect(await openError(write('foto.csv', png))).toEqual({
      code: 'file.binary',
      params: { name: 'foto.csv' },
    });
  });

  it('refuses an old .xls workbook and an .xlsx that is not a zip', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    expect(await openError(write('viejo.xls', ole))).toEqual({
      code: 'file.xls-unsupported',
      params: { name: 'viejo.xls' },
    });
    expect(await openError(write('falso.xlsx', 'Nombre;Ciudad\nAna;Cali\n'))).toEqual({
      code: 'file.xlsx-not-zip',
      params: { name: 'falso.xlsx' },
    });
    const emptyZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);
    expect(await openError(write('vacio.xlsx', emptyZip))).toEqual({
      code: 'file.not-a-workbook',
      params: { name: 'vacio.xlsx' },
    });
  });

  it('refuses a first row with a runaway quote', async () => {
    const path = write('runaway.csv', `"Nombre;Ciudad\n${'Ana;Cali\n'.repeat(200_000)}`);
    expect(await openError(path)).toEqual({
      code: 'file.record-too-large',
      params: { row: 1, limit: '1 MB' },
    });
  });
});
