import { describe, expect, it } from 'vitest';

import { thalamusCases } from '../../../../electron/engine/crm/thalamus-cases';
import { CargaError } from '../../../../shared/errors/carga-error';
import { record, resolved, TOKEN } from './connection-fixture';

const origin = 'https://api.thalamus.example';
const conn = resolved({ target: 'thalamus-cases', touchpoint: 'web-01' }, origin);

describe('Thalamus cases', () => {
  it('posts one case as JSON with the touchpoint and token headers', () => {
    const request = thalamusCases.buildRequest(conn, [
      record(
        {
          categoryCode: 'Reclamo',
          typeCode: 'Telefonico',
          status: 'Created',
          resolution: '',
          comment: 'El cliente llamó dos veces.',
        },
        { FechaCompra: '2026-01-15', Monto: '150000.50', Urgente: '' },
      ),
    ]);
    expect(request).toMatchObject({
      method: 'POST',
      url: 'https://api.thalamus.example/api/v4/cases',
      headers: {
        'Thalamus-Touchpoint': 'web-01',
        'Thalamus-Token': TOKEN,
        'Content-Type': 'application/json',
      },
    });
    expect(JSON.parse(String(request.body))).toEqual({
      categoryCode: 'Reclamo',
      typeCode: 'Telefonico',
      status: 'Created',
      comments: [{ description: 'El cliente llamó dos veces.' }],
      caseData: { FechaCompra: '2026-01-15', Monto: '150000.50' },
    });
  });

  it('sends only the codes when nothing else is given', () => {
    const request = thalamusCases.buildRequest(conn, [
      record({ categoryCode: 'Reclamo', typeCode: 'Telefonico' }),
    ]);
    expect(JSON.parse(String(request.body))).toEqual({ categoryCode: 'Reclamo', typeCode: 'Telefonico' });
  });

  it('needs the touchpoint, and sends one record per request', () => {
    expect(() =>
      thalamusCases.buildRequest(resolved({ target: 'thalamus-cases' }, origin), [record({})]),
    ).toThrow(CargaError);
    expect(() => thalamusCases.buildRequest(conn, [])).toThrow(/one record per request/);
    expect(thalamusCases.maxBatch).toBe(1);
    expect(thalamusCases.quotaRequest).toBeUndefined();
  });

  it('reads 201 as the new case and 400 errors per code', () => {
    expect(
      thalamusCases.readResponse({ status: 201, bodyText: JSON.stringify({ case: { id: 31 } }) }, 1),
    ).toMatchObject({ kind: 'ok', ids: ['31'] });
    expect(
      thalamusCases.readResponse(
        { status: 400, bodyText: '{"errors":{"caseStatus":"InitialStatusNotSelected"}}' },
        1,
      ),
    ).toMatchObject({
      kind: 'failure',
      failureClass: 'row',
      explanation: { code: 'crm.thalamus.initial-status' },
    });
  });

  it("logs the row's party in with Basic auth and sends declared caseData types as JSON booleans and numbers", () => {
    const typed = {
      ...record(
        { party: '1$1020304050', categoryCode: 'RECL', typeCode: 'FACT' },
        { Monto: '1234.56', Urgente: 'true', Canal: '007' },
      ),
      types: { Monto: 'decimal', Urgente: 'boolean' } as const,
    };
    const request = thalamusCases.buildRequest({ ...conn, partyPassword: 'clave' }, [typed]);
    expect(request.headers.Authorization).toBe(
      `Basic ${Buffer.from('1$1020304050:clave').toString('base64')}`,
    );
    expect(JSON.parse(String(request.body)).caseData).toEqual({
      Monto: 1234.56,
      Urgente: true,
      Canal: '007',
    });
    // Passwordless touchpoints: an empty password.
    expect(thalamusCases.buildRequest(conn, [typed]).headers.Authorization).toBe(
      `Basic ${Buffer.from('1$1020304050:').toString('base64')}`,
    );
  });
});
