import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createEngine, type Engine } from '../../../../electron/engine/engine';
import { createMemoryVault } from '../../../../electron/engine/secrets/memory-vault';
import {
  SANDBOX_TOKEN,
  THALAMUS_PASSWORD_TOUCHPOINT,
  THALAMUS_SANDBOX_PARTY_PASSWORD,
} from '../../../../electron/sandbox/sandbox';
import { startSandboxConnections } from '../../../../electron/sandbox/sandbox-connections';
import type { Connection, RowProblem } from '../../../../shared/contract';
import { isCargaError } from '../../../../shared/errors/carga-error';
import { formatMessage } from '../../../../shared/messages/catalog';
import { templateSchema } from '../../../../shared/template';
import { writeCsv } from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const engines: Engine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
});

async function setup() {
  const dataDir = tempDir();
  const vault = createMemoryVault();
  const sandbox = await startSandboxConnections();
  const engine = await createEngine({ dataDir, vault, lang: 'es', frontDoor: 'web', sandbox });
  engines.push(engine);
  return { engine, vault, dataDir, origin: sandbox.origin, sandbox: sandbox.sandbox };
}

const TEMPLATE = templateSchema.parse({
  name: 'Casos Thalamus',
  target: 'thalamus-cases',
  columns: {
    Documento: 'party',
    Categoría: 'categoryCode',
    Tipo: 'typeCode',
    Estado: 'status',
  },
  valueMaps: { categoryCode: { Reclamos: 'RECL' } },
});

