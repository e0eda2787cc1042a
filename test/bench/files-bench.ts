import { execFile } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { padding, SHEET_HEAD, SHEET_TAIL, workbookParts, writeZip } from '../support/xlsx-writer';

/**
 * File reading figures of issue 10 (items 3, 4) and issue 8 (item 8), each against its bare
 * baseline, median of 3 runs, every run in its own process (peak RSS is the process's own):
 * - `inspect` (open + count every row) of a 1M-row Windows-1252 CSV vs its UTF-8 twin;
 * - `inspect` of a 200k-row XLSX vs a bare exceljs streaming read of every row;
 * - the two zip bombs of issue 8 through `carga inspect`: exit code, time, peak RSS, temp files.
 * Run alone with `npx tsx test/bench/files-bench.ts`.
 */
const ROOT = join(import.meta.dirname, '../..');
const RUNS = 3;
const CSV_ROWS = 1_000_000;
const XLSX_ROWS = 200_000;
const MB = 1024 * 1024;

type Mode = 'inspect' | 'exceljs';

interface Measurement {
  seconds: number;
  cpuSeconds: number;
  rows: number;
  peakRssMb: number;
}

const CITIES = ['Bogotá', 'Medellín', 'Cali', 'Barranquilla', 'Cúcuta', 'Ibagué'];

function caseLine(i: number): string {
  const note = i % 50 === 0 ? `"Cliente informa: ""no funciona"";\nrevisar la línea ${i} mañana"` : `Información “${i}” — señal débil`;
  return [`Peña ${i}`, `josé.muñoz${i}@correo.com.co`, CITIES[i % CITIES.length], note, String(3_000_000_000 + i), `${(i % 28) + 1}/03/2026`].join(';');
}

async function writeCsv(path: string, encoding: 'utf-8' | 'windows-1252'): Promise<void> {
  const out = createWriteStream(path);
  const encode = (text: string): Buffer => (encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, 'windows1252'));
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
    const row = sheet.addRow([`Cliente ${i}`, `cliente${i}@correo.com.co`, CITIES[i % CITIES.length], 3_000_000_000 + i, new Date(Date.UTC(2026, i % 12, (i % 28) + 1)), i * 1.5, `Información del caso ${i % 5000}`]);
    row.getCell(5).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  await workbook.commit();
}

const SST_HEAD = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** Issue 8's bombs: 8 MB whose shared strings unpack to 2.4 GB; 38 MB whose sheet unpacks to 1.9 GB. */
async function writeBombs(dir: string): Promise<{ strings: string; sheet: string }> {
  const strings = join(dir, 'bomba-textos.xlsx');
  const sheet = join(dir, 'bomba-hoja.xlsx');
  const small = { name: 's', text: `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}` };
  await writeZip(strings, workbookParts([small], [{ name: 'xl/sharedStrings.xml', head: SST_HEAD, unit: `<si><t>${'A'.repeat(MB - 16)}</t></si>`, times: 2400, tail: '</sst>' }, padding(5_400_000)]));
  const row = '<row><c t="inlineStr"><is><t>Cliente de prueba</t></is></c><c><v>3001234567</v></c></row>';
  await writeZip(sheet, workbookParts([{ name: 's', head: SHEET_HEAD, unit: row.repeat(Math.floor(MB / row.length)), times: 1900, tail: SHEET_TAIL }], [{ name: 'xl/sharedStrings.xml', text: `${SST_HEAD}</sst>` }, padding(36_000_000)]));
  return { strings, sheet };
}

async function measureInspect(path: string): Promise<number> {
  const { openFile } = await import('../../electron/engine/files/open-file');
  const { countRows } = await import('../../electron/engine/files/count-rows');
  return countRows(await openFile(path));
}

async function measureExceljs(path: string): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let rows = 0;
  for await (const worksheet of reader) for await (const row of worksheet) rows += row.number > 0 ? 1 : 0;
  return rows - 1;
}

async function measureInChild(mode: Mode, path: string): Promise<Measurement> {
  const { stdout } = await runTsx([import.meta.filename, '--measure', mode, path], {});
  return JSON.parse(stdout) as Measurement;
}

function runTsx(args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((done) => {
    execFile(join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
      done({ stdout, stderr, code: error ? Number(error.code ?? 1) : 0 }),
    );
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Summary {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  rows: number;
}

async function compare(pairs: readonly { label: string; mode: Mode; path: string }[]): Promise<Summary[]> {
  const runs: Measurement[][] = pairs.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, pair] of pairs.entries()) runs[k]!.push(await measureInChild(pair.mode, pair.path));
  }
  return runs.map((measurements) => ({
    seconds: median(measurements.map((m) => m.seconds)),
    cpuSeconds: median(measurements.map((m) => m.cpuSeconds)),
    peakRssMb: Math.max(...measurements.map((m) => m.peakRssMb)),
    rows: measurements[0]!.rows,
  }));
}

