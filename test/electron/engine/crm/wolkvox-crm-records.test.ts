import { describe, expect, it } from 'vitest';

import { wolkvoxCrmRecords } from '../../../../electron/engine/crm/wolkvox-crm-records';
import { CargaError } from '../../../../shared/errors/carga-error';
import { record, resolved, TOKEN } from './connection-fixture';

const conn = resolved({ target: 'wolkvox-crm-records', operation: 'mi_operacion', module: 'contacts' });

describe('wolkvox CRM module records', () => {
  it('posts the records of a batch as JSON, system keys and CRM labels exactly as given', () => {
    const request = wolkvoxCrmRecords.buildRequest(conn, [
      record(
        { namecontact: 'Ana Pérez', telephonecontact: '3001234567', emailcontact: '' },
        { 'Tipo Cliente': 'VIP', Ciudad: '' },
      ),
      record({ namecontact: 'Luis Gómez', idcontact: '1020304050' }, { 'Tipo Cliente': 'Nuevo' }),
    ]);
    expect(request).toMatchObject({
      method: 'POST',
      url: 'https://crm0000.wolkvox.com/server/API/v2/custom/insertMany.php',
      headers: { 'Wolkvox-Token': TOKEN, 'Content-Type': 'application/json' },
    });
    expect(JSON.parse(String(request.body))).toEqual({
      operation: 'mi_operacion',
      module: 'contacts',
      fields: [
        { namecontact: 'Ana Pérez', telephonecontact: '3001234567', 'Tipo Cliente': 'VIP' },
        { namecontact: 'Luis Gómez', idcontact: '1020304050', 'Tipo Cliente': 'Nuevo' },
      ],
    });
    expect(wolkvoxCrmRecords.maxBatch).toBe(10_000);
  });

  it('needs the operation and the module of the connection', () => {
    expect(() =>
      wolkvoxCrmRecords.buildRequest(resolved({ target: 'wolkvox-crm-records', module: 'contacts' }), [
        record({}),
      ]),
    ).toThrow(CargaError);
    expect(() =>
      wolkvoxCrmRecords.buildRequest(resolved({ target: 'wolkvox-crm-records', operation: 'op' }), [
        record({}),
      ]),
    ).toThrow(CargaError);
  });

  it('reads a batch answer: success, partial, and "added" for the whole batch as success', () => {
    const ok = {
      status: 200,
      bodyText: JSON.stringify({ code: '200', error: 'null', msg: 'Success', data: null }),
    };
    expect(wolkvoxCrmRecords.readResponse(ok, 2)).toEqual({ kind: 'ok', ids: [], data: null });
    const added = (n: number) => ({
      status: 404,
      bodyText: JSON.stringify({
        code: '404',
        error: `${n} RECORDS HAS BEEN ADDED, PLEASE VALIDATE THE DATA`,
        msg: '',
        data: null,
      }),
    });
    expect(wolkvoxCrmRecords.readResponse(added(1), 2)).toMatchObject({
      kind: 'failure',
      failureClass: 'partial',
      added: 1,
    });
    expect(wolkvoxCrmRecords.readResponse(added(2), 2)).toEqual({ kind: 'ok', ids: [] });
  });

  it('reads the quota like the CRM cases target', () => {
    expect(wolkvoxCrmRecords.quotaRequest?.(conn).url).toBe(
      'https://crm0000.wolkvox.com/server/API/v2/token/tokenInformation.php?operation=mi_operacion',
    );
  });
});
