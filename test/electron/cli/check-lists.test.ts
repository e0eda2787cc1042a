import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import {
  startSandbox,
  THALAMUS_SANDBOX_PARTY_PASSWORD,
  type SandboxHandle,
} from '../../../electron/sandbox/sandbox';
import { EXAMPLES, runCarga, thalamusFlags, thalamusSecrets } from '../../support/carga-cli';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

let sandbox: SandboxHandle | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

/** A Thalamus file in the shape of examples/casos-thalamus.csv: one good row, then a pair that
 * exists in no category, a final status and a status Thalamus does not know. */
function casesFile(folder: string): string {
  const path = join(folder, 'casos.csv');
  writeFileSync(
    path,
    [
      'Documento;Categoría;Tipo;Estado;Monto;Urgente;Cantidad;Fecha de compra;Canal;Comentario',
      '1$1020304050;RECL;FACT;Creado;1.234,56;Sí;2;15/03/2026;Teléfono;Cobro doble',
      '1$52123456;RECL;INFO;Creado;;No;;;Web;Pareja inexistente',
      '1$79876543;SOLI;PLAN;Cerrado;;No;;;Correo;Estado final',
      '2$900123456;QUEJ;ATEN;Pendiente de firma;;No;;;Tienda;Estado desconocido',
    ].join('\r\n') + '\r\n',
  );
  return path;
}

describe('carga check holds a Thalamus file to the server’s lists, over HTTP', () => {
  it('reads them as the file’s party with the password from the environment, names the valid options, creates nothing', async () => {
    sandbox = await startSandbox();
    const home = tempDir();
    const result = await runCarga(
      ['check', casesFile(home), ...thalamusFlags(sandbox.origin), '--lang', 'es'],
      { CARGA_HOME: home, ...thalamusSecrets() },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Filas: 4 · listas para enviar: 1 · con problemas: 3');
    expect(result.stdout).toContain('Valores fuera de las listas de Thalamus: 3');
    expect(result.stdout).toMatch(/Fila 3: la categoría «RECL» con el tipo «INFO» no es una pareja/);
    expect(result.stdout).toContain('RECL/FACT (Reclamos › Facturación)');
    expect(result.stdout).toContain('un caso nuevo solo puede crearse en: «Creado», «Abierto»');
    expect(result.stdout).toMatch(/Fila 5: el estado «Pendiente de firma» no existe en Thalamus/);
    expect(result.stdout + result.stderr).not.toContain(THALAMUS_SANDBOX_PARTY_PASSWORD);
    // Only the two lists were asked for: nothing was created.
    expect(sandbox.stats().requests).toBe(2);
    expect(sandbox.accepted().thalamusCases).toEqual([]);
  });

  it('reads them from the embedded sandbox by default, in English with --json', async () => {
    const home = tempDir();
    const result = await runCarga(
      ['check', casesFile(home), '--template', join(EXAMPLES, 'casos-thalamus.template.json'), '--json'],
      { CARGA_HOME: home },
    );
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ totalRows: 4, validRows: 1, invalidRows: 3, requests: 1 });
    expect(summary.problemCounts).toEqual({ 'not-in-server-list': 3 });
    expect(summary.examples.map((problem: { text: string }) => problem.text).join('\n')).toContain(
      'SOLI/INFO (Solicitudes › Información)',
    );
  });

  it('still checks every row when the server refuses the lists, saying they were not used', async () => {
    sandbox = await startSandbox();
    const home = tempDir();
    const result = await runCarga(['check', casesFile(home), ...thalamusFlags(sandbox.origin)], {
      CARGA_HOME: home,
      ...thalamusSecrets('otra-clave'),
    });
    expect(result.stdout).toContain('Carga could not read Thalamus’s lists');
    expect(result.stdout).toContain("did not let the case's party log in");
    expect(result.stdout).toContain('Rows: 4 · ready to send: 4 · with problems: 0');
    expect(result.stdout + result.stderr).not.toContain('otra-clave');
    expect(sandbox.accepted().thalamusCases).toEqual([]);
  });
});

describe('carga check with declared field types (--type)', () => {
  it('converts and validates a typed caseData field as the import would send it', async () => {
    const home = tempDir();
    const path = join(home, 'montos.csv');
    writeFileSync(
      path,
      [
        'Documento;Categoría;Tipo;Monto',
        '1$1020304050;RECL;FACT;1.234,56',
        '1$52123456;RECL;FACT;doce mil',
      ].join('\r\n'),
    );
    const result = await runCarga(
      [
        'check',
        path,
        '--target',
        'thalamus-cases',
        '--map',
        'Documento=party',
        '--map',
        'Categoría=categoryCode',
        '--map',
        'Tipo=typeCode',
        '--map',
        'Monto=caseData.Monto',
        '--type',
        'caseData.Monto=decimal',
        '--json',
      ],
      { CARGA_HOME: home },
    );
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ totalRows: 2, validRows: 1, invalidRows: 1 });
    expect(summary.examples[0]).toMatchObject({ row: 3, column: 'Monto', value: 'doce mil' });
  });
});

describe('carga check against a Thalamus server it cannot ask yet', () => {
  it('names the flag the connection lacks (--touchpoint), checks the rows anyway and sends nothing', async () => {
    const home = tempDir();
    const path = join(home, 'casos.csv');
    writeFileSync(path, 'Documento;Categoría;Tipo\r\n1$1020304050;RECL;FACT\r\n');
    const result = await runCarga(
      [
        'check',
        path,
        '--target',
        'thalamus-cases',
        '--server',
        'https://crm.example.invalid/thalamus',
        '--map',
        'Documento=party',
        '--map',
        'Categoría=categoryCode',
        '--map',
        'Tipo=typeCode',
      ],
      { CARGA_HOME: home, CARGA_TOKEN: 'x' },
    );
    expect(result.stdout).toContain('Carga could not read Thalamus’s lists');
    expect(result.stdout).toContain('--touchpoint');
    // The flag, never the connection's internal field name alone.
    expect(result.stdout).not.toMatch(/(^|[^-])touchpoint/);
    expect(result.stdout).toContain('Rows: 1 · ready to send: 1 · with problems: 0');
  });
});
