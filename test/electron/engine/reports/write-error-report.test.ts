import { createReadStream, existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import type { ReportRow } from '../../../../electron/engine/reports/report-row';
import { writeErrorReport } from '../../../../electron/engine/reports/write-error-report';
import { msg } from '../../../../shared/messages/catalog';
import { fromArray, useTempDir } from './temp-dir';

const COLUMNS = ['Nombre', 'Teléfono', 'Descripción'];

const ROWS: ReportRow[] = [
  {
    row: 2,
    original: ['Ñandú Pérez', '0573001234', 'Queja; "urgente"\nsegunda línea'],
    outcome: 'failed',
    failureClass: 'row',
    code: '404',
    message: 'REVIEW THE ERROR MESSAGE',
    explanation: msg('report.summary.next-pending', { count: 3 }),
  },
  {
    row: 5,
    original: ['Ana'],
    outcome: 'uncertain',
    failureClass: 'uncertain',
    code: 'ECONNRESET',
    message: 'socket hang up',
  },
  { row: 7, original: ['Luis', '123', 'ok', 'extra'], outcome: 'skipped' },
  {
    // Fixed after Carga's check refused it, not sent again yet.
    row: 9,
    original: ['Carla', '3001234567', ''],
    sent: ['Carla', '3001234567', ''],
    next: ['Carla', '3001234567', 'Nueva descripción'],
    outcome: 'failed',
    failureClass: 'validation',
    code: 'required-missing',
    message: 'required-missing',
    explanation: msg('report.summary.next-pending', { count: 1 }),
  },
  {
    // Fixed and sent again; the CRM refused the fixed value.
    row: 11,
    original: ['Beto', '12', 'Cobro'],
    sent: ['Beto', '3001234', 'Cobro'],
    outcome: 'failed',
    failureClass: 'row',
    code: '417',
    message: 'NUMBER LESS THAN 7 DIGITS',
  },
];

const DANGEROUS = ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx'];

async function readWorkbook(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets[0]!;
}

/** Every row's first `width` cells, a blank cell read as ''. */
function sheetValues(sheet: ExcelJS.Worksheet, width: number): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? ''));
  });
  return rows;
}

function parseCsv(text: string, delimiter = ';'): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const HEADER_ES = [
  'Fila',
  'Nombre',
  'Teléfono',
  'Descripción',
  'Resultado',
  'Tipo de falla',
  'Detectado por',
  'Explicación',
  'Explicación en inglés',
  'Respuesta original del CRM (código y mensaje)',
  'Enviado en el último intento (si difiere del archivo)',
  'Corregido y aún sin enviar',
];

const EXPECTED_ES: (string | number)[][] = [
  HEADER_ES,
  [
    2,
    'Ñandú Pérez',
    '0573001234',
    'Queja; "urgente"\nsegunda línea',
    'Fallida',
    'Rechazada por el CRM',
    'Respuesta del CRM',
    'Quedan filas pendientes (3): reanude la carga para enviarlas.',
    'Rows still pending (3): resume the job to send them.',
    '404 · REVIEW THE ERROR MESSAGE',
    '',
    '',
  ],
  [
    5,
    'Ana',
    '',
    '',
    'Sin confirmar',
    'Sin respuesta después del envío',
    'La conexión (el CRM no respondió)',
    '',
    '',
    'ECONNRESET · socket hang up',
    '',
    '',
  ],
  [7, 'Luis', '123', 'ok', 'Omitida', '', '', '', '', '', '', ''],
  [
    9,
    'Carla',
    '3001234567',
    '',
    'Fallida',
    'Datos inválidos (revisión local)',
    'Revisión de Carga (no se envió)',
    'Quedan filas pendientes (1): reanude la carga para enviarlas.',
    'Rows still pending (1): resume the job to send them.',
    '',
    '',
    'Descripción: «Nueva descripción»',
  ],
  [
    11,
    'Beto',
    '12',
    'Cobro',
    'Fallida',
    'Rechazada por el CRM',
    'Respuesta del CRM',
    '',
    '',
    '417 · NUMBER LESS THAN 7 DIGITS',
    'Teléfono: «3001234»',
    '',
  ],
];

