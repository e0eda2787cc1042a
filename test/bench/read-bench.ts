import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { openFile } from '../../electron/engine/files/open-file';
import { readRows } from '../../electron/engine/files/read-rows';
import { compileMapping } from '../../shared/mapping/compile-mapping';
import { templateSchema } from '../../shared/template';
import type { TemplateInput } from '../../shared/template';
import { checkRow } from '../../shared/validation/check-row';

const ROOT = join(import.meta.dirname, '../..');
const ROWS = 1_000_000;
/** Each figure is the median of this many runs, alternating, each in a fresh process. */
const RUNS = 3;

const HEADER = ['Tipo de caso', 'Responsable', 'Propietario', 'Correo contacto', 'Descripción', 'Estado', 'Prioridad', 'Ciudad', 'Fecha de cierre', 'Teléfono'];

const TEMPLATE = templateSchema.parse({
  name: 'Bench casos',
  target: 'wolkvox-crm-cases',
  columns: {
    'Tipo de caso': 'case-type',
    Responsable: 'responsible',
    Propietario: 'owner',
    'Correo contacto': 'contact',
    Descripción: 'description',
    Estado: 'status',
    Prioridad: 'priority',
    Ciudad: 'form.Ciudad',
    'Fecha de cierre': 'form.Fecha cierre',
    Teléfono: 'form.Teléfono',
  },
  // The engine merges the connection's operation into the constants; a bench has no connection.
  constants: { operation: 'bench' },
} satisfies TemplateInput);

const TYPES = ['Solicitud', 'Queja', 'Reclamo', 'Sugerencia'];
const STATUSES = ['Abierto', 'Cerrado'];
const PRIORITIES = ['Alta', 'Media', 'Baja'];
const CITIES = ['Bogotá', 'Medellín', 'Cali', 'Barranquilla', 'Cúcuta', 'Ibagué'];
const NAMES = ['josé.pérez', 'maría.gómez', 'andrés.muñoz', 'lucía.peña', 'martín.ríos'];

/** A Spanish-locale Excel export: `;`, CRLF, accents, quoted descriptions with delimiters and
 * quotes in them, and every 50th one spanning two lines. */
function caseLine(i: number): string {
  const description =
    i % 50 === 0
      ? `"Cliente informa: ""no funciona"";\nrevisar la línea ${i} mañana"`
      : i % 7 === 0
        ? `"Cobro duplicado; factura ${i}, según extracto"`
        : `Información sobre el servicio ${i}`;
  const day = String((i % 28) + 1).padStart(2, '0');
  return [
    TYPES[i % TYPES.length],
    `agente${i % 40}@operacion`,
    `supervisor${i % 5}@operacion`,
    `${NAMES[i % NAMES.length]}${i}@correo.com.co`,
    description,
    STATUSES[i % STATUSES.length],
    PRIORITIES[i % PRIORITIES.length],
    CITIES[i % CITIES.length],
    `${day}/03/2026`,
    String(3_000_000_000 + i),
  ].join(';');
}

async function writeBenchFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  let pending = `${HEADER.join(';')}\r\n`;
  for (let i = 0; i < ROWS; i++) {
    pending += `${caseLine(i)}\r\n`;
    if (pending.length > 1 << 20) {
      if (!out.write(pending)) await new Promise<void>((done) => out.once('drain', () => done()));
      pending = '';
    }
  }
  await new Promise<void>((done, fail) => out.end(pending, () => done()).once('error', fail));
}

interface Measurement {
  seconds: number;
  rows: number;
  invalid: number;
  peakRssMb: number;
}

type Mode = 'bare' | 'read' | 'carga';

/** papaparse's own Node stream mode over Node's native UTF-8 decoding: the fastest plain read. */
async function measureBare(path: string): Promise<Omit<Measurement, 'peakRssMb'>> {
  const started = performance.now();
  let rows = 0;
  await new Promise<void>((done, fail) => {
    const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: ';' });
    parser.on('data', () => rows++);
    parser.on('end', () => done());
    parser.on('error', fail);
    createReadStream(path).setEncoding('utf8').pipe(parser);
  });
  return { seconds: (performance.now() - started) / 1000, rows: rows - 1, invalid: 0 };
}

