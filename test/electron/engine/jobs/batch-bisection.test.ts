import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { extraRequestsToFindOne, halves } from '../../../../electron/engine/jobs/batch-bisection';
import type { SandboxEvent } from '../../../../electron/sandbox/sandbox';
import { SANDBOX_DEFAULTS } from '../../../../electron/sandbox/seeded-data';
import { templateSchema } from '../../../../shared/template';
import { CASES_TEMPLATE, importFixture, writeCsv, type ImportFixture } from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const fixtures: ImportFixture[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) await fixture.close();
});

const CONTACTS = templateSchema.parse({
  name: 'Contactos',
  target: 'wolkvox-crm-records',
  columns: { Nombre: 'namecontact', Cédula: 'idcontact', Asesor: 'field.Asesor' },
  fieldTypes: { 'field.Asesor': 'search' },
});
const HEADER = ['Nombre', 'Cédula', 'Asesor'];
const ADVISER = SANDBOX_DEFAULTS.users[1];
const INSERT_MANY = '/server/API/v2/custom/insertMany.php';

async function setup() {
  const batches: (number | null)[] = [];
  const fixture = await importFixture(tempDir(), {
    connection: { target: 'wolkvox-crm-records', module: 'contacts' },
    sandbox: {
      onEvent: (event: SandboxEvent) => {
        if (event.type === 'request-end' && event.path === INSERT_MANY) batches.push(event.status);
      },
    },
  });
  fixtures.push(fixture);
  return { fixture, batches };
}

/** Contacts whose adviser is a user of the operation, except at the `unknown` positions: the CRM
 * refuses the whole batch for such a record, without saying which. */
function contacts(dir: string, ids: string[], unknown: number[]): string {
  const rows = ids.map((id, i) => [`Cliente ${id}`, id, unknown.includes(i) ? 'nadie@demo' : ADVISER]);
  return writeCsv(join(dir, 'contactos.csv'), HEADER, rows);
}

describe('a batch of module records refused for one record (T2)', () => {
  it('is split in halves until the refused record stands alone and is named; the others go in', async () => {
    const { fixture, batches } = await setup();
    const ids = ['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008'];
    const summary = await fixture.run(contacts(fixture.dir, ids, [5]), CONTACTS);
    expect(summary).toMatchObject({ status: 'finished', ok: 7, failed: 1 });
    // 8 refused → 1-4 in, 5-8 refused → 5-6 refused → 5 in, 6 refused; 7-8 in: 6 more requests at most.
    expect(batches).toEqual([404, 200, 404, 404, 200, 404, 200]);
    expect(batches.length - 1).toBeLessThanOrEqual(extraRequestsToFindOne(8));

    const { rows } = await fixture.engine.listResults({ jobId: summary.jobId, offset: 0, limit: 10 });
    expect(rows.map((row) => [row.row, row.values['Cédula']])).toEqual([[7, '1006']]);
    expect(rows[0]?.message).toContain('THE USER (nadie@demo) OF THE FIELD (Asesor) DOES NOT EXIST');
    expect(rows[0]?.explanation?.params?.row).toBe(7);
    const accepted = fixture.sandbox.accepted().moduleRecords.map((each) => each.record.idcontact);
    expect(accepted).toEqual(['1001', '1002', '1003', '1004', '1005', '1007', '1008']);
  });

  it('has its bound announced by Check before anything is sent; one-per-row targets announce none', async () => {
    const { fixture, batches } = await setup();
    const ids = ['3001', '3002', '3003', '3004', '3005', '3006', '3007', '3008'];
    const path = contacts(fixture.dir, ids, [2]);
    const check = await fixture.engine.checkFile({
      checkId: 'c1',
      path,
      template: CONTACTS,
      connectionId: fixture.connection.id,
    });
    expect(check).toMatchObject({ requests: 1, refusedBatchSearch: extraRequestsToFindOne(8) });
    expect(batches).toEqual([]);
    const summary = await fixture.run(path, CONTACTS);
    expect(summary).toMatchObject({ ok: 7, failed: 1 });
    expect(batches.length - check.requests).toBeLessThanOrEqual(check.refusedBatchSearch!);

    const cases = await fixture.engine.checkFile({ checkId: 'c2', path, template: CASES_TEMPLATE });
    expect(cases.refusedBatchSearch).toBeUndefined();
  });

  it('stops splitting when its budget is spent: the records left fail together, never sent twice', async () => {
    const { fixture, batches } = await setup();
    const ids = ['2001', '2002', '2003', '2004', '2005', '2006', '2007', '2008'];
    const summary = await fixture.run(contacts(fixture.dir, ids, [0, 7]), CONTACTS);
    expect(batches.length - 1).toBe(extraRequestsToFindOne(8));
    expect(summary).toMatchObject({ ok: 3, failed: 5 });
    const { rows } = await fixture.engine.listResults({ jobId: summary.jobId, offset: 0, limit: 10 });
    expect(rows.map((row) => row.values['Cédula'])).toEqual(['2001', '2005', '2006', '2007', '2008']);
    // Each record reached the CRM's store at most once.
    const accepted = fixture.sandbox.accepted().moduleRecords.map((each) => String(each.record.idcontact));
    expect(new Set(accepted).size).toBe(accepted.length);
  });

  it('splits in file order, and a batch of one is never split', () => {
    expect(halves([1, 2, 3, 4, 5])).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(extraRequestsToFindOne(1)).toBe(0);
    expect(extraRequestsToFindOne(10_000)).toBe(28);
  });
});
