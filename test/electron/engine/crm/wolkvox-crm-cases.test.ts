import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { createHttpClient } from '../../../../electron/engine/crm/undici-http-client';
import { wolkvoxCrmCases } from '../../../../electron/engine/crm/wolkvox-crm-cases';
import { CargaError } from '../../../../shared/errors/carga-error';
import { record, resolved, TOKEN } from './connection-fixture';
import { multipartFields, requestFields } from './multipart-fields';

const conn = resolved({ target: 'wolkvox-crm-cases', operation: 'mi_operacion' });
const caseFields = {
  operation: 'mi_operacion',
  'case-type': 'Complaints',
  responsible: 'ana@mi_operacion',
  owner: 'luis@mi_operacion',
  contact: 'cliente@correo.com',
  description: 'Cobro doble en la factura.\nSegunda línea.',
  status: 'open',
  priority: 'high',
};

afterEach(() => {
  vi.useRealTimers();
});

describe('wolkvox CRM cases: the request', () => {
  it('posts one case as multipart/form-data, with the token in its header', async () => {
    const request = wolkvoxCrmCases.buildRequest(conn, [
      record(caseFields, { Ciudad: 'Cali', 'Fecha cierre': '20240105120000', 'Categoría Éxito': 'Sí' }),
    ]);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://crm0000.wolkvox.com/server/API/v2/cases/insert.php');
    expect(request.headers['Wolkvox-Token']).toBe(TOKEN);
    const boundary = /^multipart\/form-data; boundary=(\S+)$/.exec(
      request.headers['Content-Type'] ?? '',
    )?.[1];
    expect(
      Buffer.from(request.body as Uint8Array)
        .toString('utf8')
        .startsWith(`--${boundary}\r\n`),
    ).toBe(true);
    expect(await requestFields(request)).toEqual([
      ['operation', 'mi_operacion'],
      ['case-type', 'Complaints'],
      ['responsible', 'ana@mi_operacion'],
      ['owner', 'luis@mi_operacion'],
      ['contact', 'cliente@correo.com'],
      ['description', 'Cobro doble en la factura.\nSegunda línea.'],
      ['status', 'open'],
      ['priority', 'high'],
      ['form', '{"Ciudad":"Cali","Fecha cierre":"20240105120000","Categoría Éxito":"Sí"}'],
    ]);
  });

  it('sends the solution when there is one, and custom fields only when they hold something', async () => {
    const request = wolkvoxCrmCases.buildRequest(conn, [
      record({ ...caseFields, solution: 'Se reembolsó.' }, { Ciudad: '', Barrio: 'Centro' }),
    ]);
    const fields = await requestFields(request);
    expect(fields.slice(8)).toEqual([
      ['solution', 'Se reembolsó.'],
      ['form', '{"Barrio":"Centro"}'],
    ]);
    const plain = await requestFields(
      wolkvoxCrmCases.buildRequest(conn, [record({ ...caseFields, solution: '' }, { Ciudad: '' })]),
    );
    expect(plain.map(([name]) => name)).toEqual([
      'operation',
      'case-type',
      'responsible',
      'owner',
      'contact',
      'description',
      'status',
      'priority',
    ]);
  });

  it('takes the operation from the connection when the record has none', async () => {
    const { operation: _operation, ...rest } = caseFields;
    const fields = await requestFields(wolkvoxCrmCases.buildRequest(conn, [record(rest)]));
    expect(fields[0]).toEqual(['operation', 'mi_operacion']);
  });

  it('refuses to build without an operation, and sends one record per request', () => {
    const { operation: _operation, ...rest } = caseFields;
    const noOperation = resolved({ target: 'wolkvox-crm-cases' });
    expect(() => wolkvoxCrmCases.buildRequest(noOperation, [record(rest)])).toThrow(CargaError);
    expect(() => wolkvoxCrmCases.buildRequest(conn, [record(caseFields), record(caseFields)])).toThrow(
      /one record per request/,
    );
    expect(wolkvoxCrmCases.maxBatch).toBe(1);
  });

  it('arrives intact at a real server through the HTTP client', async () => {
    let received: { token: string | undefined; fields: [string, string][] } | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void multipartFields(req.headers['content-type'] ?? '', Buffer.concat(chunks)).then((fields) => {
          received = { token: req.headers['wolkvox-token'] as string | undefined, fields };
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ code: '200', error: 'null', msg: 'Success', data: { id_case: 9876 } }));
        });
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const http = createHttpClient();
    try {
      const local = resolved(
        { target: 'wolkvox-crm-cases', operation: 'mi_operacion' },
        `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      );
      const result = await http.send(
        wolkvoxCrmCases.buildRequest(local, [record(caseFields, { Ciudad: 'Medellín' })]),
        { timeoutMs: 10_000 },
      );
      expect(result.kind).toBe('response');
      if (result.kind !== 'response') return;
      expect(wolkvoxCrmCases.readResponse(result.response, 1)).toMatchObject({ kind: 'ok', ids: ['9876'] });
      expect(received?.token).toBe(TOKEN);
      expect(received?.fields.at(-1)).toEqual(['form', '{"Ciudad":"Medellín"}']);
    } finally {
      await http.close();
      server.close();
    }
  });
});

describe('wolkvox CRM cases: the answer', () => {
  const answer = (data: unknown) => ({
    status: 200,
    bodyText: JSON.stringify({ code: '200', error: 'null', msg: 'Success', data }),
  });

  it('keeps what data holds as the case id', () => {
    expect(wolkvoxCrmCases.readResponse(answer({ id_case: '123', ticket: 'x' }), 1)).toMatchObject({
      ids: ['123'],
    });
    expect(wolkvoxCrmCases.readResponse(answer({ id: 55 }), 1)).toMatchObject({ ids: ['55'] });
    expect(wolkvoxCrmCases.readResponse(answer('CASE-77'), 1)).toMatchObject({ ids: ['CASE-77'] });
    expect(wolkvoxCrmCases.readResponse(answer(88), 1)).toMatchObject({ ids: ['88'] });
    expect(wolkvoxCrmCases.readResponse(answer({ ticket: 'T-1' }), 1)).toMatchObject({
      ids: ['{"ticket":"T-1"}'],
    });
    expect(wolkvoxCrmCases.readResponse(answer(null), 1)).toEqual({ kind: 'ok', ids: [], data: null });
  });

  it('reads a failure through the error catalogue', () => {
    const body = JSON.stringify({
      code: '404',
      error: 'REVIEW THE ERROR MESSAGE TO CORRECT POSSIBLE PROBLEMS',
      msg: 'THE CUSTOM FIELD (Cuidad) DOES NOT EXIST IN THE CASES MODULE',
      data: null,
    });
    expect(wolkvoxCrmCases.readResponse({ status: 404, bodyText: body }, 1)).toMatchObject({
      kind: 'failure',
      failureClass: 'row',
      explanation: { code: 'crm.wolkvox.custom-field-not-found', params: { name: 'Cuidad' } },
    });
  });
});

describe('wolkvox CRM cases: the quota', () => {
  it('asks tokenInformation.php for the operation', () => {
    const request = wolkvoxCrmCases.quotaRequest?.(
      resolved({ target: 'wolkvox-crm-cases', operation: 'mi operación' }),
    );
    expect(request).toEqual({
      method: 'GET',
      url: 'https://crm0000.wolkvox.com/server/API/v2/token/tokenInformation.php?operation=mi+operaci%C3%B3n',
      headers: { 'Wolkvox-Token': TOKEN, Accept: 'application/json' },
    });
  });

  it('reads limit, use and reset time, written as numbers or strings', () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T10:00:00.000Z') });
    const body = (data: unknown) => ({
      status: 200,
      bodyText: JSON.stringify({ code: '200', error: 'null', msg: '1 records were are found', data }),
    });
    expect(
      wolkvoxCrmCases.readQuota?.(
        body({
          description: 'token',
          token_limit: 4800,
          token_use_today: 120,
          available_consumition_options: 4680,
          hours_to_restart_count: 15,
        }),
      ),
    ).toEqual({
      limit: 4800,
      usedToday: 120,
      remaining: 4680,
      resetsAt: '2026-03-03T01:00:00.000Z',
    });
    expect(
      wolkvoxCrmCases.readQuota?.(
        body({
          token_limit: '4800',
          token_use_today: '4800',
          available_consumition_options: '0',
          hours_to_restart_count: '2',
        }),
      ),
    ).toEqual({
      limit: 4800,
      usedToday: 4800,
      remaining: 0,
      resetsAt: '2026-03-02T12:00:00.000Z',
    });
    expect(wolkvoxCrmCases.readQuota?.(body({ token_limit: '100', token_use_today: '30' }))).toEqual({
      limit: 100,
      usedToday: 30,
      remaining: 70,
    });
  });

  it('gives the failure when the quota cannot be read', () => {
    const forbidden = {
      status: 403,
      bodyText: JSON.stringify({ code: '403', error: 'INVALID TOKEN', msg: 'INVALID TOKEN', data: null }),
    };
    expect(wolkvoxCrmCases.readQuota?.(forbidden)).toMatchObject({
      kind: 'failure',
      failureClass: 'stop',
      explanation: { code: 'crm.wolkvox.token-invalid' },
    });
    const empty = {
      status: 200,
      bodyText: JSON.stringify({
        code: '200',
        error: 'null',
        msg: 'Success',
        data: { description: 'token' },
      }),
    };
    expect(wolkvoxCrmCases.readQuota?.(empty)).toMatchObject({
      kind: 'failure',
      failureClass: 'stop',
      code: '200',
      explanation: { code: 'crm.quota.unreadable' },
    });
  });
});
