import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { SANDBOX_TOKEN, startSandbox, type SandboxHandle } from '../../../electron/sandbox/sandbox';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const ROOT = join(import.meta.dirname, '../../..');
const TEMPLATE = join(ROOT, 'examples/casos-ejemplo.template.json');

let sandbox: SandboxHandle | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

function carga(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'electron/cli.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, LANG: 'en_US.UTF-8', CARGA_TOKEN: SANDBOX_TOKEN, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const HEADER =
  'Tipo de caso;Responsable;Propietario;Correo contacto;Nombre cliente;Celular;Descripción;Estado;Prioridad';

function caseLine(contact: string, name: string, phone: string, description: string): string {
  return `Solicitud;ana.gomez@demo;ADMIN_@demo;${contact};${name};${phone};${description};Abierto;Media`;
}

/** Cases for existing contacts between cases for new ones (two for the same new contact), and
 * one new contact whose phone cannot be right, so it cannot be created. */
function casesFile(dir: string): string {
  const path = join(dir, 'casos-nuevos.csv');
  const lines = [
    HEADER,
    caseLine('maria.lopez@example.com', 'María López', '3001112233', 'Factura duplicada'),
    caseLine('nuevo.uno@correo.co', 'Nuevo Uno', '3101234567', 'Primer caso del cliente nuevo'),
    caseLine('juan.rodriguez@example.com', 'Juan Rodríguez', '3002223344', 'Visita no realizada'),
    caseLine('Nuevo.Uno@correo.co', 'Nuevo Uno', '3101234567', 'Segundo caso del mismo cliente'),
    caseLine('nueva.dos@correo.co', 'Nueva Dos', '3209876543', 'Cambio de plan'),
    caseLine('sofia.hernandez@example.com', 'Sofía Hernández', '3003334455', 'Cobro doble'),
    caseLine('sin.telefono@correo.co', 'Sin Teléfono', '12', 'Contacto con teléfono incompleto'),
  ];
  writeFileSync(path, lines.join('\r\n') + '\r\n', 'utf8');
  return path;
}

describe('carga create-contacts, against the sandbox over HTTP', () => {
  it("creates each missing contact once from the cases' rows, then retries exactly those cases", async () => {
    sandbox = await startSandbox();
    const home = tempDir();
    const env = { CARGA_HOME: home };
    const server = ['--server', sandbox.origin];

    const first = await carga(['import', casesFile(home), '--template', TEMPLATE, ...server, '--json'], env);
    expect(JSON.parse(first.stdout)).toMatchObject({ total: 7, ok: 3, failed: 4 });
    const { jobId } = JSON.parse(first.stdout) as { jobId: string };
    expect(sandbox.accepted().cases).toHaveLength(3);

    const run = await carga(['create-contacts', jobId, ...server, '--json'], env);
    expect(run.stderr).toContain('4 cases failed because their contact does not exist: creating 3 contacts');
    expect(run.stderr).toContain('«Correo contacto»');
    const result = JSON.parse(run.stdout) as {
      contacts: { total: number; ok: number; failed: number };
      cases: { ok: number; failed: number; status: string };
    };
    // One contact per distinct contact (compared without case); the one with a 2-digit phone fails locally.
    expect(result.contacts).toMatchObject({ total: 3, ok: 2, failed: 1 });
    expect(result.cases).toMatchObject({ status: 'finished', ok: 6, failed: 1 });
    expect(run.code).toBe(1);

    const contacts = sandbox.accepted().moduleRecords;
    expect(contacts.map((each) => each.record)).toEqual([
      { emailcontact: 'nuevo.uno@correo.co', namecontact: 'Nuevo Uno', telephonecontact: '3101234567' },
      { emailcontact: 'nueva.dos@correo.co', namecontact: 'Nueva Dos', telephonecontact: '3209876543' },
    ]);
    // The import's cases, then the retried ones; within each, two requests are in flight at a
    // time, so their order of arrival is not the file's.
    const cases = sandbox.accepted().cases.map((each) => each.fields.description);
    expect([cases.slice(0, 3).sort(), cases.slice(3).sort()]).toEqual([
      ['Cobro doble', 'Factura duplicada', 'Visita no realizada'],
      ['Cambio de plan', 'Primer caso del cliente nuevo', 'Segundo caso del mismo cliente'],
    ]);

    // Again: nothing is created twice, and the case whose contact could not be created stays failed.
    const again = await carga(['create-contacts', jobId, ...server, '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ contacts: { total: 1, ok: 0, failed: 1 } });
    expect(sandbox.accepted().moduleRecords).toHaveLength(2);
    expect(sandbox.accepted().cases).toHaveLength(6);
  });

  it('names the columns given by flags, and refuses a column the file does not have', async () => {
    sandbox = await startSandbox();
    const home = tempDir();
    const env = { CARGA_HOME: home };
    const server = ['--server', sandbox.origin];
    const first = await carga(['import', casesFile(home), '--template', TEMPLATE, ...server, '--json'], env);
    const { jobId } = JSON.parse(first.stdout) as { jobId: string };

    const wrong = await carga(['create-contacts', jobId, ...server, '--email', 'Correo'], env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('The column "Correo" is not in the job\'s file.');

    const noKey = await carga(['create-contacts', jobId, ...server, '--name', 'Nombre cliente'], env);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain("Choose the column of the contact's e-mail or ID");
    expect(sandbox.accepted().moduleRecords).toHaveLength(0);

    const onlyEmail = await carga(['create-contacts', jobId, ...server, '--email', 'Correo contacto'], env);
    expect(onlyEmail.code).toBe(0);
    expect(sandbox.accepted().moduleRecords.map((each) => each.record)).toEqual([
      { emailcontact: 'nuevo.uno@correo.co' },
      { emailcontact: 'nueva.dos@correo.co' },
      { emailcontact: 'sin.telefono@correo.co' },
    ]);
  });

  it('lists its flags in --help, in Spanish too', async () => {
    const help = await carga(['create-contacts', '--help', '--lang', 'es'], {});
    expect(help.code).toBe(0);
    for (const flag of ['--email', '--name', '--phone', '--id', '--server', '--token-env', '--json'])
      expect(help.stdout).toContain(flag);
    expect(help.stdout).toContain('Crea los contactos que faltaban');
  });
});