describe('writeErrorReport as CSV', () => {
  const tempDir = useTempDir();

  it('writes UTF-8 with a BOM and CRLF, header in the operator’s language, both explanations', async () => {
    const dir = await tempDir();
    const path = join(dir, 'errores.csv');
    const result = await writeErrorReport({
      path,
      format: 'csv',
      columns: COLUMNS,
      rows: fromArray(ROWS),
      lang: 'es',
    });

    expect(result).toEqual({ rows: 5 });
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe(HEADER_ES.join(';'));
    expect(text).toContain('"Queja; ""urgente""\nsegunda línea"');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(bytes.includes(Buffer.from('Ñandú', 'utf8'))).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual(EXPECTED_ES.map((row) => row.map(String)));
    expect(await readdir(dir)).toEqual(['errores.csv']);
  });

  it('labels the header in English, with the Spanish explanation second, and takes another delimiter', async () => {
    const path = join(await tempDir(), 'errors.csv');
    await writeErrorReport({
      path,
      format: 'csv',
      columns: COLUMNS,
      rows: fromArray(ROWS.slice(0, 1)),
      lang: 'en',
      delimiter: ',',
    });
    const rows = parseCsv((await readFile(path, 'utf8')).slice(1), ',');
    expect(rows).toEqual([
      [
        'Row',
        'Nombre',
        'Teléfono',
        'Descripción',
        'Outcome',
        'Kind of failure',
        'Found by',
        'Explanation',
        'Explanation in Spanish',
        "The CRM's original answer (code and message)",
        'Sent at the last attempt (where it differs from the file)',
        'Corrected and not sent yet',
      ],
      [
        '2',
        'Ñandú Pérez',
        '0573001234',
        'Queja; "urgente"\nsegunda línea',
        'Failed',
        'Rejected by the CRM',
        "The CRM's answer",
        'Rows still pending (3): resume the job to send them.',
        'Quedan filas pendientes (3): reanude la carga para enviarlas.',
        '404 · REVIEW THE ERROR MESSAGE',
        '',
        '',
      ],
    ]);
  });

  it('neutralises every cell that would start a formula, the CRM’s message included', async () => {
    const path = join(await tempDir(), 'errores.csv');
    await writeErrorReport({
      path,
      format: 'csv',
      columns: DANGEROUS.map((_, i) => `c${i}`),
      rows: fromArray<ReportRow>([
        {
          row: 2,
          original: DANGEROUS,
          sent: DANGEROUS.map((cell) => `${cell}!`),
          outcome: 'failed',
          failureClass: 'row',
          code: '-1',
          message: '=cmd|calc',
        },
      ]),
      lang: 'es',
    });
    const [, row] = parseCsv((await readFile(path, 'utf8')).slice(1));
    expect(row?.slice(0, DANGEROUS.length + 1)).toEqual(['2', ...DANGEROUS.map((cell) => `'${cell}`)]);
    // The answer starts with a minus: neutralised; the changes start with a column name: left alone.
    expect(row?.[DANGEROUS.length + 6]).toBe("'-1 · =cmd|calc");
    expect(row?.[DANGEROUS.length + 7]?.split('\n')[0]).toBe('c0: «=HYPERLINK("http://x")!»');
  });

  it('shows an unknown failure class and an unknown explanation code as they are', async () => {
    const path = join(await tempDir(), 'errores.csv');
    const odd = {
      row: 9,
      original: [],
      outcome: 'failed',
      failureClass: 'mystery',
      explanation: { code: 'no.such-code' },
    } as unknown as ReportRow;
    await writeErrorReport({ path, format: 'csv', columns: [], rows: fromArray([odd]), lang: 'es' });
    const [, row] = parseCsv((await readFile(path, 'utf8')).slice(1));
    expect(row).toEqual([
      '9',
      'Fallida',
      'mystery',
      'La conexión (el CRM no respondió)',
      'no.such-code',
      'no.such-code',
      '',
      '',
      '',
    ]);
  });

  it('leaves no file at all when the rows fail halfway, and an earlier report untouched', async () => {
    const dir = await tempDir();
    const path = join(dir, 'errores.csv');
    await writeErrorReport({ path, format: 'csv', columns: COLUMNS, rows: fromArray(ROWS), lang: 'es' });
    const earlier = await readFile(path);
    async function* broken(): AsyncGenerator<ReportRow> {
      for (let n = 0; n < 20_000; n += 1) yield { row: n + 2, original: ['x'.repeat(20)], outcome: 'failed' };
      throw new Error('journal unreadable');
    }
    await expect(
      writeErrorReport({ path, format: 'csv', columns: COLUMNS, rows: broken(), lang: 'es' }),
    ).rejects.toThrow('journal unreadable');
    expect(await readdir(dir)).toEqual(['errores.csv']);
    expect(await readFile(path)).toEqual(earlier);
  });

  it('streams 200,000 rows to disk as they come, under the partial name until complete', async () => {
    const path = join(await tempDir(), 'big.csv');
    const seenWhileWriting: { partialBytes: number; finalExists: boolean }[] = [];
    async function* many(): AsyncGenerator<ReportRow> {
      for (let n = 0; n < 200_000; n += 1) {
        if (n === 150_000)
          seenWhileWriting.push({
            partialBytes: statSync(`${path}.partial`).size,
            finalExists: existsSync(path),
          });
        yield {
          row: n + 2,
          original: [`Cliente ${n}`, '3001234567', 'Descripción'],
          outcome: 'failed',
          code: '404',
          message: 'REVIEW',
        };
      }
    }
    const result = await writeErrorReport({
      path,
      format: 'csv',
      columns: COLUMNS,
      rows: many(),
      lang: 'es',
    });

    expect(result).toEqual({ rows: 200_000 });
    expect(seenWhileWriting).toHaveLength(1);
    expect(seenWhileWriting[0]!.partialBytes).toBeGreaterThan(0);
    expect(seenWhileWriting[0]!.finalExists).toBe(false);

    let count = 0;
    let last: string[] = [];
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(createReadStream(path, 'utf8'), {
        delimiter: ';',
        skipEmptyLines: true,
        step: (step) => {
          count += 1;
          last = step.data;
        },
        complete: () => resolve(),
        error: reject,
      });
    });
    expect(count).toBe(200_001);
    expect(last.slice(0, 2)).toEqual(['200001', 'Cliente 199999']);
  });
});