describe('the lists a Thalamus server declares', () => {
  it('are read from the server as a party: category/type pairs with their names, statuses with which are initial', async () => {
    const { engine } = await setup();
    const lists = await engine.readServerLists({ id: 'sandbox-thalamus', party: '1$1020304050' });
    expect(lists.caseTypes).toContainEqual({
      categoryCode: 'RECL',
      categoryName: 'Reclamos',
      typeCode: 'FACT',
      typeName: 'Facturación',
    });
    expect(lists.caseTypes).toHaveLength(5);
    expect(lists.statuses).toEqual([
      { name: 'Creado', initial: true },
      { name: 'Abierto', initial: true },
      { name: 'En proceso', initial: false },
      { name: 'Cerrado', initial: false },
    ]);
  });

  it('are shown to a logged-in party only: without one, the answer says the Map step reads them with the file’s party', async () => {
    const { engine } = await setup();
    const error: unknown = await engine.readServerLists({ id: 'sandbox-thalamus' }).catch((e: unknown) => e);
    expect(isCargaError(error) && error.detail.code).toBe('lists.party-needed');
    const unknown: unknown = await engine
      .readServerLists({ id: 'sandbox-thalamus', party: '1$0000' })
      .catch((e: unknown) => e);
    expect(isCargaError(unknown) && unknown.detail.code).toBe('crm.thalamus.party-refused');
  });

  it('are read on a touchpoint with passwords as the party, with the password from the vault', async () => {
    const { engine, origin } = await setup();
    const connection: Connection = {
      id: 'th-web',
      name: 'Thalamus web',
      target: 'thalamus-cases',
      server: `${origin}/thalamus`,
      touchpoint: THALAMUS_PASSWORD_TOUCHPOINT,
    };
    await engine.saveConnection({ connection, token: SANDBOX_TOKEN });
    const without: unknown = await engine
      .readServerLists({ id: 'th-web', party: '1$52123456' })
      .catch((e: unknown) => e);
    expect(isCargaError(without) && without.detail.code).toBe('crm.thalamus.party-refused');
    await engine.saveConnection({ connection, partyPassword: THALAMUS_SANDBOX_PARTY_PASSWORD });
    const lists = await engine.readServerLists({ id: 'th-web', party: '1$52123456' });
    expect(lists.caseTypes).toHaveLength(5);
  });

  it('are refused with the server’s explanation when the token is wrong, never quoting the token', async () => {
    const { engine, origin } = await setup();
    const connection: Connection = {
      id: 'th-1',
      name: 'Thalamus',
      target: 'thalamus-cases',
      server: `${origin}/thalamus`,
      touchpoint: THALAMUS_PASSWORD_TOUCHPOINT,
    };
    await engine.saveConnection({ connection, token: 'not-a-token-of-this-server' });
    const error: unknown = await engine
      .readServerLists({ id: 'th-1', party: '1$1020304050' })
      .catch((e: unknown) => e);
    expect(isCargaError(error) && error.detail.code).toBe('crm.thalamus.unauthorized');
    expect(JSON.stringify(error)).not.toContain('not-a-token-of-this-server');
  });

  it('are not offered by other targets', async () => {
    const { engine } = await setup();
    const error: unknown = await engine.readServerLists({ id: 'sandbox-cases' }).catch((e: unknown) => e);
    expect(isCargaError(error) && error.detail.code).toBe('lists.not-offered');
  });

  it('Check validates every row against them before anything is sent, naming the valid options', async () => {
    const { engine, dataDir } = await setup();
    const path = writeCsv(
      join(dataDir, 'casos.csv'),
      ['Documento', 'Categoría', 'Tipo', 'Estado'],
      [
        ['1$1020304050', 'RECL', 'FACT', 'Creado'],
        // Translated by the template's value map: Reclamos → RECL.
        ['1$52123456', 'Reclamos', 'SERV', 'Abierto'],
        // A pair that exists in no category.
        ['1$79876543', 'RECL', 'INFO', 'Creado'],
        // A final status, and one Thalamus does not know.
        ['1$1098765432', 'SOLI', 'PLAN', 'Cerrado'],
        ['2$900123456', 'QUEJ', 'ATEN', 'Pendiente de firma'],
      ],
    );
    const result = await engine.checkFile({
      checkId: 'c1',
      path,
      template: TEMPLATE,
      connectionId: 'sandbox-thalamus',
    });
    expect(result).toMatchObject({ totalRows: 5, validRows: 2, invalidRows: 3 });
    expect(result.problemCounts).toEqual({ 'not-in-server-list': 3 });
    const byRow = new Map(result.examples.map((problem: RowProblem) => [problem.row, problem]));
    const pair = byRow.get(4);
    expect(pair).toMatchObject({ column: 'Categoría', value: 'RECL/INFO' });
    expect(formatMessage('es', pair!.message)).toContain('RECL/FACT (Reclamos › Facturación)');
    expect(formatMessage('en', pair!.message)).toContain('SOLI/INFO (Solicitudes › Información)');
    expect(byRow.get(5)?.message.code).toBe('validation.list-status-not-initial');
    expect(formatMessage('en', byRow.get(5)!.message)).toContain('«Creado», «Abierto»');
    expect(byRow.get(6)).toMatchObject({ column: 'Estado', value: 'Pendiente de firma' });
    expect(byRow.get(6)?.message.code).toBe('validation.list-status-unknown');
    // A run would send only the two valid rows.
    expect(result.requests).toBe(2);
  });

  it('Check reads them as the mapping’s constant party when no column gives one', async () => {
    const { engine, dataDir, sandbox } = await setup();
    const path = writeCsv(
      join(dataDir, 'casos.csv'),
      ['Categoría', 'Tipo'],
      [
        ['RECL', 'FACT'],
        ['RECL', 'INFO'],
      ],
    );
    const template = {
      ...TEMPLATE,
      columns: { Categoría: 'categoryCode', Tipo: 'typeCode' },
      constants: { party: 'maria.lopez@example.com' },
    };
    const result = await engine.checkFile({
      checkId: 'c3',
      path,
      template,
      connectionId: 'sandbox-thalamus',
    });
    expect(result.mappingProblems.map((problem) => problem.code)).not.toContain('lists.unavailable');
    expect(result).toMatchObject({ validRows: 1, invalidRows: 1 });
    expect(result.problemCounts).toEqual({ 'not-in-server-list': 1 });
    expect(sandbox.accepted().thalamusCases).toEqual([]);
  });

  it('Check still checks every row when the lists cannot be read, and says they were not used', async () => {
    const { engine, origin, dataDir } = await setup();
    await engine.saveConnection({
      connection: {
        id: 'th-2',
        name: 'Thalamus',
        target: 'thalamus-cases',
        server: `${origin}/thalamus`,
        touchpoint: 'tp-that-does-not-exist',
      },
      token: SANDBOX_TOKEN,
    });
    const path = writeCsv(
      join(dataDir, 'casos.csv'),
      ['Documento', 'Categoría', 'Tipo', 'Estado'],
      [['1$1020304050', 'RECL', 'INFO', '']],
    );
    const result = await engine.checkFile({ checkId: 'c2', path, template: TEMPLATE, connectionId: 'th-2' });
    expect(result.validRows).toBe(1);
    expect(result.mappingProblems.map((problem) => problem.code)).toContain('lists.unavailable');
  });
});