const line = (name: string, s: Summary, extra = ''): string =>
  `${name.padEnd(40)} ${s.seconds.toFixed(2).padStart(6)} s wall ${s.cpuSeconds.toFixed(2).padStart(6)} s CPU ${s.peakRssMb.toFixed(0).padStart(5)} MB peak RSS ${s.rows.toLocaleString('en-US').padStart(10)} rows ${extra}`;
const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');

export async function filesBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'carga-files-bench-'));
  try {
    const utf8 = join(dir, 'casos-utf8.csv');
    const w1252 = join(dir, 'casos-1252.csv');
    await writeCsv(utf8, 'utf-8');
    await writeCsv(w1252, 'windows-1252');
    const [u, w] = await compare([
      { label: 'utf8', mode: 'inspect', path: utf8 },
      { label: '1252', mode: 'inspect', path: w1252 },
    ]);
    const ratio1252 = w!.seconds / u!.seconds;
    console.log(`\nInspect (open + count) of ${CSV_ROWS.toLocaleString('en-US')} rows, ${(statSync(utf8).size / 1e6).toFixed(0)} MB (median of ${RUNS}, each in its own process)`);
    console.log(line('UTF-8 twin', u!));
    console.log(line('Windows-1252', w!, `ratio ${ratio1252.toFixed(2)} (CPU ${(w!.cpuSeconds / u!.cpuSeconds).toFixed(2)})`));
    console.log(`Targets: Windows-1252 ≤ 1.2× UTF-8 ${verdict(ratio1252 <= 1.2)}; peak RSS ≤ 200 MB ${verdict(w!.peakRssMb <= 200)}`);

    const xlsx = join(dir, 'casos.xlsx');
    await writeXlsx(xlsx);
    const [bare, carga] = await compare([
      { label: 'exceljs', mode: 'exceljs', path: xlsx },
      { label: 'carga', mode: 'inspect', path: xlsx },
    ]);
    const ratioXlsx = carga!.seconds / bare!.seconds;
    console.log(`\nXLSX of ${XLSX_ROWS.toLocaleString('en-US')} rows, ${(statSync(xlsx).size / 1e6).toFixed(0)} MB`);
    console.log(line('exceljs streaming read, bare', bare!));
    console.log(line('Carga inspect (open + count)', carga!, `ratio ${ratioXlsx.toFixed(2)} (CPU ${(carga!.cpuSeconds / bare!.cpuSeconds).toFixed(2)})`));
    console.log(`Targets: ≤ 1.1× exceljs ${verdict(ratioXlsx <= 1.1)}; peak RSS ≤ 250 MB ${verdict(carga!.peakRssMb <= 250)}`);

    const bombs = await writeBombs(dir);
    console.log('\nZip bombs through `carga inspect` (whole process, tsx start-up included)');
    for (const [label, path] of [
      ['8 MB, shared strings → 2.4 GB', bombs.strings],
      ['38 MB, sheet → 1.9 GB', bombs.sheet],
    ] as const) {
      const tmp = join(dir, `tmp-${readdirSync(dir).length}`);
      mkdirSync(tmp);
      const started = performance.now();
      const { stdout, code } = await runTsx([import.meta.filename, '--inspect-bomb', path], { TMPDIR: tmp });
      const seconds = (performance.now() - started) / 1000;
      const { exit, peakRssMb } = JSON.parse(stdout) as { exit: number; peakRssMb: number };
      const left = readdirSync(tmp).filter((name) => name !== 'node-compile-cache' && !name.startsWith('tsx-'));
      console.log(
        `${label.padEnd(34)} exit ${exit} (process ${code}) ${seconds.toFixed(2).padStart(6)} s ${peakRssMb.toFixed(0).padStart(5)} MB peak RSS, temp files left ${left.length} — targets exit 2, < 10 s, < 500 MB: ${verdict(exit === 2 && seconds < 10 && peakRssMb < 500 && left.length === 0)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const self = resolve(process.argv[1] ?? '') === import.meta.filename;
if (self && process.argv[2] === '--measure') {
  const mode = process.argv[3] as Mode;
  const started = performance.now();
  const rows = await (mode === 'exceljs' ? measureExceljs : measureInspect)(process.argv[4]!);
  const usage = process.resourceUsage();
  const measurement: Measurement = { seconds: (performance.now() - started) / 1000, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, rows, peakRssMb: usage.maxRSS / 1024 };
  process.stdout.write(JSON.stringify(measurement));
} else if (self && process.argv[2] === '--inspect-bomb') {
  const { inspect } = await import('../../electron/cli/inspect');
  const exit = await inspect([process.argv[3]!], { stdout: () => undefined, stderr: () => undefined, env: {}, isTTY: false, cwd: ROOT });
  process.stdout.write(JSON.stringify({ exit, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
} else if (self) {
  await filesBench();
}