describe('writeErrorReport as XLSX', () => {
  const tempDir = useTempDir();

  it('writes the same table, row numbers as numbers, header bold and frozen', async () => {
    const dir = await tempDir();
    const path = join(dir, 'errores.xlsx');
    const result = await writeErrorReport({
      path,
      format: 'xlsx',
      columns: COLUMNS,
      rows: fromArray(ROWS),
      lang: 'es',
    });

    expect(result).toEqual({ rows: 5 });
    const sheet = await readWorkbook(path);
    expect(sheet.name).toBe('Errores');
    expect(sheetValues(sheet, HEADER_ES.length)).toEqual(EXPECTED_ES);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(await readdir(dir)).toEqual(['errores.xlsx']);
  });

  it('writes a cell that would start a formula as text, as it was, without a quote', async () => {
    const path = join(await tempDir(), 'errores.xlsx');
    await writeErrorReport({
      path,
      format: 'xlsx',
      columns: DANGEROUS.map((_, i) => `c${i}`),
      rows: fromArray<ReportRow>([
        { row: 2, original: DANGEROUS, outcome: 'failed', failureClass: 'row', code: '+57', message: '@x' },
      ]),
      lang: 'en',
    });
    const sheet = await readWorkbook(path);
    const row = sheet.getRow(2);
    // Excel's in-cell line break is LF: a CR is written as one.
    expect(DANGEROUS.map((_, i) => row.getCell(i + 2).value)).toEqual(
      DANGEROUS.map((cell) => cell.replace('\r', '\n')),
    );
    expect(row.getCell(DANGEROUS.length + 7).value).toBe('+57 · @x');
    expect(DANGEROUS.map((_, i) => row.getCell(i + 2).type)).toEqual(
      DANGEROUS.map(() => ExcelJS.ValueType.String),
    );
  });

  it('leaves no file when the rows fail halfway', async () => {
    const dir = await tempDir();
    const path = join(dir, 'errores.xlsx');
    async function* broken(): AsyncGenerator<ReportRow> {
      for (let n = 0; n < 5_000; n += 1) yield { row: n + 2, original: ['x'], outcome: 'failed' };
      throw new Error('journal unreadable');
    }
    await expect(
      writeErrorReport({ path, format: 'xlsx', columns: COLUMNS, rows: broken(), lang: 'es' }),
    ).rejects.toThrow('journal unreadable');
    expect(await readdir(dir)).toEqual([]);
  });

  it('streams 200,000 rows to disk as they come, under the partial name until complete', async () => {
    const path = join(await tempDir(), 'big.xlsx');
    const seenWhileWriting: { partialBytes: number; finalExists: boolean }[] = [];
    async function* many(): AsyncGenerator<ReportRow> {
      for (let n = 0; n < 200_000; n += 1) {
        if (n === 150_000)
          seenWhileWriting.push({
            partialBytes: statSync(`${path}.partial`).size,
            finalExists: existsSync(path),
          });
        yield { row: n + 2, original: [`Cliente ${n}`], outcome: 'failed', code: '404' };
      }
    }
    const result = await writeErrorReport({
      path,
      format: 'xlsx',
      columns: ['Nombre'],
      rows: many(),
      lang: 'es',
    });

    expect(result).toEqual({ rows: 200_000 });
    expect(seenWhileWriting[0]!.partialBytes).toBeGreaterThan(0);
    expect(seenWhileWriting[0]!.finalExists).toBe(false);

    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'ignore',
      styles: 'ignore',
      hyperlinks: 'ignore',
      worksheets: 'emit',
    });
    let count = 0;
    let last: unknown[] = [];
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        count += 1;
        last = (row.values as unknown[]).slice(1, 3);
      }
    }
    expect(count).toBe(200_001);
    expect(last).toEqual([200_001, 'Cliente 199999']);
  });
});

