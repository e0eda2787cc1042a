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
import { formatMessage } from '../../../../shared/messages/catalog';
import { templateSchema } from '../../../../shared/template';
import { writeCsv } from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const engines: Engine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
});

const TEMPLATE = templateSchema.parse({
  name: 'Casos Thalamus',
  target: 'thalamus-cases',
  columns: { Documento: 'party', Categoría: 'categoryCode', Tipo: 'typeCode' },
});

async function thalamusWeb() {
  const dataDir = tempDir();
  const sandbox = await startSandboxConnections();
  const engine = await createEngine({
    dataDir,
    vault: createMemoryVault(),
    lang: 'es',
    frontDoor: 'web',
    sandbox,
  });
  engines.push(engine);
  await engine.saveConnection({
    connection: {
      id: 'th-web',
      name: 'Thalamus web',
      target: 'thalamus-cases',
      server: `${sandbox.origin}/thalamus`,
      touchpoint: THALAMUS_PASSWORD_TOUCHPOINT,
    },
    token: SANDBOX_TOKEN,
    partyPassword: THALAMUS_SANDBOX_PARTY_PASSWORD,
  });
  return { engine, dataDir, sandbox: sandbox.sandbox };
}

describe('a Thalamus party that cannot log in', () => {
  it('once other parties got in, fails only its own row, explained in Spanish and English; the job goes on', async () => {
    const { engine, dataDir, sandbox } = await thalamusWeb();
    // Two requests are in flight at a time: the refused party is third, so whichever of the first
    // two freed its slot had been accepted by then.
    const path = writeCsv(
      join(dataDir, 'casos.csv'),
      ['Documento', 'Categoría', 'Tipo'],
      [
        ['1$1020304050', 'RECL', 'FACT'],
        ['1$52123456', 'RECL', 'SERV'],
        ['1$99999999', 'SOLI', 'INFO'],
        ['maria.lopez@example.com', 'QUEJ', 'ATEN'],
      ],
    );
    const started = await engine.startJob({ path, template: TEMPLATE, connectionId: 'th-web' });
    expect(await engine.settled(started.jobId)).toMatchObject({ status: 'finished', ok: 3, failed: 1 });
    const { rows } = await engine.listResults({ jobId: started.jobId, offset: 0, limit: 10 });
    const refused = rows.find((row) => row.row === 4);
    expect(refused).toMatchObject({ failureClass: 'row' });
    expect(refused?.explanation?.code).toMatch(/^crm\.thalamus\.party-cannot-log-in/);
    expect(formatMessage('es', refused!.explanation!)).toContain(
      'Esta parte no puede iniciar sesión en Thalamus',
    );
    expect(formatMessage('en', refused!.explanation!)).toContain('This party cannot log in to Thalamus');

    // The case id Thalamus answered (data.entity.id) is kept on each accepted row.
    const accepted = sandbox.accepted().thalamusCases;
    expect(accepted).toHaveLength(3);
    const okRows = (
      await engine.listResults({ jobId: started.jobId, filter: { outcomes: ['ok'] }, offset: 0, limit: 10 })
    ).rows;
    expect(okRows.map((row) => row.crmId).sort()).toEqual(accepted.map((c) => String(c.id)).sort());
  });
});
