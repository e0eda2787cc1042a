import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import iconv from 'iconv-lite';

import { padding, SHEET_HEAD, SHEET_TAIL, workbookParts, writeZip } from '../support/xlsx-writer';
import { median, printFigures, type BenchFigure, type BenchPart } from './bench-figure';
import { alternate, ROOT, runProcess, type ProcessRun } from './measure-process';

/**
 * File reading figures of issue 10 (items 3, 4) and issue 8 (item 8), each against its bare
 * baseline, median of 3 alternated runs, every run a whole process:
 * - `inspect` (open + count every row) of a 1M-row Windows-1252 CSV vs its UTF-8 twin;
 * - `inspect` of a 200k-row XLSX vs a bare exceljs streaming read of every row;
 * - the two zip bombs of issue 8 through `carga inspect`: exit code, time, peak RSS, temp files
 *   left in the process's own TMPDIR.
 * Run alone with `npx tsx test/bench/files-bench.ts`.
 */
const RUNS = 3;
const CSV_ROWS = 1_000_000;
const XLSX_ROWS = 200_000;
const MB = 1024 * 1024;

const CITIES = ['Bogotá', 'Medellín', 'Cali', 'Barranquilla', 'Cúcuta', 'Ibagué'];

function caseLine(i: number): string {
  const note =
    i % 50 === 0
      ? `"Cliente informa: ""no funciona"";\nrevisar la línea ${i} mañana"`
      : `Información “${i}” — señal débil`;
  return [
    `Peña ${i}`,
    `josé.muñoz${i}@correo.com.co`,
    CITIES[i % CITIES.length],
    note,
    String(3_000_000_000 + i),
    `${(i % 28) + 1}/03/2026`,
  ].join(';');
}

async function writeCsv(path: string, encoding: 'utf-8' | 'windows-1252'): Promise<void> {
  const out = createWriteStream(path);
  const encode = (text: string): Buffer =>
    encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, 'windows1252');
  let pending = 'Nombre;Correo;Ciudad;Nota;Teléfono;Fecha\r\n';
  for (let i = 0; i < CSV_ROWS; i++) {
    pending += `${caseLine(i)}\r\n`;
    if (pending.length > MB) {
      if (!out.write(encode(pending))) await new Promise<void>((done) => out.once('drain', () => done()));
      pending = '';
    }
  }
  await new Promise<void>((done, fail) => out.end(encode(pending), () => done()).once('error', fail));
}

