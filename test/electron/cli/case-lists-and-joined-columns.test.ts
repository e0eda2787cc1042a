import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { startSandbox, type SandboxHandle } from '../../../electron/sandbox/sandbox';
import { runCarga } from '../../support/carga-cli';
import { TEST_TOKEN } from '../../support/import-fixture';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

let sandbox: SandboxHandle | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

/** Cases as an operator's export has them: the CRM's own status and priority, and two
 * observation columns the agent should read together in the description. */
const CASES = [
  'Tipo;Responsable;Propietario;Correo;Obs cliente;Obs asesor;Estado;Prioridad',
  'Queja;ana.gomez@demo;ADMIN_@demo;maria.lopez@example.com;No llegó el pedido;Se llamó al transportador;in progress;urgent',
  'Solicitud;carlos.ruiz@demo;ADMIN_@demo;juan.rodriguez@example.com;Pide duplicado de factura;;Abierto;Alta',
].join('\r\n');

const MAPPING = [
  '--target',
  'wolkvox-crm-cases',
  '--map',
  'Tipo=case-type',
  '--map',
  'Responsable=responsible',
  '--map',
  'Propietario=owner',
  '--map',
  'Correo=contact',
  '--map',
  'Obs cliente=description',
  '--map',
  'Obs asesor=description',
  '--map',
  'Estado=status',
  '--map',
  'Prioridad=priority',
];
const EXTRAS = ['--extra-status', 'in progress', '--extra-priority', 'urgent'];

function casesFile(): string {
  const path = join(tempDir(), 'casos.csv');
  writeFileSync(path, CASES);
  return path;
}

describe('T1 statuses and priorities the CRM adds, and descriptions from several columns, from the CLI', () => {
  it('check refuses the CRM-only values without the flags, naming the values it takes and the flag', async () => {
    const file = casesFile();
    const result = await runCarga(['check', file, ...MAPPING, '--set', 'operation=demo', '--lang', 'en'], {
      CARGA_HOME: tempDir(),
    });

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('«in progress» is not a value the CRM accepts. Use one of: open, closed');
    expect(result.stdout).toContain('«urgent» is not a value the CRM accepts. Use one of: low, medium, high');
    expect(result.stdout).toContain('--extra-status');
    // The two description columns are announced as joined, in both languages' catalogs.
    expect(result.stdout).toContain('Columns Obs cliente, Obs asesor go together to «Description»');
  });

  it('check passes the same file once the CRM values are given', async () => {
    const file = casesFile();
    const result = await runCarga(
      ['check', file, ...MAPPING, ...EXTRAS, '--set', 'operation=demo', '--json'],
      { CARGA_HOME: tempDir() },
    );

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ validRows: 2, invalidRows: 0 });
  });

  it('import sends in progress and urgent over HTTP and the sandbox CRM accepts them, descriptions joined', async () => {
    sandbox = await startSandbox({ tokens: [{ token: TEST_TOKEN, dailyLimit: 100 }] });
    const file = casesFile();
    const result = await runCarga(
      ['import', file, ...MAPPING, ...EXTRAS, '--server', sandbox.origin, '--operation', 'demo', '--json'],
      { CARGA_HOME: tempDir(), CARGA_TOKEN: TEST_TOKEN },
    );

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'finished', ok: 2, failed: 0 });
    const cases = sandbox.accepted().cases.map((c) => c.fields);
    expect(cases).toHaveLength(2);
    expect(cases).toContainEqual(
      expect.objectContaining({
        status: 'in progress',
        priority: 'urgent',
        description: 'No llegó el pedido\nSe llamó al transportador',
      }),
    );
    expect(cases).toContainEqual(
      expect.objectContaining({ status: 'open', priority: 'high', description: 'Pide duplicado de factura' }),
    );
  });

  it('import without the flags sends nothing for the row the CRM values are in', async () => {
    sandbox = await startSandbox({ tokens: [{ token: TEST_TOKEN, dailyLimit: 100 }] });
    const file = casesFile();
    const result = await runCarga(
      ['import', file, ...MAPPING, '--server', sandbox.origin, '--operation', 'demo', '--json'],
      { CARGA_HOME: tempDir(), CARGA_TOKEN: TEST_TOKEN },
    );

    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: 1, failed: 1 });
    expect(sandbox.accepted().cases.map((c) => c.fields.status)).toEqual(['open']);
  });

  it('a blank --extra-status is a usage error, not "no value"', async () => {
    const result = await runCarga(
      ['check', casesFile(), ...MAPPING, '--extra-status', ' ', '--set', 'operation=demo', '--lang', 'en'],
      { CARGA_HOME: tempDir() },
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--extra-status needs a value');
  });

  it('--help lists both flags in the operator language', async () => {
    const en = await runCarga(['import', '--help', '--lang', 'en']);
    const es = await runCarga(['check', '--help', '--lang', 'es']);

    expect(en.stdout).toMatch(
      /--extra-status TEXT\s+A case status your wolkvox CRM has besides open and closed/,
    );
    expect(en.stdout).toMatch(/--extra-priority TEXT\s+A case priority your wolkvox CRM has/);
    expect(es.stdout).toMatch(/--extra-status TEXTO\s+Estado de caso que su CRM de wolkvox tiene/);
  });
});
