import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import {
  SANDBOX_TOKEN,
  startSandbox,
  THALAMUS_SANDBOX_PARTY_PASSWORD,
  type SandboxHandle,
} from '../../../electron/sandbox/sandbox';
import {
  EXAMPLES,
  runCarga,
  THALAMUS_SECRET_FLAGS,
  thalamusFlags,
  thalamusSecrets,
} from '../../support/carga-cli';
import { useTempDirs } from '../../support/temp-dir';
import { postCase, VALID_CASE } from '../sandbox/sandbox-requests';

const tempDir = useTempDirs();

let sandbox: SandboxHandle | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

describe('every target from the CLI, against the sandbox over HTTP', () => {
  it('Thalamus: parties by Basic auth with a password from the environment, typed caseData, a server URL with a path', async () => {
    sandbox = await startSandbox();
    const home = tempDir();
    const result = await runCarga(
      ['import', join(EXAMPLES, 'casos-thalamus.csv'), ...thalamusFlags(sandbox.origin), '--json'],
      { CARGA_HOME: home, ...thalamusSecrets() },
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'finished', total: 5, ok: 5, failed: 0 });
    // Two requests are in flight at a time: the CRM may take the rows in either order of a pair.
    const cases = sandbox.accepted().thalamusCases;
    const byParty = (party: string) => cases.find((c) => c.party === party);
    expect(cases.map((c) => c.party).sort()).toEqual(
      ['1$1020304050', '1$52123456', '1$79876543', '1$1098765432', '2$900123456'].sort(),
    );
    expect(byParty('1$1020304050')?.body).toEqual({
      categoryCode: 'RECL',
      typeCode: 'FACT',
      status: 'Creado',
      comments: [{ description: 'Cobro doble en la factura de marzo' }],
      caseData: {
        Monto: 1234567.89,
        Urgente: true,
        Cantidad: 2,
        'Fecha de compra': '2026-03-15',
        Canal: 'Teléfono',
      },
    });
    expect(byParty('2$900123456')?.body.caseData).toMatchObject({ Monto: 250000, Urgente: true });
    // The password travelled only in the Authorization header: never in the job's files.
    expect(
      readFileSync(join(home, 'jobs', JSON.parse(result.stdout).jobId, 'job.json'), 'utf8'),
    ).not.toContain(THALAMUS_SANDBOX_PARTY_PASSWORD);
  });

  it('Thalamus: a wrong party password stops the job before anything is accepted, saying why', async () => {
    sandbox = await startSandbox();
    const result = await runCarga(
      ['import', join(EXAMPLES, 'casos-thalamus.csv'), ...thalamusFlags(sandbox.origin), '--lang', 'es'],
      { CARGA_HOME: tempDir(), ...thalamusSecrets('otra-clave') },
    );
    expect(result.code).toBe(3);
    expect(result.stdout + result.stderr).toContain('no dejó iniciar sesión a la parte');
    expect(sandbox.accepted().thalamusCases).toEqual([]);
  });

  it('Thalamus: after a stop for a wrong party password, resume takes the right one from the environment', async () => {
    sandbox = await startSandbox();
    const env = { CARGA_HOME: tempDir(), ...thalamusSecrets('otra-clave') };
    const connectionFlags = [...THALAMUS_SECRET_FLAGS, '--json'];
    const first = await runCarga(
      ['import', join(EXAMPLES, 'casos-thalamus.csv'), ...thalamusFlags(sandbox.origin), '--json'],
      env,
    );
    expect(first.code).toBe(3);
    const { jobId } = JSON.parse(first.stdout);
    const resumed = await runCarga(['resume', jobId, ...connectionFlags], {
      ...env,
      ...thalamusSecrets(),
    });
    expect(resumed.stderr).toBe('');
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: 'finished', ok: 5, failed: 0 });
    expect(sandbox.accepted().thalamusCases).toHaveLength(5);
    expect(resumed.stdout).not.toContain(THALAMUS_SANDBOX_PARTY_PASSWORD);
  });

  it('module records: typed fields sent as objects; the contacts loaded are then accepted by T1 cases', async () => {
    sandbox = await startSandbox();
    const env = { CARGA_HOME: tempDir(), CARGA_TOKEN: SANDBOX_TOKEN };
    const result = await runCarga(
      [
        'import',
        join(EXAMPLES, 'contactos-ejemplo.csv'),
        '--template',
        join(EXAMPLES, 'contactos-ejemplo.template.json'),
        '--server',
        sandbox.origin,
        '--json',
      ],
      env,
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'finished', total: 4, ok: 4, requests: 2 });
    expect(sandbox.accepted().moduleRecords[0]).toMatchObject({
      module: 'contacts',
      record: {
        namecontact: 'Ana Gómez',
        emailcontact: 'ana.gomez@correo.co',
        telephonecontact: '3001234567',
        Dirección: { type: 'address', value: 'Calle 145a #12-60' },
        Asesor: { type: 'search', value: 'ana.gomez@demo' },
      },
    });
    expect((await postCase(sandbox, { ...VALID_CASE, contact: 'ana.gomez@correo.co' })).status).toBe(200);
  });

  it('module records from flags alone: --module and --type', async () => {
    sandbox = await startSandbox();
    const result = await runCarga(
      [
        'import',
        join(EXAMPLES, 'contactos-ejemplo.csv'),
        '--target',
        'wolkvox-crm-records',
        '--server',
        sandbox.origin,
        '--operation',
        'demo',
        '--module',
        'contacts',
        '--map',
        'Nombre=namecontact',
        '--map',
        'Correo=emailcontact',
        '--map',
        'Dirección=field.Dirección',
        '--type',
        'field.Dirección=address',
        '--json',
      ],
      { CARGA_HOME: tempDir(), CARGA_TOKEN: SANDBOX_TOKEN },
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: 4 });
    expect(sandbox.accepted().moduleRecords.map((r) => r.record['Dirección'])).toContainEqual({
      type: 'address',
      value: 'Avenida 6N #23-45',
    });
  });
});
