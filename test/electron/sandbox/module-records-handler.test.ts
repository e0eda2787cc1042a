import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  SANDBOX_TOKEN,
  startSandbox,
  WOLKVOX_MESSAGES,
  type SandboxHandle,
} from '../../../electron/sandbox/sandbox';
import { postCase, send, VALID_CASE } from './sandbox-requests';

let sandbox: SandboxHandle;

beforeEach(async () => {
  sandbox = await startSandbox();
});

afterEach(async () => {
  await sandbox.close();
});

function postModule(path: 'insertMany.php' | 'insert.php', body: unknown) {
  return send(`${sandbox.origin}/server/API/v2/custom/${path}`, {
    method: 'POST',
    headers: { 'Wolkvox-Token': SANDBOX_TOKEN, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const ANA = {
  namecontact: 'Ana Gómez',
  emailcontact: 'ana.gomez@correo.co',
  idcontact: '1020304050',
  telephonecontact: '3001234567',
};

function reviewDetail(answer: { body: unknown }): string {
  const body = answer.body as { error: string; msg: string };
  expect(body.error).toBe(WOLKVOX_MESSAGES.review);
  return body.msg;
}

describe('module records (T2)', () => {
  it('saves a batch with typed fields as objects, and its contacts become contacts T1 cases may name', async () => {
    const before = await postCase(sandbox, { ...VALID_CASE, contact: ANA.emailcontact });
    expect(reviewDetail(before)).toBe(`THE CONTACT (${ANA.emailcontact}) DOES NOT EXIST IN THE OPERATION`);

    const record = {
      ...ANA,
      Dirección: { type: 'address', value: 'Calle 145a #12-60' },
      Asesor: { type: 'search', value: 'ana.gomez@demo' },
    };
    const answer = await postModule('insertMany.php', {
      operation: 'demo',
      module: 'contacts',
      fields: [record, { namecontact: 'Luis Pérez' }],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ code: '200', error: 'null', data: { records_added: 2 } });
    expect(sandbox.accepted().moduleRecords.map((r) => r.record)).toEqual([
      record,
      { namecontact: 'Luis Pérez' },
    ]);

    expect((await postCase(sandbox, { ...VALID_CASE, contact: ANA.emailcontact })).status).toBe(200);
  });

  it('one record through insert.php', async () => {
    const answer = await postModule('insert.php', {
      operation: 'demo',
      module: 'ventas',
      fields: { 'Número de venta': 'V-1', Productos: { type: 'table', value: [{ SKU: 'A1', Cantidad: 2 }] } },
    });
    expect(answer.body).toMatchObject({ code: '200', data: { id: 'REC-000001' } });
  });

  it.each([
    [
      'a typed field sent as a plain string',
      { ...ANA, Dirección: 'Calle 145a #12-60' },
      'THE FIELD (Dirección) IS OF TYPE ADDRESS: SEND {"type":"address","value":...}',
    ],
    [
      'a field the module does not have',
      { ...ANA, Cuidad: 'Cali' },
      'THE FIELD (Cuidad) DOES NOT EXIST IN THE MODULE (contacts)',
    ],
    [
      'a search for a user that does not exist',
      { Asesor: { type: 'search', value: 'nadie@demo' } },
      'THE USER (nadie@demo) OF THE FIELD (Asesor) DOES NOT EXIST IN THE OPERATION',
    ],
  ])('refuses the whole batch for %s, without naming the record', async (_name, bad, detail) => {
    const answer = await postModule('insertMany.php', {
      operation: 'demo',
      module: 'contacts',
      fields: [{ namecontact: 'Bien' }, bad],
    });
    expect(answer.status).toBe(404);
    expect(reviewDetail(answer)).toBe(detail);
    expect(sandbox.accepted().moduleRecords).toEqual([]);
  });

  it('refuses a table whose value is not an array of rows, a module or operation it does not have, and a duplicate id', async () => {
    const table = await postModule('insert.php', {
      operation: 'demo',
      module: 'ventas',
      fields: { Productos: { type: 'table', value: '[{"SKU":"A1"}]' } },
    });
    expect(reviewDetail(table)).toBe(
      'THE FIELD (Productos) OF TYPE TABLE MUST HAVE AN ARRAY OF ROWS AS VALUE',
    );
    expect(
      reviewDetail(
        await postModule('insertMany.php', { operation: 'demo', module: 'clientes', fields: [ANA] }),
      ),
    ).toBe('THE MODULE (clientes) DOES NOT EXIST IN THE OPERATION');
    expect(
      reviewDetail(
        await postModule('insertMany.php', { operation: 'otra', module: 'contacts', fields: [ANA] }),
      ),
    ).toContain('THE OPERATION (otra)');
    expect(
      (await postModule('insertMany.php', { operation: 'demo', module: 'contacts', fields: [ANA] })).status,
    ).toBe(200);
    const again = await postModule('insertMany.php', {
      operation: 'demo',
      module: 'contacts',
      fields: [ANA],
    });
    expect(again.body).toMatchObject({ code: '404', error: 'THIS CODE ALREADY EXISTS' });
  });

  it('caps a request at 10,000 records and wants the parameters', async () => {
    const tooMany = await postModule('insertMany.php', {
      operation: 'demo',
      module: 'contacts',
      fields: Array.from({ length: 10_001 }, (_, i) => ({ namecontact: `C${i}` })),
    });
    expect(tooMany).toMatchObject({ status: 412, body: { error: WOLKVOX_MESSAGES.recordsLimit } });
    expect((await postModule('insertMany.php', { operation: 'demo', fields: [ANA] })).body).toMatchObject({
      code: '400',
      error: WOLKVOX_MESSAGES.parametersRequired,
    });
    expect(
      (await postModule('insertMany.php', { operation: 'demo', module: 'contacts', fields: [] })).status,
    ).toBe(400);
  });
});
