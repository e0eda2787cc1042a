/**
 * Issue 9's "Done when": each of the four targets imports a realistic Spanish spreadsheet
 * (accents, Spanish headers, `dd/mm/yyyy`, `1.234.567,89`, `Sí`) into the sandbox from the
 * README's own commands. The commands are read from README.md, not copied here: a README that
 * loses a target's command, or a command that stops working, fails this test.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SANDBOX_TOKEN, startSandbox, type SandboxHandle } from '../../electron/sandbox/sandbox';
import { TARGET_IDS, type TargetId } from '../../shared/targets/target-ids';
import { REPO_ROOT, runCarga } from '../support/carga-cli';

const PREFIX = 'npm run --silent carga -- ';

/** The README's shell lines that run Carga, continuations joined, split into arguments. */
function readmeCommands(): string[][] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const lines = blocks
    .join('\n')
    .replace(/\\\n\s*/g, '')
    .split('\n');
  return lines
    .map((line) => line.trim())
    .filter((line) => line.startsWith(PREFIX))
    .map((line) => words(line.slice(PREFIX.length).replace(/\s+#.*$/, '')));
}

/** Shell words: spaces separate them, double quotes group them. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
}

function targetOf(args: readonly string[]): TargetId {
  const template = args[args.indexOf('--template') + 1] ?? '';
  return (JSON.parse(readFileSync(join(REPO_ROOT, template), 'utf8')) as { target: TargetId }).target;
}

/** `import examples/…` with a template: the commands that need nothing but the sandbox. */
const sandboxCommands = (command: string) =>
  readmeCommands().filter(
    (args) => args[0] === command && args[1]?.startsWith('examples/') && args.includes('--template'),
  );

const homes: string[] = [];
const home = () => {
  const folder = mkdtempSync(join(tmpdir(), 'carga-readme-'));
  homes.push(folder);
  return folder;
};

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
  for (const folder of homes) rmSync(folder, { recursive: true, force: true });
});

describe('the README’s commands import every target into the sandbox', () => {
  it('name one import of an example file for each of the four targets', () => {
    expect(sandboxCommands('import').map(targetOf).sort()).toEqual([...TARGET_IDS].sort());
  });

  it.each(sandboxCommands('check').map((args) => [args.slice(0, 2).join(' '), args]))(
    '%s: every row passes the check, lists included',
    async (_name, args) => {
      const result = await runCarga([...args, '--json'], { CARGA_HOME: home() });
      expect(result.stderr).toBe('');
      const summary = JSON.parse(result.stdout);
      expect(summary.invalidRows).toBe(0);
      expect(summary.mappingProblems).toEqual([]);
      expect(result.code).toBe(0);
    },
  );

  it.each(sandboxCommands('import').map((args) => [targetOf(args), args] as const))(
    '%s: as written, every row is accepted by the embedded sandbox',
    async (_target, args) => {
      const result = await runCarga([...args, '--json'], { CARGA_HOME: home() });
      expect(result.stderr).toBe('');
      const summary = JSON.parse(result.stdout);
      expect(summary).toMatchObject({ status: 'finished', failed: 0, uncertain: 0, pending: 0 });
      expect(summary.ok).toBe(summary.total);
      expect(summary.total).toBeGreaterThan(0);
      expect(result.code).toBe(0);
    },
  );

  it('pointed at a sandbox a test can look into, every record arrives typed as each CRM wants it', async () => {
    for (const args of sandboxCommands('import')) {
      const target = targetOf(args);
      const server = target === 'thalamus-cases' ? `${sandbox.origin}/thalamus` : sandbox.origin;
      const result = await runCarga([...args, '--server', server, '--json'], {
        CARGA_HOME: home(),
        CARGA_TOKEN: SANDBOX_TOKEN,
      });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toMatchObject({ status: 'finished', failed: 0 });
    }
    const accepted = sandbox.accepted();

    // T1: Spanish system values in the CRM's English, a dd/mm/yyyy date as wolkvox's, accents kept.
    expect(accepted.cases).toHaveLength(20);
    expect(accepted.cases.find((c) => c.fields.contact === 'maria.lopez@example.com')).toMatchObject({
      fields: {
        operation: 'demo',
        'case-type': 'Request',
        status: 'open',
        priority: 'medium',
        description: 'Solicita duplicado de la factura de febrero',
      },
      form: { Ciudad: 'Bogotá', 'Fecha cierre': '20260320000000', 'Número de póliza': '000123' },
    });

    // T2: contacts with typed fields as {"type", "value"} objects.
    expect(accepted.moduleRecords).toHaveLength(4);
    expect(accepted.moduleRecords.find((r) => r.record.emailcontact === 'ana.gomez@correo.co')).toMatchObject(
      {
        module: 'contacts',
        record: {
          namecontact: 'Ana Gómez',
          Dirección: { type: 'address', value: 'Calle 145a #12-60' },
          Asesor: { type: 'search', value: 'ana.gomez@demo' },
        },
      },
    );

    // T3: campaign 1001, a recall date in wolkvox's format, the template's constant country.
    expect(accepted.campaignRecords).toHaveLength(15);
    expect(accepted.campaignRecords.find((r) => r.record.customer_id === '52123456')).toMatchObject({
      campaignId: '1001',
      campaignType: 'predictive',
      record: {
        customer_name: 'María',
        customer_last_name: 'López',
        city: 'Bogotá',
        country: 'Colombia',
        recall_date: '20260320000000',
      },
    });

    // T4: caseData as JSON numbers and booleans, dd/mm/yyyy as YYYY-MM-DD, the party logged in.
    expect(accepted.thalamusCases).toHaveLength(5);
    const byParty = (party: string) => accepted.thalamusCases.find((c) => c.party === party);
    expect(byParty('1$1020304050')).toMatchObject({
      touchpoint: 'tp-callcenter',
      body: {
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
      },
    });
    expect(byParty('1$1098765432')?.body.caseData).toMatchObject({ Monto: 89900.5, Urgente: true });
    expect(byParty('1$52123456')?.body.caseData).toMatchObject({ Monto: 0, Urgente: false });
  });
});
