import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  SANDBOX_TOKEN,
  startSandbox,
  THALAMUS_PASSWORD_TOUCHPOINT,
  THALAMUS_PASSWORDLESS_TOUCHPOINT,
  THALAMUS_SANDBOX_PARTY_PASSWORD,
  type SandboxHandle,
} from '../../../electron/sandbox/sandbox';
import { send } from './sandbox-requests';

let sandbox: SandboxHandle;

beforeEach(async () => {
  sandbox = await startSandbox();
});

afterEach(async () => {
  await sandbox.close();
});

function basic(principal: string, password = ''): string {
  return `Basic ${Buffer.from(`${principal}:${password}`).toString('base64')}`;
}

function createCase(
  body: unknown,
  options: {
    party?: string | null;
    password?: string;
    touchpoint?: string;
    token?: string;
    path?: string;
  } = {},
) {
  const headers: Record<string, string> = {
    'Thalamus-Touchpoint': options.touchpoint ?? THALAMUS_PASSWORDLESS_TOUCHPOINT,
    'Thalamus-Token': options.token ?? SANDBOX_TOKEN,
    'Content-Type': 'application/json',
  };
  if (options.party !== null)
    headers.Authorization = basic(options.party ?? '1$1020304050', options.password);
  return send(`${sandbox.origin}${options.path ?? '/thalamus/api/v4/cases'}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
}

const CASE = {
  categoryCode: 'RECL',
  typeCode: 'FACT',
  status: 'Creado',
  comments: [{ description: 'Cobro doble en la factura de marzo' }],
  caseData: {
    Monto: 150000.5,
    Urgente: true,
    Cantidad: 2,
    'Fecha de compra': '2026-03-01',
    Canal: 'Teléfono',
  },
};

describe('the sandbox Thalamus (T4)', () => {
  it('creates a case for the logged-in party, answering the new id in data.entity, under its path', async () => {
    const answer = await createCase(CASE);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      links: [],
      data: { entity: { id: 9001, categoryCode: 'RECL', party: '1$1020304050' } },
      errors: {},
    });
    expect(sandbox.accepted().thalamusCases).toEqual([
      { id: 9001, party: '1$1020304050', touchpoint: THALAMUS_PASSWORDLESS_TOUCHPOINT, body: CASE },
    ]);
    expect((await createCase(CASE, { path: '/api/v4/cases' })).status).toBe(404);
  });

  it('refuses a party that cannot log in with 401 session NotLoggedIn', async () => {
    for (const options of [
      { party: null },
      { party: '1$999' },
      { touchpoint: THALAMUS_PASSWORD_TOUCHPOINT },
      { touchpoint: THALAMUS_PASSWORD_TOUCHPOINT, password: 'mala' },
    ]) {
      const answer = await createCase(CASE, options);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ errors: { session: 'NotLoggedIn' } });
    }
    const withPassword = await createCase(CASE, {
      touchpoint: THALAMUS_PASSWORD_TOUCHPOINT,
      password: THALAMUS_SANDBOX_PARTY_PASSWORD,
    });
    expect(withPassword.status).toBe(201);
    expect(sandbox.accepted().thalamusCases).toHaveLength(1);
  });

  it('refuses an unknown token or touchpoint apart from the party', async () => {
    expect((await createCase(CASE, { token: 'otro' })).body).toMatchObject({
      errors: { token: 'InvalidCredentials' },
    });
    expect((await createCase(CASE, { touchpoint: 'tp-x' })).body).toMatchObject({
      errors: { touchpoint: 'InvalidCredentials' },
    });
  });

  it.each([
    [{ ...CASE, categoryCode: '' }, { category: 'CodeRequired' }],
    [{ ...CASE, categoryCode: 'SISTEMA' }, { category: 'CategorySystemNode' }],
    [{ ...CASE, typeCode: 'INFO' }, { categoryOrType: 'InvalidCode' }],
    [{ ...CASE, status: 'Pendiente' }, { caseStatus: 'InvalidName' }],
    [{ ...CASE, status: 'Cerrado' }, { caseStatus: 'InitialStatusNotSelected' }],
    [{ ...CASE, resolution: 'Resuelto' }, { caseResolutionType: 'InitialResolutionTypeNotSelected' }],
    [{ ...CASE, caseData: { Monto: '150000.50' } }, { 'caseData.Monto': 'InvalidValue' }],
    [{ ...CASE, caseData: { Urgente: 'Sí' } }, { 'caseData.Urgente': 'InvalidValue' }],
    [{ ...CASE, caseData: { Cantidad: 2.5 } }, { 'caseData.Cantidad': 'InvalidValue' }],
    [
      { ...CASE, caseData: { 'Fecha de compra': '01/03/2026' } },
      { 'caseData.Fecha de compra': 'InvalidValue' },
    ],
    [{ ...CASE, caseData: { Ciudad: 'Cali' } }, { 'caseData.Ciudad': 'InvalidName' }],
  ])('400 with the code SPEC names: %j', async (body, errors) => {
    const answer = await createCase(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors });
    expect(sandbox.accepted().thalamusCases).toEqual([]);
  });

  it('lists the valid category/type pairs and the statuses to a logged-in party', async () => {
    const headers = {
      'Thalamus-Touchpoint': THALAMUS_PASSWORDLESS_TOUCHPOINT,
      'Thalamus-Token': SANDBOX_TOKEN,
      Authorization: basic('1$1020304050'),
    };
    const pairs = await send(`${sandbox.origin}/thalamus/api/v4/cases/typecategory`, { headers });
    expect(pairs.body).toMatchObject({
      data: {
        caseTypeCategories: expect.arrayContaining([
          {
            caseCategoryCode: 'RECL',
            caseCategoryName: 'Reclamos',
            caseTypeCode: 'FACT',
            caseTypeName: 'Facturación',
            defaultAnswer: 'Revisaremos su factura.',
          },
        ]),
      },
    });
    const statuses = await send(
      `${sandbox.origin}/thalamus/api/v4/cases/status?touchpoint=${THALAMUS_PASSWORDLESS_TOUCHPOINT}&token=${SANDBOX_TOKEN}`,
      { headers: { Authorization: basic('maria.lopez@example.com') } },
    );
    expect(statuses.body).toMatchObject({
      data: {
        caseStatuses: expect.arrayContaining([{ statusName: 'Cerrado', initial: false, finalState: true }]),
      },
    });
  });

  it.each([
    ['no party', THALAMUS_PASSWORDLESS_TOUCHPOINT, undefined],
    ['an unknown party', THALAMUS_PASSWORDLESS_TOUCHPOINT, basic('1$000')],
    ['a party without its password on the web touchpoint', THALAMUS_PASSWORD_TOUCHPOINT, basic('1$52123456')],
    ['a wrong password', THALAMUS_PASSWORD_TOUCHPOINT, basic('1$52123456', 'otra')],
  ])('refuses the lists to %s: 401 NotLoggedIn, as a case', async (_what, touchpoint, authorization) => {
    const headers: Record<string, string> = {
      'Thalamus-Touchpoint': touchpoint,
      'Thalamus-Token': SANDBOX_TOKEN,
    };
    if (authorization) headers.Authorization = authorization;
    for (const list of ['typecategory', 'status']) {
      const answer = await send(`${sandbox.origin}/thalamus/api/v4/cases/${list}`, { headers });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ errors: { session: 'NotLoggedIn' } });
    }
    const web = await send(`${sandbox.origin}/thalamus/api/v4/cases/status`, {
      headers: {
        'Thalamus-Touchpoint': THALAMUS_PASSWORD_TOUCHPOINT,
        'Thalamus-Token': SANDBOX_TOKEN,
        Authorization: basic('1$52123456', THALAMUS_SANDBOX_PARTY_PASSWORD),
      },
    });
    expect(web.status).toBe(200);
  });
});