describe('writeErrorReport with no rows', () => {
  const tempDir = useTempDir();

  it('still writes the header, in CSV and in XLSX', async () => {
    const dir = await tempDir();
    const csv = join(dir, 'errors.csv');
    const xlsx = join(dir, 'errors.xlsx');
    expect(
      await writeErrorReport({
        path: csv,
        format: 'csv',
        columns: ['Name'],
        rows: fromArray([]),
        lang: 'en',
      }),
    ).toEqual({ rows: 0 });
    expect(
      await writeErrorReport({
        path: xlsx,
        format: 'xlsx',
        columns: ['Name'],
        rows: fromArray([]),
        lang: 'en',
      }),
    ).toEqual({ rows: 0 });

    const header = [
      'Row',
      'Name',
      'Outcome',
      'Kind of failure',
      'Found by',
      'Explanation',
      'Explanation in Spanish',
      "The CRM's original answer (code and message)",
      'Sent at the last attempt (where it differs from the file)',
      'Corrected and not sent yet',
    ];
    expect(await readFile(csv, 'utf8')).toBe(`\uFEFF${header.join(';')}\r\n`);
    const sheet = await readWorkbook(xlsx);
    expect(sheet.name).toBe('Errors');
    expect(sheetValues(sheet, header.length)).toEqual([header]);
  });
});

describe('writeErrorReport and secrets', () => {
  const tempDir = useTempDir();

  it('writes nothing it was not given: a token known to the engine appears in no report', async () => {
    // The writers never receive a token; this keeps it that way if someone ever passes more in.
    const token = 'wv-secret-token-7f3a9c';
    const dir = await tempDir();
    for (const format of ['csv', 'xlsx'] as const) {
      const path = join(dir, `errores.${format}`);
      await writeErrorReport({ path, format, columns: COLUMNS, rows: fromArray(ROWS), lang: 'es' });
      const bytes = await readFile(path);
      expect(bytes.includes(Buffer.from(token))).toBe(false);
    }
  });
});
