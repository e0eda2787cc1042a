import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { openFile } from '../../electron/engine/files/open-file';
import { readRows } from '../../electron/engine/files/read-rows';
import { compileMapping } from '../../shared/mapping/compile-mapping';
import { templateSchema, type TemplateInput } from '../../shared/template';
import { checkRow } from '../../shared/validation/check-row';
import { median, type BenchFigure, type BenchPart } from './bench-figure';
import { alternate, runProcess } from './measure-process';

const ROOT = join(import.meta.dirname, '../..');
const ROWS = 1_000_000;
/** Each figure is the median of this many runs, alternating, each in a fresh process. */
const RUNS = 3;

const HEADER = [
  'Tipo de caso',
  'Responsable',
  'Propietario',
  'Correo contacto',
  'Descripción',
  'Estado',
  'Prioridad',
  'Ciudad',
  'Fecha de cierre',
  'Teléfono',
];

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

type Mode = 'read' | 'carga';

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
  const { stdout } = await promisify(execFile)(
    join(ROOT, 'node_modules/.bin/tsx'),
    [import.meta.filename, '--measure', mode, path],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout) as Measurement;
}

export const readBench: BenchPart = {
  name: 'check',
  async run(): Promise<BenchFigure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'carga-read-bench-'));
    try {
      const path = join(dir, 'casos.csv');
      await writeBenchFile(path);
      const templatePath = join(dir, 'casos.template.json');
      writeFileSync(templatePath, JSON.stringify(TEMPLATE));
      const megabytes = statSync(path).size / 1e6;
      // Whole processes, start-up included: `carga check` against papaparse in plain Node. A
      // home of its own, so no job sent from this machine before changes what the check does.
      const whole = await alternate(
        RUNS,
        () =>
          runProcess(
            process.execPath,
            [join(ROOT, 'bin/carga.js'), 'check', path, '--template', templatePath, '--lang', 'en'],
            { env: { CARGA_HOME: join(dir, 'home') } },
          ),
        () => runProcess(process.execPath, [join(import.meta.dirname, 'bare/papaparse-read.mjs'), path]),
      );
      // Inside: the reader alone, then read → map → validate, each in its own process.
      const runs: Record<Mode, Measurement[]> = { read: [], carga: [] };
      for (let i = 0; i < RUNS; i++) {
        for (const mode of ['read', 'carga'] as const) runs[mode].push(await measureInChild(mode, path));
      }
      const inner = (mode: Mode) => median(runs[mode].map((m) => m.seconds));
      const bareRate = {
        value: megabytes / whole.baseline.seconds,
        unit: 'MB/s',
        label: 'papaparse, plain Node',
      };
      const rows = runs.carga[0]!.rows;
      return [
        {
          figure: `\`carga check\` on ${(ROWS / 1e6).toFixed(0)}M rows (${megabytes.toFixed(0)} MB UTF-8), whole process`,
          carga: { value: whole.carga.seconds, unit: 's' },
          baseline: { value: whole.baseline.seconds, unit: 's', label: 'papaparse stream, plain Node' },
          target: { kind: 'ratio-at-most', ratio: 1 / 0.9 },
          note: `target is ≥ 0.9× papaparse's speed; peak RSS ${whole.carga.peakRssMb.toFixed(0)} MB (papaparse ${whole.baseline.peakRssMb.toFixed(0)} MB)${rows === ROWS ? '' : `; rows read ${rows}, expected ${ROWS}`}`,
        },
        {
          figure: '`carga check` CPU time (user + system), whole process',
          carga: { value: whole.carga.cpuSeconds, unit: 's' },
          baseline: { value: whole.baseline.cpuSeconds, unit: 's', label: 'papaparse stream, plain Node' },
          target: { kind: 'none' },
          note: 'the wall-time ratio on a machine busy with other work drifts; this one hardly',
        },
        {
          figure: 'engine reader alone, in a child',
          carga: { value: megabytes / inner('read'), unit: 'MB/s' },
          baseline: bareRate,
          target: { kind: 'none' },
        },
        {
          figure: 'engine read → map → validate, in a child',
          carga: { value: megabytes / inner('carga'), unit: 'MB/s' },
          baseline: bareRate,
          target: { kind: 'none' },
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

if (process.argv[2] === '--measure' && resolve(process.argv[1] ?? '') === import.meta.filename) {
  const mode = process.argv[3] as Mode;
  const path = process.argv[4]!;
  const measure = { read: measureRead, carga: measureCarga }[mode];
  const result = await measure(path);
  const measurement: Measurement = { ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(measurement));
}