/** Carga's reader alone: where the time goes when mapping is left out. */
async function measureRead(path: string): Promise<Omit<Measurement, 'peakRssMb'>> {
  const started = performance.now();
  let rows = 0;
  for await (const batch of readRows(await openFile(path))) rows += batch.length;
  return { seconds: (performance.now() - started) / 1000, rows, invalid: 0 };
}

/** What a check and a run do to every row: read, map with the template, validate. */
async function measureCarga(path: string): Promise<Omit<Measurement, 'peakRssMb'>> {
  const started = performance.now();
  const info = await openFile(path);
  const mapping = compileMapping(TEMPLATE, info.columns);
  let rows = 0;
  let invalid = 0;
  for await (const batch of readRows(info)) {
    for (const row of batch) {
      if (checkRow(mapping, row).length > 0) invalid++;
    }
    rows += batch.length;
  }
  return { seconds: (performance.now() - started) / 1000, rows, invalid };
}

/** One measurement in a fresh process, so its peak RSS is its own. */
async function measureInChild(mode: Mode, path: string): Promise<Measurement> {
  const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), [import.meta.filename, '--measure', mode, path], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Measurement;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function readBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'carga-read-bench-'));
  try {
    const path = join(dir, 'casos.csv');
    await writeBenchFile(path);
    const megabytes = statSync(path).size / 1e6;
    const runs: Record<Mode, Measurement[]> = { bare: [], read: [], carga: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const mode of ['bare', 'read', 'carga'] as const) runs[mode].push(await measureInChild(mode, path));
    }
    const summary = (mode: Mode) => {
      const seconds = median(runs[mode].map((m) => m.seconds));
      return {
        seconds,
        mbPerSecond: megabytes / seconds,
        rowsPerSecond: runs[mode][0]!.rows / seconds,
        peakRssMb: Math.max(...runs[mode].map((m) => m.peakRssMb)),
        rows: runs[mode][0]!.rows,
        invalid: runs[mode][0]!.invalid,
      };
    };
    const bare = summary('bare');
    const read = summary('read');
    const carga = summary('carga');
    const ratio = carga.mbPerSecond / bare.mbPerSecond;
    const line = (name: string, s: ReturnType<typeof summary>, extra: string) =>
      `${name.padEnd(34)} ${s.mbPerSecond.toFixed(1).padStart(7)} MB/s ${Math.round(s.rowsPerSecond).toLocaleString('en-US').padStart(10)} rows/s ${s.peakRssMb.toFixed(0).padStart(5)} MB peak RSS ${extra}`;
    console.log(`\nReading ${ROWS.toLocaleString('en-US')} rows, ${megabytes.toFixed(0)} MB (median of ${RUNS} runs, each in its own process)`);
    console.log(line('papaparse stream, bare', bare, ''));
    console.log(line('Carga read only', read, `ratio ${(read.mbPerSecond / bare.mbPerSecond).toFixed(2)}`));
    console.log(line('Carga read → map → validate', carga, `ratio ${ratio.toFixed(2)} (target ≥ 0.80), invalid rows ${carga.invalid}`));
    console.log(`Targets: ratio ≥ 0.80 ${ratio >= 0.8 ? 'met' : 'MISSED'}; peak RSS ≤ 200 MB ${carga.peakRssMb <= 200 ? 'met' : 'MISSED'}`);
    if (carga.rows !== ROWS || bare.rows !== ROWS) console.log(`Row counts differ from ${ROWS}: bare ${bare.rows}, Carga ${carga.rows}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--measure' && resolve(process.argv[1] ?? '') === import.meta.filename) {
  const mode = process.argv[3] as Mode;
  const path = process.argv[4]!;
  const measure = { bare: measureBare, read: measureRead, carga: measureCarga }[mode];
  const result = await measure(path);
  const measurement: Measurement = { ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(measurement));
}
