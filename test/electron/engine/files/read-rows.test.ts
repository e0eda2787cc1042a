import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { countRows } from '../../../../electron/engine/files/count-rows';
import { openFile } from '../../../../electron/engine/files/open-file';
import { readRows } from '../../../../electron/engine/files/read-rows';
import type { RecordPosition } from '../../../../electron/engine/files/record-position';
import type { SourceRow } from '../../../../electron/engine/files/source-row';
import type { FileInfo } from '../../../../shared/contract';
import { isCargaError } from '../../../../shared/errors/carga-error';
import type { Message } from '../../../../shared/messages/message';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

function write(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

async function allRows(info: FileInfo, batchSize?: number): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const batch of readRows(info, { batchSize })) rows.push(...batch);
  return rows;
}

/** The rows read before the file broke, and how it broke. */
async function rowsUntilError(info: FileInfo): Promise<{ rows: SourceRow[]; error: Message }> {
  const rows: SourceRow[] = [];
  try {
    for await (const batch of readRows(info)) rows.push(...batch);
  } catch (error) {
    if (isCargaError(error)) return { rows, error: error.detail };
    throw error;
  }
  throw new Error('readRows did not fail');
}

describe('readRows on CSV files', () => {
  it('numbers rows as Excel does: one per record, whatever quoted line breaks they hold', async () => {
    const path = write(
      'multiline.csv',
      'Nombre;Nota\r\nAna;"uno\ndos\ntres"\r\nLuis;"dijo ""hola"""\r\nMaría;"a\r\nb"\r\nPedro;fin\r\n',
    );
    const rows = await allRows(await openFile(path));
    expect(rows).toEqual([
      { index: 0, row: 2, cells: ['Ana', 'uno\ndos\ntres'] },
      { index: 1, row: 3, cells: ['Luis', 'dijo "hola"'] },
      { index: 2, row: 4, cells: ['María', 'a\r\nb'] },
      { index: 3, row: 5, cells: ['Pedro', 'fin'] },
    ]);
  });

  it('reads LF, CRLF and CR-only files alike, with or without a final line break', async () => {
    for (const [name, text] of [
      ['lf.csv', 'a,b\n1,2\n3,4'],
      ['crlf.csv', 'a,b\r\n1,2\r\n3,4\r\n'],
      ['cr.csv', 'a,b\r1,2\r3,4\r'],
    ] as const) {
      const rows = await allRows(await openFile(write(name, text)));
      expect(rows, name).toEqual([
        { index: 0, row: 2, cells: ['1', '2'] },
        { index: 1, row: 3, cells: ['3', '4'] },
      ]);
    }
  });

  it('flags ragged rows and keeps cells aligned to the columns', async () => {
    const path = write(
      'ragged.csv',
      'Nombre;Ciudad;Estado\nAna;Cali;open\nLuis;Pasto\nMaría;Neiva;open;extra;\nPedro;Tunja;open;;\n',
    );
    const rows = await allRows(await openFile(path));
    expect(rows).toEqual([
      { index: 0, row: 2, cells: ['Ana', 'Cali', 'open'] },
      {
        index: 1,
        row: 3,
        cells: ['Luis', 'Pasto', ''],
        ragged: { code: 'file.row-short', params: { row: 3, expected: 3, found: 2 } },
      },
      {
        index: 2,
        row: 4,
        cells: ['María', 'Neiva', 'open'],
        ragged: { code: 'file.row-long', params: { row: 4, expected: 3, found: 4 } },
      },
      { index: 3, row: 5, cells: ['Pedro', 'Tunja', 'open'] },
    ]);
  });

  it('skips blank lines and empty rows without giving them an index', async () => {
    const path = write('blank.csv', 'Nombre;Ciudad\n\nAna;Cali\n;\n  ;  \nLuis;Pasto\n\n');
    expect(await allRows(await openFile(path))).toEqual([
      { index: 0, row: 3, cells: ['Ana', 'Cali'] },
      { index: 1, row: 6, cells: ['Luis', 'Pasto'] },
    ]);
  });

  it('starts after a header below a sep= line and title lines', async () => {
    const path = write('titles.csv', 'sep=;\nReporte de casos\n\nNombre;Ciudad\nAna;Cali\n');
    // Excel hides the sep= line: title 1, blank 2, header 3, Ana 4.
    expect(await allRows(await openFile(path))).toEqual([{ index: 0, row: 4, cells: ['Ana', 'Cali'] }]);
  });

  it('yields batches of the requested size', async () => {
    const path = write('batches.csv', 'n\n1\n2\n3\n4\n5\n');
    const sizes: number[] = [];
    for await (const batch of readRows(await openFile(path), { batchSize: 2 })) sizes.push(batch.length);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('decodes Windows-1252, UTF-16LE and multi-byte UTF-8 split across read chunks', async () => {
    // 'ñ' in UTF-8 straddles the 64 KiB boundary between two reads.
    const filler = 'x'.repeat(65536 - 'Nombre\n'.length - 1);
    const utf8 = await allRows(await openFile(write('split.csv', `Nombre\n${filler}ñ\nPeña\n`)));
    expect(utf8.map((r) => r.cells[0]!.slice(-2))).toEqual(['xñ', 'ña']);

    const ansi = iconv.encode(`Nombre;Ciudad\r\n${'Peña;Bogotá\r\n'.repeat(20_000)}`, 'windows1252');
    const ansiRows = await allRows(await openFile(write('ansi.csv', ansi)));
    expect(ansiRows).toHaveLength(20_000);
    expect(ansiRows.every((r) => r.cells[0] === 'Peña' && r.cells[1] === 'Bogotá')).toBe(true);

    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(`Nombre\tCiudad\r\n${'Ñandú\tSão Paulo\r\n'.repeat(10_000)}`, 'utf16le'),
    ]);
    const utf16Rows = await allRows(await openFile(write('utf16.txt', utf16)));
    expect(utf16Rows).toHaveLength(10_000);
    expect(utf16Rows[9_999]).toEqual({ index: 9_999, row: 10_001, cells: ['Ñandú', 'São Paulo'] });
  });

  it('reads the file only as fast as the consumer pulls', async () => {
    // 8 MB: after the first batch, rewrite the last row in place. Had the reader run ahead to the
    // end of the file, it would return the old value.
    const rows = Array.from({ length: 400_000 }, (_, i) => `fila ${String(i).padStart(6, '0')};valor`);
    const path = write('lazy.csv', `Nombre;Valor\n${rows.join('\n')}\n`);
    const batches = readRows(await openFile(path))[Symbol.asyncIterator]();
    const first = await batches.next();
    expect(first.done).toBe(false);
    const fd = openSync(path, 'r+');
    const text = `Nombre;Valor\n${rows.join('\n')}\n`;
    writeSync(fd, 'NUEVO', Buffer.byteLength(text) - 'valor\n'.length);
    closeSync(fd);
    let last: SourceRow | undefined;
    for (let next = await batches.next(); !next.done; next = await batches.next()) last = next.value.at(-1);
    expect(last).toEqual({ index: 399_999, row: 400_001, cells: ['fila 399999', 'NUEVO'] });
  });

  it('stops when its signal is aborted', async () => {
    const path = write('abort.csv', `n\n${'1\n'.repeat(10_000)}`);
    const controller = new AbortController();
    const batches = readRows(await openFile(path), { signal: controller.signal, batchSize: 100 })[
      Symbol.asyncIterator
    ]();
    await batches.next();
    controller.abort();
    await expect(batches.next()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('flags a row with misplaced quotes instead of guessing silently', async () => {
    const path = write('bad-quotes.csv', 'Nombre;Nota\nAna;"dijo "hola" y se fue"\nLuis;ok\n');
    expect(await allRows(await openFile(path))).toEqual([
      {
        index: 0,
        row: 2,
        cells: ['Ana', 'dijo "hola" y se fue'],
        ragged: { code: 'file.row-bad-quotes', params: { row: 2, lines: 1 } },
      },
      { index: 1, row: 3, cells: ['Luis', 'ok'] },
    ]);
  });

  it('names the row of a quote left open at the end of a truncated file', async () => {
    const path = write('truncated.csv', 'Nombre;Nota\nAna;bien\nLuis;"cortado\na la mit');
    const { rows, error } = await rowsUntilError(await openFile(path));
    expect(rows).toEqual([{ index: 0, row: 2, cells: ['Ana', 'bien'] }]);
    expect(error).toEqual({ code: 'file.unclosed-quote', params: { row: 3 } });
  });

  it('refuses a 50 MB field by naming its row, after the rows before it', async () => {
    const path = write(
      'huge.csv',
      `Nombre;Nota\nAna;corta\nLuis;"${'x'.repeat(50 * 1024 * 1024)}"\nMaría;fin\n`,
    );
    const { rows, error } = await rowsUntilError(await openFile(path));
    expect(rows).toEqual([{ index: 0, row: 2, cells: ['Ana', 'corta'] }]);
    expect(error).toEqual({ code: 'file.record-too-large', params: { row: 3, limit: '1 MB' } });
  });

  it('reports a UTF-8 file with a Windows-1252 line: where, and the row flagged instead of garbled', async () => {
    const head = `Nombre;Ciudad\n${'Peña;Bogotá\n'.repeat(10_000)}`;
    const bytes = Buffer.concat([
      Buffer.from(head),
      Buffer.from('Mu'),
      Buffer.from([0xf1]),
      Buffer.from('oz;Cali\nLuis;Neiva\n'),
    ]);
    const info = await openFile(write('mixed.csv', bytes));
    expect(info.encoding).toBe('utf-8');
    expect(info.warnings).toEqual([
      {
        code: 'file.mixed-encoding',
        params: { encoding: 'UTF-8', line: 10_002, byte: Buffer.byteLength(head) + 3 },
      },
    ]);
    const rows = await allRows(info);
    expect(rows).toHaveLength(10_002);
    expect(rows[10_000]).toMatchObject({
      row: 10_002,
      ragged: { code: 'file.row-other-encoding', params: { row: 10_002, encoding: 'UTF-8' } },
    });
    expect(rows[10_001]).toEqual({ index: 10_001, row: 10_003, cells: ['Luis', 'Neiva'] });
    expect(rows.filter((r) => r.ragged)).toHaveLength(1);
  });

  it('reports UTF-8 lines in a Windows-1252 file, and the operator can pick either encoding', async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) =>
      i === 3_000 ? Buffer.from('José Muñoz;Bogotá\n') : iconv.encode(`Peña ${i};“Cúcuta”\n`, 'windows1252'),
    );
    const path = write('mezcla.csv', Buffer.concat([Buffer.from('Nombre;Ciudad\n'), ...lines]));
    const info = await openFile(path);
    expect(info.encoding).toBe('windows-1252');
    expect(info.warnings).toEqual([
      {
        code: 'file.mixed-encoding',
        params: expect.objectContaining({ encoding: 'Windows-1252', line: 3_002 }),
      },
    ]);
    const rows = await allRows(info);
    expect(rows[0]).toEqual({ index: 0, row: 2, cells: ['Peña 0', '“Cúcuta”'] });
    expect(rows.filter((r) => r.ragged).map((r) => r.ragged)).toEqual([
      { code: 'file.row-other-encoding', params: { row: 3_002, encoding: 'Windows-1252' } },
    ]);

    const asUtf8 = await openFile(path, { encoding: 'utf-8' });
    expect(asUtf8.warnings).toEqual([
      { code: 'file.mixed-encoding', params: { encoding: 'UTF-8', line: 2, byte: 17 } },
    ]);
    const utf8Rows = await allRows(asUtf8);
    expect(utf8Rows[3_000]).toEqual({ index: 3_000, row: 3_002, cells: ['José Muñoz', 'Bogotá'] });
    expect(utf8Rows.filter((r) => r.ragged)).toHaveLength(4_999);
  });

  it('does not mistake Windows-1252 text for UTF-8', async () => {
    const text = 'Nombre;Nota\n“ACCIÓN” Peña;¿Sí? ¡Ñandú! 5 €\nÁlvaro;—\n';
    const info = await openFile(write('w1252.csv', iconv.encode(text, 'windows1252')));
    expect(info).toMatchObject({ encoding: 'windows-1252', warnings: [] });
    expect((await allRows(info)).map((r) => r.cells)).toEqual([
      ['“ACCIÓN” Peña', '¿Sí? ¡Ñandú! 5 €'],
      ['Álvaro', '—'],
    ]);
  });
});

