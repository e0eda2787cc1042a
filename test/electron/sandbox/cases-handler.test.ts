import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  SANDBOX_TOKEN,
  startSandbox,
  WOLKVOX_MESSAGES,
  type SandboxHandle,
} from '../../../electron/sandbox/sandbox';
import { caseForm, CASES_PATH, crmFailure, postCase, send, VALID_CASE } from './sandbox-requests';

const REVIEW = WOLKVOX_MESSAGES.review;
const REQUIRED = WOLKVOX_MESSAGES.parametersRequired;

let sandbox: SandboxHandle;

beforeEach(async () => {
  sandbox = await startSandbox({ caseTypes: ['Garantía'] });
});

afterEach(async () => {
  await sandbox.close();
});

describe('inserting a case (T1)', () => {
  it('accepts a valid case, answers its id the CRM way and records exactly what was sent', async () => {
    const answer = await postCase(sandbox, {
      ...VALID_CASE,
      form: JSON.stringify({
        Ciudad: 'Medellín',
        'Número de póliza': '000123',
        'Fecha cierre': '20260315000000',
      }),
      solution: 'Se reversó el cobro',
    });

    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(answer.body).toEqual({
      code: '200',
      error: 'null',
      msg: 'Success',
      data: { id_case: 'CS-000001' },
    });
    expect(sandbox.accepted()).toEqual({
      cases: [
        {
          id: 'CS-000001',
          fields: { ...VALID_CASE, solution: 'Se reversó el cobro' },
          form: { Ciudad: 'Medellín', 'Número de póliza': '000123', 'Fecha cierre': '20260315000000' },
          attachments: [],
        },
      ],
      campaignRecords: [],
      moduleRecords: [],
      thalamusCases: [],
    });
  });

  it('gives each case its own id', async () => {
    const first = await postCase(sandbox);
    const second = await postCase(sandbox);

    expect(first.body).toMatchObject({ data: { id_case: 'CS-000001' } });
    expect(second.body).toMatchObject({ data: { id_case: 'CS-000002' } });
  });

  it('records an attachment by name, type and size, not its content', async () => {
    const form = caseForm(VALID_CASE);
    form.append('file', new Blob(['factura escaneada'], { type: 'application/pdf' }), 'factura.pdf');

    const answer = await send(`${sandbox.origin}${CASES_PATH}`, {
      method: 'POST',
      body: form,
      headers: { 'Wolkvox-Token': SANDBOX_TOKEN },
    });

    expect(answer.status).toBe(200);
    expect(sandbox.accepted().cases[0]?.attachments).toEqual([
      { filename: 'factura.pdf', mimeType: 'application/pdf', size: 17 },
    ]);
  });

  it('keeps fields it does not know in the record', async () => {
    await postCase(sandbox, { ...VALID_CASE, canal: 'web' });

    expect(sandbox.accepted().cases[0]?.fields).toEqual({ ...VALID_CASE, canal: 'web' });
  });

  it('takes a custom case type configured in the operation', async () => {
    const answer = await postCase(sandbox, { ...VALID_CASE, 'case-type': 'Garantía' });

    expect(answer.status).toBe(200);
  });

  it('takes the statuses and priorities its CRM has beyond the built-in ones (in progress, urgent)', async () => {
    const answer = await postCase(sandbox, { ...VALID_CASE, status: 'in progress', priority: 'urgent' });

    expect(answer.status).toBe(200);
    expect(sandbox.accepted().cases[0]?.fields).toMatchObject({ status: 'in progress', priority: 'urgent' });
  });

  it.each([
    [
      'status',
      'on hold',
      'THE STATUS (on hold) IS NOT VALID, USE ONE OF: open, pending, closed, in progress',
    ],
    ['priority', 'critical', 'THE PRIORITY (critical) IS NOT VALID, USE ONE OF: low, medium, high, urgent'],
  ])('still refuses a %s its CRM does not have (%s)', async (field, value, detail) => {
    const answer = await postCase(sandbox, { ...VALID_CASE, [field]: value });

    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(crmFailure(404, REVIEW, detail));
    expect(sandbox.accepted().cases).toEqual([]);
  });

  it('finds users and contacts without regard to case, as the CRM database does', async () => {
    const answer = await postCase(sandbox, {
      ...VALID_CASE,
      responsible: 'Ana.Gomez@demo',
      contact: 'MARIA.LOPEZ@example.com',
    });

    expect(answer.status).toBe(200);
  });

  it('answers 405 to any method but POST', async () => {
    const answer = await send(`${sandbox.origin}${CASES_PATH}`, {
      headers: { 'Wolkvox-Token': SANDBOX_TOKEN },
    });

    expect(answer.status).toBe(405);
    expect(answer.body).toEqual(
      crmFailure(405, 'ONLY THE USE OF THE POST METHOD IS ALLOWED IN THIS REQUEST'),
    );
  });

  it('answers 401 without a token and 403 to a token it does not know', async () => {
    const missing = await postCase(sandbox, VALID_CASE, { token: null });
    const unknown = await postCase(sandbox, VALID_CASE, { token: 'not-a-token' });

    expect(missing.status).toBe(401);
    expect(missing.body).toEqual(crmFailure(401, 'PLEASE ENTER THE WOLKVOX-TOKEN'));
    expect(unknown.status).toBe(403);
    expect(unknown.body).toEqual(crmFailure(403, 'INVALID TOKEN'));
  });

  it('reads only form-data: JSON and urlencoded bodies get 400 SOME PARAMETERS ARE REQUIRED', async () => {
    const url = `${sandbox.origin}${CASES_PATH}`;
    const json = await send(url, {
      method: 'POST',
      body: JSON.stringify(VALID_CASE),
      headers: { 'Wolkvox-Token': SANDBOX_TOKEN, 'content-type': 'application/json' },
    });
    const urlencoded = await send(url, {
      method: 'POST',
      body: new URLSearchParams({ ...VALID_CASE }),
      headers: { 'Wolkvox-Token': SANDBOX_TOKEN },
    });

    expect(json.status).toBe(400);
    expect(json.body).toEqual(crmFailure(400, REQUIRED));
    expect(urlencoded.status).toBe(400);
    expect(urlencoded.body).toEqual(crmFailure(400, REQUIRED));
    expect(sandbox.accepted().cases).toEqual([]);
  });

  it('answers 400 to a multipart body that is cut short', async () => {
    const answer = await send(`${sandbox.origin}${CASES_PATH}`, {
      method: 'POST',
      body: '--xyz\r\nContent-Disposition: form-data; name="operation"\r\n\r\ndemo',
      headers: { 'Wolkvox-Token': SANDBOX_TOKEN, 'content-type': 'multipart/form-data; boundary=xyz' },
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(crmFailure(400, REQUIRED));
  });

  it.each(['operation', 'case-type', 'responsible', 'owner', 'contact', 'description', 'status', 'priority'])(
    'answers 400 SOME PARAMETERS ARE REQUIRED when %s is missing or blank',
    async (field) => {
      const { [field]: _dropped, ...without } = VALID_CASE;
      const missing = await postCase(sandbox, without);
      const blank = await postCase(sandbox, { ...VALID_CASE, [field]: '  ' });

      expect(missing.status).toBe(400);
      expect(missing.body).toEqual(crmFailure(400, REQUIRED));
      expect(blank.status).toBe(400);
      expect(blank.body).toEqual(crmFailure(400, REQUIRED));
      expect(sandbox.accepted().cases).toEqual([]);
    },
  );

  it.each([
    ['operation', 'Demo', 'THE OPERATION (Demo) DOES NOT EXIST OR DOES NOT BELONG TO THIS TOKEN'],
    ['case-type', 'Solicitud', 'THE CASE TYPE (Solicitud) DOES NOT EXIST IN THE OPERATION'],
    [
      'status',
      'Abierto',
      'THE STATUS (Abierto) IS NOT VALID, USE ONE OF: open, pending, closed, in progress',
    ],
    ['status', 'Open', 'THE STATUS (Open) IS NOT VALID, USE ONE OF: open, pending, closed, in progress'],
    ['priority', 'Alta', 'THE PRIORITY (Alta) IS NOT VALID, USE ONE OF: low, medium, high, urgent'],
    ['responsible', 'pedro@demo', 'THE RESPONSIBLE USER (pedro@demo) DOES NOT EXIST IN THE OPERATION'],
    ['owner', 'pedro@demo', 'THE OWNER USER (pedro@demo) DOES NOT EXIST IN THE OPERATION'],
    ['contact', 'nadie@example.com', 'THE CONTACT (nadie@example.com) DOES NOT EXIST IN THE OPERATION'],
  ])('answers 404 REVIEW… naming the field when %s is %s', async (field, value, detail) => {
    const answer = await postCase(sandbox, { ...VALID_CASE, [field]: value });

    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(crmFailure(404, REVIEW, detail));
    expect(sandbox.accepted().cases).toEqual([]);
  });

  it.each([
    [{ ciudad: 'Cali' }, 'THE CUSTOM FIELD (ciudad) DOES NOT EXIST IN THE CASES MODULE'],
    [{ 'Ciudad ': 'Cali' }, 'THE CUSTOM FIELD (Ciudad ) DOES NOT EXIST IN THE CASES MODULE'],
    [{ 'Numero de poliza': '1' }, 'THE CUSTOM FIELD (Numero de poliza) DOES NOT EXIST IN THE CASES MODULE'],
    [{ 'Fecha Cierre': '1' }, 'THE CUSTOM FIELD (Fecha Cierre) DOES NOT EXIST IN THE CASES MODULE'],
    [{ Ciudad: { nombre: 'Cali' } }, 'THE CUSTOM FIELD (Ciudad) MUST HAVE A TEXT VALUE'],
  ])('answers 404 REVIEW… when a custom field in form is not spelled exactly: %j', async (form, detail) => {
    const answer = await postCase(sandbox, { ...VALID_CASE, form: JSON.stringify(form) });

    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(crmFailure(404, REVIEW, detail));
    expect(sandbox.accepted().cases).toEqual([]);
  });

  it.each(['Ciudad=Cali', '["Cali"]', 'null'])(
    'answers 404 REVIEW… when form is not a JSON object: %s',
    async (form) => {
      const answer = await postCase(sandbox, { ...VALID_CASE, form });

      expect(answer.body).toEqual(crmFailure(404, REVIEW, 'THE FORM FIELD MUST BE A JSON OBJECT'));
    },
  );

  it('takes an empty form as no custom fields', async () => {
    await postCase(sandbox, { ...VALID_CASE, form: '{}' });
    await postCase(sandbox, { ...VALID_CASE, form: '' });

    expect(sandbox.accepted().cases.map((c) => c.form)).toEqual([{}, {}]);
  });

  it('refuses a field over 1 MB, naming it', async () => {
    const answer = await postCase(sandbox, { ...VALID_CASE, description: 'x'.repeat(1024 * 1024 + 1) });

    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(crmFailure(404, REVIEW, 'THE FIELD (description) EXCEEDS THE LIMIT OF 1 MB'));
    expect(sandbox.accepted().cases).toEqual([]);
  });
});