/** A workbook as Excel writes it: shared strings after the sheet, dates, long numbers. */
async function writeXlsx(path: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Casos');
  sheet.addRow(['Nombre', 'Correo', 'Ciudad', 'Teléfono', 'Fecha', 'Monto', 'Descripción']).commit();
  for (let i = 0; i < XLSX_ROWS; i++) {
    const row = sheet.addRow([
      `Cliente ${i}`,
      `cliente${i}@correo.com.co`,
      CITIES[i % CITIES.length],
      3_000_000_000 + i,
      new Date(Date.UTC(2026, i % 12, (i % 28) + 1)),
      i * 1.5,
      `Información del caso ${i % 5000}`,
    ]);
    row.getCell(5).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  await workbook.commit();
}

const SST_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** Issue 8's bombs: 8 MB whose shared strings unpack to 2.4 GB; 38 MB whose sheet unpacks to 1.9 GB. */
async function writeBombs(dir: string): Promise<{ strings: string; sheet: string }> {
  const strings = join(dir, 'bomba-textos.xlsx');
  const sheet = join(dir, 'bomba-hoja.xlsx');
  const small = {
    name: 's',
    text: `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`,
  };
  await writeZip(
    strings,
    workbookParts(
      [small],
      [
        {
          name: 'xl/sharedStrings.xml',
          head: SST_HEAD,
          unit: `<si><t>${'A'.repeat(MB - 16)}</t></si>`,
          times: 2400,
          tail: '</sst>',
        },
        padding(5_400_000),
      ],
    ),
  );
  const row = '<row><c t="inlineStr"><is><t>Cliente de prueba</t></is></c><c><v>3001234567</v></c></row>';
  await writeZip(
    sheet,
    workbookParts(
      [
        {
          name: 's',
          head: SHEET_HEAD,
          unit: row.repeat(Math.floor(MB / row.length)),
          times: 1900,
          tail: SHEET_TAIL,
        },
      ],
      [{ name: 'xl/sharedStrings.xml', text: `${SST_HEAD}</sst>` }, padding(36_000_000)],
    ),
  );
  return { strings, sheet };
}

/** `carga inspect --json` (open + count every row), whole process, start-up included. */
function inspectProcess(
  path: string,
  env: Record<string, string> = {},
  codes: readonly number[] = [0],
): Promise<ProcessRun> {
  return runProcess(
    process.execPath,
    [join(ROOT, 'bin/carga.js'), 'inspect', path, '--json', '--lang', 'en'],
    { env, codes },
  );
}

function rowCountOf(run: ProcessRun): number {
  return (JSON.parse(run.stdout) as { rowCount: number }).rowCount;
}

export const filesBench: BenchPart = {
  name: 'files',
  async run(): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'carga-files-bench-'));
    try {
      const figures: BenchFigure[] = [];
      const utf8 = join(dir, 'casos-utf8.csv');
      const w1252 = join(dir, 'casos-1252.csv');
      await writeCsv(utf8, 'utf-8');
      await writeCsv(w1252, 'windows-1252');
      const csv = await alternate(
        RUNS,
        () => inspectProcess(w1252),
        () => inspectProcess(utf8),
      );
      const counted = rowCountOf(csv.carga.runs[0]!);
      figures.push(
        {
          figure: `\`carga inspect\` ${(CSV_ROWS / 1e6).toFixed(0)}M rows Windows-1252 (${(statSync(w1252).size / 1e6).toFixed(0)} MB), whole process`,
          carga: { value: csv.carga.seconds, unit: 's' },
          baseline: { value: csv.baseline.seconds, unit: 's', label: 'its UTF-8 twin' },
          target: { kind: 'ratio-at-most', ratio: 1.2 },
          note: `UTF-8 twin peak RSS ${csv.baseline.peakRssMb.toFixed(0)} MB${counted === CSV_ROWS ? '' : `; rows counted ${counted}, expected ${CSV_ROWS}`}`,
        },
        {
          figure: '`carga inspect` Windows-1252, peak RSS',
          carga: { value: csv.carga.peakRssMb, unit: 'MB' },
          target: { kind: 'at-most', value: 200 },
        },
      );

      const xlsx = join(dir, 'casos.xlsx');
      await writeXlsx(xlsx);
      const book = await alternate(
        RUNS,
        () => inspectProcess(xlsx),
        () => runProcess(process.execPath, [join(import.meta.dirname, 'bare/exceljs-read.mjs'), xlsx]),
      );
      figures.push(
        {
          figure: `\`carga inspect\` ${(XLSX_ROWS / 1000).toFixed(0)}k-row XLSX (${(statSync(xlsx).size / 1e6).toFixed(0)} MB), whole process`,
          carga: { value: book.carga.seconds, unit: 's' },
          baseline: { value: book.baseline.seconds, unit: 's', label: 'exceljs streaming read, plain Node' },
          target: { kind: 'ratio-at-most', ratio: 1.1 },
          note: `exceljs peak RSS ${book.baseline.peakRssMb.toFixed(0)} MB; rows counted ${rowCountOf(book.carga.runs[0]!)}, exceljs ${book.baseline.runs[0]!.stdout.trim()}`,
        },
        {
          figure: '`carga inspect` XLSX, peak RSS',
          carga: { value: book.carga.peakRssMb, unit: 'MB' },
          target: { kind: 'at-most', value: 250 },
        },
      );

      const bombs = await writeBombs(dir);
      for (const [label, path] of [
        ['8 MB XLSX, shared strings → 2.4 GB', bombs.strings],
        ['38 MB XLSX, sheet → 1.9 GB', bombs.sheet],
      ] as const) {
        const tmp = join(dir, `tmp-${readdirSync(dir).length}`);
        mkdirSync(tmp);
        const runs: ProcessRun[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await inspectProcess(path, { TMPDIR: tmp }, [2]));
        const left = readdirSync(tmp).filter(
          (name) => name !== 'node-compile-cache' && !name.startsWith('tsx-'),
        );
        const note = `exit ${runs.map((r) => r.code).join('/')} (2 expected), temp files left ${left.length}`;
        figures.push(
          {
            figure: `\`carga inspect\` ${label}, refused`,
            carga: { value: median(runs.map((r) => r.seconds)), unit: 's' },
            target: { kind: 'at-most', value: 10 },
            note,
          },
          {
            figure: `\`carga inspect\` ${label}, peak RSS`,
            carga: { value: Math.max(...runs.map((r) => r.peakRssMb)), unit: 'MB' },
            target: { kind: 'at-most', value: 500 },
          },
        );
      }
      return figures;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

if (resolve(process.argv[1] ?? '') === import.meta.filename) printFigures(await filesBench.run());