describe('a Thalamus run', () => {
  it('holds its rows to the lists too: a row outside them fails as Check said, and is never sent', async () => {
    const { engine, dataDir, sandbox } = await setup();
    const path = writeCsv(
      join(dataDir, 'casos.csv'),
      ['Documento', 'Categoría', 'Tipo', 'Estado'],
      [
        ['1$1020304050', 'RECL', 'FACT', 'Creado'],
        ['1$52123456', 'RECL', 'INFO', 'Creado'],
      ],
    );
    const started = await engine.startJob({ path, template: TEMPLATE, connectionId: 'sandbox-thalamus' });
    expect(await engine.settled(started.jobId)).toMatchObject({ status: 'finished', ok: 1, failed: 1 });
    expect(sandbox.accepted().thalamusCases).toHaveLength(1);
    const [failed] = (await engine.listResults({ jobId: started.jobId, offset: 0, limit: 10 })).rows;
    expect(failed).toMatchObject({ row: 3, failureClass: 'validation' });
    expect(formatMessage('es', failed!.explanation!)).toContain('RECL/FACT (Reclamos › Facturación)');
  });
});

describe('the party password of a Thalamus connection', () => {
  it('is kept by the vault, never returned nor written to the connections file, and used by the job', async () => {
    const { engine, vault, dataDir, origin } = await setup();
    const connection: Connection = {
      id: 'th-web',
      name: 'Thalamus web',
      target: 'thalamus-cases',
      server: `${origin}/thalamus`,
      touchpoint: THALAMUS_PASSWORD_TOUCHPOINT,
    };
    const summary = await engine.saveConnection({
      connection,
      token: SANDBOX_TOKEN,
      partyPassword: THALAMUS_SANDBOX_PARTY_PASSWORD,
    });
    expect(summary).toMatchObject({ hasToken: true, hasPartyPassword: true });
    expect(JSON.stringify(await engine.listConnections())).not.toContain(THALAMUS_SANDBOX_PARTY_PASSWORD);
    expect(readFileSync(join(dataDir, 'connections.json'), 'utf8')).not.toContain(
      THALAMUS_SANDBOX_PARTY_PASSWORD,
    );
    expect(await vault.get('th-web#party-password')).toBe(THALAMUS_SANDBOX_PARTY_PASSWORD);

    const path = writeCsv(
      join(dataDir, 'casos.csv'),
      ['Documento', 'Categoría', 'Tipo'],
      [['1$1020304050', 'RECL', 'FACT']],
    );
    const started = await engine.startJob({ path, template: TEMPLATE, connectionId: 'th-web' });
    const finished = await engine.settled(started.jobId);
    expect(finished).toMatchObject({ status: 'finished', ok: 1 });
    const jobDir = join(dataDir, 'jobs', started.jobId);
    const written = readdirSync(jobDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
    expect(written.length).toBeGreaterThan(0);
    for (const text of written) expect(text).not.toContain(THALAMUS_SANDBOX_PARTY_PASSWORD);

    // Saving again without a password keeps it; an empty one removes it (passwordless touchpoints).
    await engine.saveConnection({ connection: { ...connection, name: 'Thalamus (web)' } });
    expect(await vault.get('th-web#party-password')).toBe(THALAMUS_SANDBOX_PARTY_PASSWORD);
    const cleared = await engine.saveConnection({ connection, partyPassword: '' });
    expect(cleared.hasPartyPassword).toBe(false);
    expect(await vault.has('th-web#party-password')).toBe(false);
  });
});
