import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach } from 'vitest';

import { createEngine, type Engine, type EngineOptions } from '../../electron/engine/engine';
import { createMemoryVault } from '../../electron/engine/secrets/memory-vault';
import {
  SANDBOX_DEFAULTS,
  startSandbox,
  type SandboxHandle,
  type SandboxOptions,
} from '../../electron/sandbox/sandbox';
import type { Connection, JobSummary } from '../../shared/contract';
import { templateSchema, type TemplateInput } from '../../shared/template';
import { useTempDirs } from './temp-dir';

export const TEST_TOKEN = 'tok-3f1e9c0a-test-secret-do-not-leak';

/** Header and rows of a cases file that the seeded sandbox accepts. */
export const CASE_HEADER = [
  'Tipo de caso',
  'Responsable',
  'Propietario',
  'Correo contacto',
  'Descripción',
  'Estado',
  'Prioridad',
  'Ciudad',
];

export function caseRow(
  n: number,
  overrides: Partial<Record<(typeof CASE_HEADER)[number], string>> = {},
): string[] {
  const base: Record<string, string> = {
    'Tipo de caso': 'Solicitud',
    Responsable: SANDBOX_DEFAULTS.users[1],
    Propietario: SANDBOX_DEFAULTS.users[0],
    'Correo contacto': SANDBOX_DEFAULTS.contacts[n % SANDBOX_DEFAULTS.contacts.length] ?? '',
    Descripción: `Caso de prueba número ${n}`,
    Estado: 'Abierto',
    Prioridad: 'Alta',
    Ciudad: 'Cali',
  };
  return CASE_HEADER.map((column) => overrides[column] ?? base[column] ?? '');
}

export function writeCsv(
  path: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  delimiter = ';',
): string {
  const quote = (cell: string) => (/[";\n\r,]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  writeFileSync(path, [header, ...rows].map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n');
  return path;
}

/** A jobs folder and a cases file beside it, in one folder. */
export interface CasesFolder {
  dir: string;
  jobsDir: string;
  file: string;
}

/** Writes in `dir` an empty jobs folder and a file of `rows` cases beside it. */
export function writeCasesFolder(dir: string, rows: number): CasesFolder {
  const jobsDir = join(dir, 'jobs');
  mkdirSync(jobsDir);
  const file = writeCsv(
    join(dir, 'casos.csv'),
    CASE_HEADER,
    Array.from({ length: rows }, (_, i) => caseRow(i)),
  );
  return { dir, jobsDir, file };
}

export const CASES_TEMPLATE = templateSchema.parse({
  name: 'Casos',
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
  },
} satisfies TemplateInput);

export const CAMPAIGN_HEADER = ['Nombre', 'Apellido', 'Documento', 'Celular', 'Ciudad'];

export function campaignRow(n: number): string[] {
  return [`Cliente ${n}`, 'Pérez', String(1_000_000 + n), String(3_000_000_000 + n), 'Bogotá'];
}

export const CAMPAIGN_TEMPLATE = templateSchema.parse({
  name: 'Campaña',
  target: 'wolkvox-campaign',
  columns: {
    Nombre: 'customer_name',
    Apellido: 'customer_last_name',
    Documento: 'customer_id',
    Celular: 'tel1',
    Ciudad: 'city',
  },
} satisfies TemplateInput);

/** A connection to the sandbox's predictive campaign 1001, as the campaign tests send to it. */
export const CAMPAIGN_CONNECTION = {
  target: 'wolkvox-campaign',
  campaignId: '1001',
  campaignType: 'predictive',
  campaignStatus: 'active',
} satisfies Partial<Connection>;

/** `rows` campaign rows in `dir`/campana.csv; the rows in `withoutPhone` have no phone, so they
 * fail as soon as a pass reads them. */
export function writeCampaignCsv(dir: string, rows: number, withoutPhone: readonly number[] = []): string {
  return writeCsv(
    join(dir, 'campana.csv'),
    CAMPAIGN_HEADER,
    Array.from({ length: rows }, (_, i) => {
      const row = campaignRow(i);
      if (withoutPhone.includes(i)) row[3] = '';
      return row;
    }),
  );
}

export interface ImportFixture {
  sandbox: SandboxHandle;
  engine: Engine;
  dir: string;
  connection: Connection;
  /** Starts a job on the fixture's connection; its id, its pass going on. */
  start(path: string, template?: typeof CASES_TEMPLATE): Promise<{ jobId: string }>;
  /** Starts a job and waits for the end of its pass. */
  run(path: string, template?: typeof CASES_TEMPLATE, connectionId?: string): Promise<JobSummary>;
  close(): Promise<void>;
}

export interface ImportFixtureOptions {
  sandbox?: SandboxOptions;
  engine?: Partial<EngineOptions>;
  connection?: Partial<Connection>;
}

/** A sandbox CRM on 127.0.0.1 and an engine talking to it over real HTTP with a test token. */
export async function importFixture(dir: string, options: ImportFixtureOptions = {}): Promise<ImportFixture> {
  const sandbox = await startSandbox({
    tokens: [{ token: TEST_TOKEN, dailyLimit: 100_000 }],
    ...options.sandbox,
  });
  const engine = await createEngine({
    dataDir: join(dir, 'data'),
    vault: createMemoryVault(),
    lang: 'en',
    frontDoor: 'cli',
    autoResume: false,
    timeoutMs: 5_000,
    backoff: { baseMs: 2, maxMs: 10, transientAttempts: 3, throttledAttempts: 10 },
    ...options.engine,
  });
  const connection: Connection = {
    id: 'test',
    name: 'Test CRM',
    target: 'wolkvox-crm-cases',
    server: sandbox.origin,
    operation: SANDBOX_DEFAULTS.operation,
    ...options.connection,
  };
  await engine.saveConnection({ connection, token: TEST_TOKEN });
  return {
    sandbox,
    engine,
    dir,
    connection,
    start: (path, template = CASES_TEMPLATE) =>
      engine.startJob({ path, template, connectionId: connection.id }),
    run: async (path, template = CASES_TEMPLATE, connectionId = connection.id) => {
      const started = await engine.startJob({ path, template, connectionId });
      return engine.settled(started.jobId);
    },
    close: async () => {
      await engine.close();
      await sandbox.close();
    },
  };
}

/** Import fixtures for the tests of a file, each in a fresh folder and closed after its test. */
export function useImportFixtures(): (options?: ImportFixtureOptions) => Promise<ImportFixture> {
  const tempDir = useTempDirs();
  const opened: ImportFixture[] = [];
  afterEach(async () => {
    for (const fixture of opened.splice(0)) await fixture.close();
  });
  return async (options = {}) => {
    const fixture = await importFixture(tempDir(), options);
    opened.push(fixture);
    return fixture;
  };
}