describe('readRows from a position in the middle of a CSV', () => {
  /** Every position countRows reports, each read from: the rows there are the rows read from the top. */
  async function expectEveryPositionReadsTheSame(info: FileInfo): Promise<number> {
    const everyRow = await allRows(info);
    const starts: { position: RecordPosition; index: number }[] = [];
    const count = await countRows(info, undefined, (position, index) => starts.push({ position, index }));
    expect(count).toBe(everyRow.length);
    for (const from of starts) {
      // Past the last data row (blank records only after it), there is nothing to read.
      const batch =
        ((await readRows(info, { from, batchSize: 3 }).next()).value as SourceRow[] | undefined) ?? [];
      expect(batch, `from row index ${from.index}`).toEqual(everyRow.slice(from.index, from.index + 3));
    }
    return starts.length;
  }

  it('gives the rows and Excel row numbers a read from the top gives, in every encoding and line break', async () => {
    // Quoted line breaks, a BOM, a title line above the header, ragged and blank rows, accents.
    const body = Array.from({ length: 3_000 }, (_, i) =>
      i % 7 === 0
        ? `"Peña\nNº ${i}";Bogotá;"dijo ""sí"""`
        : i % 11 === 0
          ? `;;`
          : `Muñoz ${i};São Paulo${i % 13 === 0 ? ';extra;celda' : ''};${'ñ'.repeat(i % 40)}`,
    );
    const text = `Reporte\r\nNombre;Ciudad;Nota\r\n${body.join('\r\n')}\r\n`;
    const utf8 = write('medio.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(await expectEveryPositionReadsTheSame(await openFile(utf8))).toBeGreaterThan(2);
    const ansi = write('medio-ansi.csv', iconv.encode(text.replaceAll('\r\n', '\n'), 'windows1252'));
    expect(
      await expectEveryPositionReadsTheSame(await openFile(ansi, { encoding: 'windows-1252' })),
    ).toBeGreaterThan(1);
    const utf16 = write(
      'medio.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text.replaceAll(';', '\t'), 'utf16le')]),
    );
    expect(await expectEveryPositionReadsTheSame(await openFile(utf16))).toBeGreaterThan(2);
  });

  it('gives no position past a byte that is not UTF-8 (its length in the file cannot be known)', async () => {
    const rows = Array.from({ length: 4_000 }, (_, i) => `Fila ${i};${'x'.repeat(60)}`);
    const bytes = Buffer.from(`Nombre;Nota\n${rows.join('\n')}\n`);
    // A Windows-1252 'ñ' a third of the way down.
    const at = bytes.indexOf('Fila 1300;');
    bytes[at + 1] = 0xf1;
    const info = await openFile(write('roto.csv', bytes), { encoding: 'utf-8' });
    const offsets: number[] = [];
    await countRows(info, undefined, (position) => offsets.push(position.offset));
    expect(offsets.length).toBeGreaterThan(0);
    expect(Math.max(...offsets)).toBeLessThan(at);
    expect(await expectEveryPositionReadsTheSame(info)).toBe(offsets.length);
  });
});
