import { describe, expect, it } from 'vitest';

import type { Classification } from '../../../shared/errors/classification';
import {
  classifyNetworkError,
  classifyThalamusResponse,
  classifyWolkvoxResponse,
  explainAt,
} from '../../../shared/errors/classify';
import type { FailureClass } from '../../../shared/errors/failure-class';
import { formatMessage } from '../../../shared/messages/catalog';

/** wolkvox's CRM writes code and error as strings; the Manager as a number and null. */
function crmBody(code: number, error: string, msg = error): string {
  return JSON.stringify({ code: String(code), error, msg, data: null });
}
function managerBody(code: number, error: string | null, msg: string, data: unknown = null): string {
  return JSON.stringify({ code, error, msg, data });
}

function failureOf(classification: Classification): Extract<Classification, { kind: 'failure' }> {
  if (classification.kind !== 'failure')
    throw new Error(`expected a failure, got ${JSON.stringify(classification)}`);
  return classification;
}

/** Every row of seed 001, with numbers where the seed writes X. */
const SEED: [status: number, message: string, failureClass: FailureClass, explanation: string][] = [
  [400, 'THE API YOU WANT TO CONSULT DOES NOT EXIST', 'stop', 'crm.wolkvox.api-not-found'],
  [400, 'SOME PARAMETERS ARE REQUIRED', 'row', 'crm.wolkvox.parameters-required'],
  [401, 'PLEASE ENTER THE WOLKVOX-TOKEN', 'stop', 'crm.wolkvox.token-missing'],
  [403, 'TOKEN LIMIT EXCEEDED', 'quota', 'crm.wolkvox.token-limit'],
  [403, 'EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (2)', 'throttled', 'crm.wolkvox.simultaneous'],
  [403, 'PLEASE VALIDATE TOKEN', 'stop', 'crm.wolkvox.token-invalid'],
  [403, 'INVALID TOKEN', 'stop', 'crm.wolkvox.token-invalid'],
  [404, 'VALIDATE DATES ENTERED', 'row', 'crm.wolkvox.no-records-in-dates'],
  [404, 'NO DATA FOUND', 'row', 'crm.wolkvox.no-data'],
  [
    404,
    'CANNOT CREATE A NEW AGENT, THERE ARE SOME AGENTS WITHOUT INFORMATION',
    'row',
    'crm.wolkvox.agents-incomplete',
  ],
  [404, 'AGENTS EXCEED ASSIGNED LICENSES', 'stop', 'crm.wolkvox.agent-licenses'],
  [404, 'THIS AGENT DOES NOT EXIST IN YOUR OPERATION, TRY AGAIN', 'row', 'crm.wolkvox.agent-not-found'],
  [404, 'THIS CODE ALREADY EXISTS', 'row', 'crm.wolkvox.code-exists'],
  [404, 'REVIEW THE ERROR MESSAGE TO CORRECT POSSIBLE PROBLEMS', 'row', 'crm.wolkvox.review-params'],
  [404, 'ERROR NO FOUND MOBIL WHATSAPP', 'stop', 'crm.wolkvox.whatsapp-connector'],
  [404, 'SKILL_ID 15 DOES NOT EXIST IN YOUR OPERATION.', 'row', 'crm.wolkvox.skill-not-found'],
  [404, 'CAMPAING_ID 7 DOES NOT EXIST IN YOUR OPERATION.', 'stop', 'crm.wolkvox.campaign-not-found'],
  [
    404,
    'THE CAMPAIGN HAS NOT BEEN STARTED, PLEASE VALIDATE THE DATA',
    'row',
    'crm.wolkvox.campaign-already-started',
  ],
  [
    404,
    'THE CAMPAIGN HAS NOT BEEN STOPPED, PLEASE VALIDATE THE DATA',
    'row',
    'crm.wolkvox.campaign-already-stopped',
  ],
  [
    404,
    'THE CAMPAIGN HAS NOT BEEN UPDATED, PLEASE VALIDATE THE DATA',
    'row',
    'crm.wolkvox.campaign-not-updated',
  ],
  [404, 'THIS ACTION IS ALLOWED ONLY IN PEDICTIVE CAMPAIGNS', 'stop', 'crm.wolkvox.predictive-only'],
  [404, 'NO RECORD HAS BEEN CODED, PLEASE VALIDATE THE DATA', 'row', 'crm.wolkvox.not-coded'],
  [
    404,
    'YOU ARE UPLOADING (12000) RECORDS TO THE SYSTEM. ACCORDING TO QUANTITY ACTIVE LICENSES, YOU CAN UPLOAD 5000. TRY AGAIN.',
    'batch',
    'crm.wolkvox.license-cap',
  ],
  [404, '37 RECORDS HAS BEEN ADDED, PLEASE VALIDATE THE DATA', 'partial', 'crm.wolkvox.partial-added'],
  [
    404,
    'THE CAMPAIGN RECORDS HAVE NOT BEEN DELETED, PLEASE VALIDATE THE DATA',
    'row',
    'crm.wolkvox.records-not-deleted',
  ],
  [
    405,
    'ONLY THE USE OF THE GET METHOD IS ALLOWED IN THIS REQUEST',
    'stop',
    'crm.wolkvox.method-not-allowed',
  ],
  [
    405,
    'ONLY THE USE OF THE POST METHOD IS ALLOWED IN THIS REQUEST',
    'stop',
    'crm.wolkvox.method-not-allowed',
  ],
  [
    405,
    'ONLY THE USE OF THE PUT METHOD IS ALLOWED IN THIS REQUEST',
    'stop',
    'crm.wolkvox.method-not-allowed',
  ],
  [
    405,
    'ONLY THE USE OF THE DELETE METHOD IS ALLOWED IN THIS REQUEST',
    'stop',
    'crm.wolkvox.method-not-allowed',
  ],
  [
    412,
    'YOUR QUERY EXCEEDS THE SIZE LIMIT (200 MB), PLEASE DECREASES THE RANGE OF DATES',
    'stop',
    'crm.wolkvox.query-size-limit',
  ],
  [
    412,
    'YOUR QUERY EXCEEDS THE RECORDS LIMIT (60000), PLEASE DECREASES THE RANGE OF DATES',
    'stop',
    'crm.wolkvox.query-records-limit',
  ],
  [
    412,
    'YOUR QUERY EXCEEDS THE RECORDS LIMIT (10000), PLEASE DECREASES THE RECORDS NUMBERS',
    'batch',
    'crm.wolkvox.upload-limit',
  ],
  [
    416,
    'THE VALID FORMAT FOR THE (DATE_INI) IS YYYYMMDDHHIISS (20211103164009)',
    'row',
    'crm.wolkvox.date-format',
  ],
  [
    416,
    'THE VALID FORMAT FOR THE (DATE_END) IS YYYYMMDDHHIISS (20211103164009)',
    'row',
    'crm.wolkvox.date-format',
  ],
  [416, 'DATE_INI CANNOT BE GREATER THAN DATE_END', 'row', 'crm.wolkvox.date-order'],
  [
    416,
    'THE VALID FORMAT FOR THE (RECALL_DATE) IS YYYYMMDDHHIISS (20211103164009)',
    'row',
    'crm.wolkvox.date-format',
  ],
  [416, 'YOU CAN ONLY MAKE INQUIRIES FOR A MAXIMUM OF 31 DAYS', 'row', 'crm.wolkvox.date-range'],
  [416, 'YOU CAN ONLY MAKE INQUIRIES FOR A MAXIMUM OF 1 DAY FOR THIS API', 'row', 'crm.wolkvox.date-range'],
  [417, 'ERROR NO FOUND TEMPLATE WHATSAPP', 'row', 'crm.wolkvox.whatsapp-template-missing'],
  [
    417,
    'UNABLE TO SEND THE MESSAGE NO INTERACTION HAS BEEN INITIATED',
    'row',
    'crm.wolkvox.whatsapp-no-interaction',
  ],
  [
    417,
    'UNABLE TO SEND THE MESSAGE THERE IS NO CHAT WITH THE CUSTOMER',
    'row',
    'crm.wolkvox.whatsapp-no-chat',
  ],
  [
    417,
    'UNABLE TO SEND THE MESSAGE THE CLIENT HAS NOT RESPONDED YET',
    'row',
    'crm.wolkvox.whatsapp-no-reply',
  ],
  [
    417,
    'IT WAS NOT POSSIBLE TO SEND THE MESSAGE MORE THAN 24 HOURS HAVE PASSED',
    'row',
    'crm.wolkvox.whatsapp-window-expired',
  ],
  [417, 'NUMBER LESS THAN 7 DIGITS', 'row', 'crm.wolkvox.phone-too-short'],
  [417, 'UNABLE TO CONNECT', 'transient', 'crm.wolkvox.database-unreachable'],
  [417, 'COULD NOT SEND TEMPLATE', 'row', 'crm.wolkvox.whatsapp-template-first'],
  [417, 'NO RECORD INSERTED', 'transient', 'crm.wolkvox.record-not-inserted'],
  [417, 'MESSAGE COULD NOT BE SENT', 'transient', 'crm.wolkvox.message-server-unreachable'],
  [417, 'NOT SENT MESSAGE: THE NUMBER OF VARIABLES IS: 3', 'row', 'crm.wolkvox.whatsapp-variables'],
  [417, 'MESSAGE HAS NOT BEEN SENT', 'row', 'crm.wolkvox.message-not-sent'],
];

describe('classifyWolkvoxResponse: every message of seed 001', () => {
  it.each(SEED)('%i %s → %s', (status, message, failureClass, explanation) => {
    for (const body of [crmBody(status, message), managerBody(status, message, message)]) {
      const result = failureOf(classifyWolkvoxResponse(status, body));
      expect(result.failureClass).toBe(failureClass);
      expect(result.code).toBe(String(status));
      expect(result.message).toBe(message);
      expect(result.explanation.code).toBe(explanation);
    }
  });

  it('reads the message from msg when error is empty, and from error when msg differs', () => {
    expect(
      failureOf(classifyWolkvoxResponse(403, managerBody(403, null, 'TOKEN LIMIT EXCEEDED'))).failureClass,
    ).toBe('quota');
    expect(
      failureOf(classifyWolkvoxResponse(403, crmBody(403, 'TOKEN LIMIT EXCEEDED', 'Forbidden'))).failureClass,
    ).toBe('quota');
    expect(
      failureOf(
        classifyWolkvoxResponse(403, JSON.stringify({ code: '403', error: 'null', msg: 'INVALID TOKEN' })),
      ).failureClass,
    ).toBe('stop');
  });

  it('ignores the case and spacing of the message', () => {
    const result = failureOf(
      classifyWolkvoxResponse(
        403,
        managerBody(403, 'Exceeds the limit of  simultaneous\nrequests per token (2)', ''),
      ),
    );
    expect(result.failureClass).toBe('throttled');
  });

  it('gives the license cap as the batch size allowed', () => {
    const result = failureOf(classifyWolkvoxResponse(404, managerBody(404, SEED[22]![1], SEED[22]![1])));
    expect(result).toMatchObject({ failureClass: 'batch', allowed: 5000 });
    expect(result.explanation.params).toMatchObject({ requested: 12000, allowed: 5000 });
    expect(formatMessage('es', result.explanation)).toBe(
      'Se enviaron 12000 registros, pero según las licencias activas de la operación solo se pueden cargar 5000. Carga divide el lote y lo reenvía en partes de 5000 como máximo.',
    );
  });

  it('reads counts written with separators or without parentheses', () => {
    const text =
      'YOU ARE UPLOADING 10,000 RECORDS TO THE SYSTEM. ACCORDING TO QUANTITY ACTIVE LICENSES, YOU CAN UPLOAD (2.500). TRY AGAIN.';
    expect(failureOf(classifyWolkvoxResponse(404, managerBody(404, text, text))).allowed).toBe(2500);
  });

  it('stops when the licenses allow no record at all, since splitting cannot help', () => {
    const text =
      'YOU ARE UPLOADING (10) RECORDS TO THE SYSTEM. ACCORDING TO QUANTITY ACTIVE LICENSES, YOU CAN UPLOAD 0. TRY AGAIN.';
    const result = failureOf(classifyWolkvoxResponse(404, managerBody(404, text, text)));
    expect(result.failureClass).toBe('stop');
    expect(result.explanation).toEqual({
      code: 'crm.wolkvox.license-cap-zero',
      params: { code: '404', requested: 10 },
    });
    expect(result.allowed).toBeUndefined();
  });

  it('gives the 412 upload limit as the batch size allowed', () => {
    const result = failureOf(
      classifyWolkvoxResponse(
        412,
        crmBody(412, 'YOUR QUERY EXCEEDS THE RECORDS LIMIT (10000), PLEASE DECREASES THE RECORDS NUMBERS'),
      ),
    );
    expect(result).toMatchObject({ failureClass: 'batch', allowed: 10000 });
  });

  it('gives how many records a partial batch added; none added fails the rows', () => {
    const partial = failureOf(
      classifyWolkvoxResponse(
        404,
        managerBody(
          404,
          '37 RECORDS HAS BEEN ADDED, PLEASE VALIDATE THE DATA',
          '37 RECORDS HAS BEEN ADDED, PLEASE VALIDATE THE DATA',
        ),
      ),
    );
    expect(partial).toMatchObject({ failureClass: 'partial', added: 37 });
    const none = failureOf(
      classifyWolkvoxResponse(
        404,
        managerBody(404, '0 RECORDS HAS BEEN ADDED, PLEASE VALIDATE THE DATA', ''),
      ),
    );
    expect(none).toMatchObject({ failureClass: 'row', explanation: { code: 'crm.wolkvox.none-added' } });
    expect(none.added).toBeUndefined();
  });

  it('names the field, id, method or count the message carries', () => {
    const param = (status: number, text: string) =>
      failureOf(classifyWolkvoxResponse(status, crmBody(status, text))).explanation.params;
    expect(param(416, SEED[35]![1])).toMatchObject({ field: 'RECALL_DATE' });
    expect(param(404, SEED[16]![1])).toMatchObject({ id: '7' });
    expect(param(404, SEED[15]![1])).toMatchObject({ id: '15' });
    expect(param(405, SEED[26]![1])).toMatchObject({ method: 'POST' });
    expect(param(416, SEED[36]![1])).toMatchObject({ days: 31 });
    expect(param(412, SEED[30]![1])).toMatchObject({ limit: 60000 });
    expect(param(417, SEED[48]![1])).toMatchObject({ expected: '3' });
  });

  it('passes on the detail the CRM gives with REVIEW THE ERROR MESSAGE', () => {
    const body = crmBody(
      404,
      'REVIEW THE ERROR MESSAGE TO CORRECT POSSIBLE PROBLEMS',
      'THE CUSTOM FIELD (Cuidad) DOES NOT EXIST IN THE CASES MODULE',
    );
    const result = failureOf(classifyWolkvoxResponse(404, body));
    expect(result.failureClass).toBe('row');
    expect(result.message).toBe(
      'REVIEW THE ERROR MESSAGE TO CORRECT POSSIBLE PROBLEMS — THE CUSTOM FIELD (Cuidad) DOES NOT EXIST IN THE CASES MODULE',
    );
    expect(result.explanation).toEqual({
      code: 'crm.wolkvox.custom-field-not-found',
      params: { code: '404', name: 'Cuidad', field: 'Cuidad' },
    });
  });

  it('quotes a detail it has no explanation for as the CRM wrote it, without unrelated advice', () => {
    const detail = 'THE SOLUTION FIELD IS TOO LONG FOR THIS CASE TYPE';
    const body = crmBody(404, 'REVIEW THE ERROR MESSAGE TO CORRECT POSSIBLE PROBLEMS', detail);
    const result = failureOf(classifyWolkvoxResponse(404, body));
    expect(result.explanation).toEqual({
      code: 'crm.wolkvox.review-detail',
      params: { code: '404', detail },
    });
    const es = formatMessage('es', result.explanation);
    expect(es).toContain(`«${detail}»`);
    expect(es).not.toMatch(/campos personalizados|inglés \(open/);
  });

  it('explains each detail the CRM gives with advice for that detail alone', () => {
    const cases: [string, string, Record<string, string>][] = [
      [
        'THE CONTACT (ana@x.co) DOES NOT EXIST IN THE OPERATION',
        'crm.wolkvox.contact-not-found',
        { contact: 'ana@x.co', field: 'contact' },
      ],
      [
        'THE RESPONSIBLE USER (zz@demo) DOES NOT EXIST IN THE OPERATION',
        'crm.wolkvox.responsible-not-found',
        { user: 'zz@demo', field: 'responsible' },
      ],
      [
        'THE OWNER USER (zz@demo) DOES NOT EXIST IN THE OPERATION',
        'crm.wolkvox.owner-not-found',
        { user: 'zz@demo', field: 'owner' },
      ],
      [
        'THE CASE TYPE (Queja) DOES NOT EXIST IN THE OPERATION',
        'crm.wolkvox.case-type-not-found',
        { value: 'Queja', field: 'case-type' },
      ],
      [
        'THE STATUS (Abierto) IS NOT VALID, USE ONE OF: open, closed',
        'crm.wolkvox.status-not-valid',
        { value: 'Abierto', allowed: 'open, closed', field: 'status' },
      ],
      [
        'THE PRIORITY (Alta) IS NOT VALID, USE ONE OF: low, high',
        'crm.wolkvox.priority-not-valid',
        { value: 'Alta', allowed: 'low, high', field: 'priority' },
      ],
      [
        'THE FIELD (Ciudad) DOES NOT EXIST IN THE MODULE (contacts)',
        'crm.wolkvox.module-field-not-found',
        { name: 'Ciudad', module: 'contacts', field: 'Ciudad' },
      ],
      [
        'THE USER (x@y) OF THE FIELD (Asesor) DOES NOT EXIST IN THE OPERATION',
        'crm.wolkvox.field-user-not-found',
        { user: 'x@y', name: 'Asesor', field: 'Asesor' },
      ],
      [
        'THE FIELD (Dirección) MUST HAVE A VALUE',
        'crm.wolkvox.field-value-shape',
        { name: 'Dirección', field: 'Dirección' },
      ],
      [
        'THE OPERATION (demo2) DOES NOT EXIST OR DOES NOT BELONG TO THIS TOKEN',
        'crm.wolkvox.operation-not-found',
        { operation: 'demo2' },
      ],
      [
        'THE MODULE (contactos) DOES NOT EXIST IN THE OPERATION',
        'crm.wolkvox.module-not-found',
        { module: 'contactos' },
      ],
    ];
    for (const [detail, code, params] of cases) {
      const body = crmBody(404, 'REVIEW THE ERROR MESSAGE TO CORRECT POSSIBLE PROBLEMS', detail);
      const result = failureOf(classifyWolkvoxResponse(404, body));
      expect(result.explanation, detail).toEqual({ code, params: { code: '404', ...params } });
      // The CRM's own words stay in the message, as the original kept beside the explanation.
      expect(result.message).toContain(detail);
      // Spanish explanations are Spanish: the CRM's English sentence is not pasted into them.
      expect(formatMessage('es', result.explanation)).not.toContain(detail);
    }
    const contact = failureOf(
      classifyWolkvoxResponse(
        404,
        crmBody(404, 'REVIEW THE ERROR MESSAGE TO CORRECT POSSIBLE PROBLEMS', cases[0]![0]),
      ),
    );
    expect(formatMessage('en', contact.explanation)).not.toMatch(/custom field/i);
  });

  it('treats a 403 about maintenance as an outage to wait out, not a refusal', () => {
    const result = failureOf(
      classifyWolkvoxResponse(403, managerBody(403, 'SERVER UNDER MAINTENANCE, TRY LATER', '')),
    );
    expect(result).toMatchObject({
      failureClass: 'transient',
      explanation: { code: 'crm.wolkvox.maintenance' },
    });
  });
});

describe('classifyWolkvoxResponse: the body code decides', () => {
  it('accepts a success with a string code (CRM) or a numeric code (Manager), keeping data', () => {
    expect(
      classifyWolkvoxResponse(
        200,
        JSON.stringify({ code: '200', error: 'null', msg: 'Success', data: { id_case: '123' } }),
      ),
    ).toEqual({
      kind: 'ok',
      ids: [],
      data: { id_case: '123' },
    });
    expect(classifyWolkvoxResponse(200, managerBody(200, null, 'Success', []))).toEqual({
      kind: 'ok',
      ids: [],
      data: [],
    });
    expect(classifyWolkvoxResponse(200, managerBody(200, null, 'Success'))).toEqual({
      kind: 'ok',
      ids: [],
      data: null,
    });
  });

  it('fails an HTTP 200 whose body says 403', () => {
    const result = failureOf(classifyWolkvoxResponse(200, crmBody(403, 'TOKEN LIMIT EXCEEDED')));
    expect(result).toMatchObject({ failureClass: 'quota', code: '403' });
  });

  it('accepts an HTTP error status whose body says 200', () => {
    expect(classifyWolkvoxResponse(404, managerBody(200, null, 'Success'))).toEqual({
      kind: 'ok',
      ids: [],
      data: null,
    });
  });

  it('falls back on the HTTP status when the body code is not a code', () => {
    const result = failureOf(
      classifyWolkvoxResponse(403, JSON.stringify({ code: 'null', error: 'INVALID TOKEN', msg: '' })),
    );
    expect(result).toMatchObject({ failureClass: 'stop', code: '403' });
  });

  it('trims a large data to a string for the journal', () => {
    const data = Array.from({ length: 500 }, (_, i) => ({ row: i, status: 'added' }));
    const result = classifyWolkvoxResponse(200, managerBody(200, null, 'Success', data));
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(typeof result.data).toBe('string');
    expect(String(result.data)).toHaveLength(2001);
  });
});

describe('classifyWolkvoxResponse: anything not understood is a failure', () => {
  it('an unknown message decides by code', () => {
    const cases: [number, FailureClass, string][] = [
      [400, 'row', 'crm.wolkvox.unknown-rejected'],
      [404, 'row', 'crm.wolkvox.unknown-rejected'],
      [417, 'row', 'crm.wolkvox.unknown-rejected'],
      [401, 'stop', 'crm.wolkvox.unknown-forbidden'],
      [403, 'stop', 'crm.wolkvox.unknown-forbidden'],
      [405, 'stop', 'crm.wolkvox.unknown-stop'],
      [302, 'stop', 'crm.wolkvox.unknown-stop'],
      [429, 'throttled', 'crm.response.too-many-requests'],
      [500, 'transient', 'crm.response.temporary'],
      [503, 'transient', 'crm.response.temporary'],
    ];
    for (const [code, failureClass, explanation] of cases) {
      const result = failureOf(classifyWolkvoxResponse(code, crmBody(code, 'SOMETHING NEW HAPPENED')));
      expect([code, result.failureClass, result.explanation.code]).toEqual([code, failureClass, explanation]);
      expect(result.message).toBe('SOMETHING NEW HAPPENED');
    }
  });

  it('names the unknown message in the explanation', () => {
    const result = failureOf(classifyWolkvoxResponse(404, crmBody(404, 'SOMETHING NEW HAPPENED')));
    expect(formatMessage('en', result.explanation)).toBe(
      'wolkvox rejected the request with an answer Carga does not know (code 404): "SOMETHING NEW HAPPENED". Check the row\'s values; if every row fails the same way, stop the job and ask wolkvox support.',
    );
  });

  it('a 200 JSON without a code is uncertain, not a success', () => {
    const result = failureOf(classifyWolkvoxResponse(200, JSON.stringify({ msg: 'ok' })));
    expect(result).toMatchObject({
      failureClass: 'uncertain',
      code: '200',
      explanation: { code: 'crm.response.unconfirmed' },
    });
  });

  it('a body that is not JSON', () => {
    const html =
      '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1></body></html>';
    const cases: [number, string, FailureClass, string][] = [
      [503, html, 'transient', 'crm.response.temporary'],
      [502, 'Bad Gateway', 'transient', 'crm.response.temporary'],
      [408, '', 'transient', 'crm.response.temporary'],
      [429, 'Too Many Requests', 'throttled', 'crm.response.too-many-requests'],
      [200, html, 'uncertain', 'crm.response.unconfirmed'],
      [200, '', 'uncertain', 'crm.response.unconfirmed'],
      [404, '<html><body>Not Found</body></html>', 'stop', 'crm.response.not-api'],
      [403, 'Forbidden', 'stop', 'crm.response.not-api'],
      [301, '', 'stop', 'crm.response.not-api'],
    ];
    for (const [status, body, failureClass, explanation] of cases) {
      const result = failureOf(classifyWolkvoxResponse(status, body));
      expect([status, result.failureClass, result.explanation.code]).toEqual([
        status,
        failureClass,
        explanation,
      ]);
    }
    expect(failureOf(classifyWolkvoxResponse(503, html)).message).toBe(
      'HTTP 503: 503 Service Unavailable Service Unavailable',
    );
    expect(failureOf(classifyWolkvoxResponse(408, '')).message).toBe('HTTP 408');
  });

  it('JSON that is not an object', () => {
    expect(failureOf(classifyWolkvoxResponse(200, '[1,2]')).failureClass).toBe('uncertain');
    expect(failureOf(classifyWolkvoxResponse(200, '"Success"')).failureClass).toBe('uncertain');
    expect(failureOf(classifyWolkvoxResponse(500, 'null')).failureClass).toBe('transient');
  });
});

describe('explanations name the row, the column and the value', () => {
  const body = crmBody(417, 'NUMBER LESS THAN 7 DIGITS');

  it('when the caller knows them', () => {
    const result = failureOf(
      classifyWolkvoxResponse(417, body, { row: 12, column: 'Celular', value: '30012' }),
    );
    expect(result.explanation).toEqual({
      code: 'crm.wolkvox.phone-too-short.at-value',
      params: { code: '417', row: 12, column: 'Celular', value: '30012' },
    });
    expect(formatMessage('es', result.explanation)).toBe(
      'Fila 12, columna «Celular», valor «30012». El número de teléfono tiene menos de 7 dígitos. Revise el número; si viene de Excel, verifique que no haya perdido ceros a la izquierda ni esté en notación científica.',
    );
  });

  it('with only the row, or the row and the column', () => {
    expect(failureOf(classifyWolkvoxResponse(417, body, { row: 4 })).explanation.code).toBe(
      'crm.wolkvox.phone-too-short.at-row',
    );
    expect(
      formatMessage(
        'en',
        failureOf(classifyWolkvoxResponse(417, body, { row: 4, column: 'Tel' })).explanation,
      ),
    ).toBe(
      'Row 4, column "Tel". The phone number has fewer than 7 digits. Check the number; if it comes from Excel, make sure it did not lose leading zeros and is not in scientific notation.',
    );
  });

  it('without a row, the plain explanation', () => {
    expect(failureOf(classifyWolkvoxResponse(417, body, { column: 'Tel' })).explanation.code).toBe(
      'crm.wolkvox.phone-too-short',
    );
  });

  it('added after classifying, and a long value shortened', () => {
    const later = explainAt(classifyWolkvoxResponse(417, body), {
      row: 9,
      column: 'Descripción',
      value: 'x'.repeat(100),
    });
    expect(failureOf(later).explanation.params).toMatchObject({ row: 9, value: `${'x'.repeat(80)}…` });
    const success = classifyWolkvoxResponse(200, managerBody(200, null, 'Success'));
    expect(explainAt(success, { row: 1 })).toBe(success);
  });
});

describe('classifyNetworkError', () => {
  const cases: [
    code: string,
    sent: boolean,
    timedOut: boolean,
    failureClass: FailureClass,
    explanation: string,
  ][] = [
    ['ECONNREFUSED', false, false, 'transient', 'crm.network.refused'],
    ['ENOTFOUND', false, false, 'transient', 'crm.network.dns'],
    ['EAI_AGAIN', false, false, 'transient', 'crm.network.dns'],
    ['UND_ERR_CONNECT_TIMEOUT', false, true, 'transient', 'crm.network.connect-timeout'],
    ['ETIMEDOUT', false, true, 'transient', 'crm.network.connect-timeout'],
    ['ECONNRESET', false, false, 'transient', 'crm.network.not-sent'],
    ['ETIMEDOUT', true, true, 'uncertain', 'crm.network.timeout-after-send'],
    ['UND_ERR_HEADERS_TIMEOUT', true, true, 'uncertain', 'crm.network.timeout-after-send'],
    ['ECONNRESET', true, false, 'uncertain', 'crm.network.dropped-after-send'],
    ['UND_ERR_SOCKET', true, false, 'uncertain', 'crm.network.dropped-after-send'],
    ['ERESPONSETOOLARGE', true, false, 'uncertain', 'crm.network.response-too-large'],
    ['ABORT_ERR', false, false, 'transient', 'crm.network.cancelled-before-send'],
    ['ABORT_ERR', true, false, 'uncertain', 'crm.network.cancelled-after-send'],
    ['CERT_HAS_EXPIRED', false, false, 'stop', 'crm.network.tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', false, false, 'stop', 'crm.network.tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', false, false, 'stop', 'crm.network.tls'],
    ['UND_ERR_INVALID_ARG', false, false, 'stop', 'crm.network.invalid-request'],
  ];

  it.each(cases)('%s sent=%s timedOut=%s → %s', (code, sent, timedOut, failureClass, explanation) => {
    const result = failureOf(classifyNetworkError(code, 'socket hang up', sent, timedOut));
    expect(result).toMatchObject({
      failureClass,
      code,
      message: 'socket hang up',
      explanation: { code: explanation },
    });
  });

  it('names the row of an uncertain request', () => {
    const result = failureOf(
      classifyNetworkError('ECONNRESET', 'other side closed', true, false, { row: 7 }),
    );
    expect(formatMessage('es', result.explanation)).toBe(
      'Fila 7. La conexión se cortó después de enviar la solicitud (ECONNRESET). Puede que el registro sí se haya creado: verifíquelo en el CRM antes de reenviar la fila, para no duplicarlo.',
    );
  });
});

describe('classifyThalamusResponse', () => {
  it('201 is a success with the new case id', () => {
    const body = JSON.stringify({ session: { id: 'S-1' }, case: { id: 4521, categoryCode: 'Reclamo' } });
    expect(classifyThalamusResponse(201, body)).toMatchObject({ kind: 'ok', ids: ['4521'] });
    expect(classifyThalamusResponse(201, JSON.stringify({ data: { id: 'C-9' } }))).toMatchObject({
      kind: 'ok',
      ids: ['C-9'],
    });
    expect(classifyThalamusResponse(201, JSON.stringify({ id: 77 }))).toMatchObject({
      kind: 'ok',
      ids: ['77'],
    });
  });

  it('201 without a readable id is still created; another 2xx without an id is uncertain', () => {
    expect(classifyThalamusResponse(201, '')).toEqual({ kind: 'ok', ids: [] });
    expect(failureOf(classifyThalamusResponse(200, '{}')).failureClass).toBe('uncertain');
  });

  it.each([
    ['categoryCode', 'CodeRequired', 'crm.thalamus.code-required'],
    ['typeCode', 'InvalidCode', 'crm.thalamus.invalid-code'],
    ['status', 'InvalidName', 'crm.thalamus.invalid-name'],
    ['caseStatus', 'InitialStatusNotSelected', 'crm.thalamus.initial-status'],
    ['categoryCode', 'CategorySystemNode', 'crm.thalamus.system-node'],
  ])('400 %s: %s is a row failure explained', (field, error, explanation) => {
    const result = failureOf(classifyThalamusResponse(400, JSON.stringify({ errors: { [field]: error } })));
    expect(result).toEqual({
      kind: 'failure',
      failureClass: 'row',
      code: '400',
      message: `${field}: ${error}`,
      explanation: { code: explanation, params: { code: '400', field } },
    });
  });

  it('400 with several errors lists them all and explains the first', () => {
    const result = failureOf(
      classifyThalamusResponse(
        400,
        JSON.stringify({ errors: { caseStatus: 'InitialStatusNotSelected', typeCode: ['InvalidCode'] } }),
      ),
    );
    expect(result.message).toBe('caseStatus: InitialStatusNotSelected; typeCode: InvalidCode');
    expect(formatMessage('es', result.explanation)).toBe(
      'El estado enviado no es un estado inicial (caseStatus); un caso nuevo solo puede crearse en un estado inicial. Asigne la columna de estado, o un valor fijo, con un estado marcado como inicial en Thalamus.',
    );
  });

  it('400 with an unknown code', () => {
    const result = failureOf(
      classifyThalamusResponse(400, JSON.stringify({ errors: { priority: 'TooHigh' } })),
    );
    expect(result.explanation).toEqual({
      code: 'crm.thalamus.unknown-error',
      params: { code: '400', field: 'priority', error: 'TooHigh' },
    });
  });

  it('401 and 403 stop the job', () => {
    for (const status of [401, 403]) {
      const result = failureOf(
        classifyThalamusResponse(status, JSON.stringify({ message: 'Session expired' })),
      );
      expect(result).toMatchObject({
        failureClass: 'stop',
        message: 'Session expired',
        explanation: { code: 'crm.thalamus.unauthorized' },
      });
    }
  });

  it('other answers', () => {
    expect(failureOf(classifyThalamusResponse(500, '{"message":"boom"}')).failureClass).toBe('transient');
    expect(failureOf(classifyThalamusResponse(503, '<html>down</html>')).failureClass).toBe('transient');
    expect(failureOf(classifyThalamusResponse(429, '{}')).failureClass).toBe('throttled');
    expect(failureOf(classifyThalamusResponse(404, '<html>Not Found</html>'))).toMatchObject({
      failureClass: 'stop',
      explanation: { code: 'crm.response.not-api' },
    });
    expect(failureOf(classifyThalamusResponse(409, '{"message":"Duplicated"}'))).toMatchObject({
      failureClass: 'row',
      message: 'Duplicated',
      explanation: { code: 'crm.thalamus.rejected' },
    });
  });

  it('reads the new case id from the common envelope (data.entity.id)', () => {
    const body = JSON.stringify({
      links: [],
      data: { entity: { id: 9051, categoryCode: 'REC' } },
      errors: {},
    });
    expect(classifyThalamusResponse(201, body)).toMatchObject({ kind: 'ok', ids: ['9051'] });
  });

  it('401 NotLoggedIn is the party refused, told apart from a refused token', () => {
    const party = failureOf(
      classifyThalamusResponse(401, JSON.stringify({ errors: { session: 'NotLoggedIn' } })),
    );
    expect(party).toMatchObject({
      failureClass: 'stop',
      partyRefused: true,
      explanation: { code: 'crm.thalamus.party-refused' },
    });
    const token = failureOf(
      classifyThalamusResponse(401, JSON.stringify({ errors: { touchpoint: 'InvalidCredentials' } })),
    );
    expect(token.partyRefused).toBeUndefined();
    expect(token.explanation.code).toBe('crm.thalamus.unauthorized');
  });

  it.each([
    ['category', 'CodeRequired', 'crm.thalamus.code-required', 'category'],
    ['categoryOrType', 'InvalidCode', 'crm.thalamus.invalid-code', 'categoryOrType'],
    [
      'caseResolutionType',
      'InitialResolutionTypeNotSelected',
      'crm.thalamus.initial-resolution',
      'caseResolutionType',
    ],
    ['caseData.Monto', 'InvalidValue', 'crm.thalamus.invalid-value', 'Monto'],
  ])('SPEC code %s: %s is explained with its fix in both languages', (field, error, explanation, shown) => {
    const result = failureOf(
      classifyThalamusResponse(400, JSON.stringify({ errors: { [field]: error } }), { row: 7 }),
    );
    expect(result.explanation.code).toBe(`${explanation}.at-row`);
    expect(formatMessage('es', result.explanation)).toContain(`Fila 7. `);
    expect(formatMessage('es', result.explanation)).toContain(shown);
    expect(formatMessage('en', result.explanation)).toContain(shown);
  });
});

describe('wolkvox fidelity', () => {
  it('REVIEW is explained with the CRM own message, not the HTTP reason phrase', () => {
    const body = JSON.stringify({
      code: '404',
      error: 'REVIEW THE ERROR MESSAGE TO CORRECT POSSIBLE PROBLEMS',
      msg: 'NOT FOUND',
      data: 'THE CUSTOM FIELD (Cuidad) DOES NOT EXIST IN THE CASES MODULE',
    });
    const result = failureOf(classifyWolkvoxResponse(404, body));
    expect(result.explanation).toEqual({
      code: 'crm.wolkvox.custom-field-not-found',
      params: { code: '404', name: 'Cuidad', field: 'Cuidad' },
    });
    expect(result.message).not.toContain('NOT FOUND');
  });

  it('a missing contact is named, with the way out', () => {
    const body = crmBody(
      404,
      'REVIEW THE ERROR MESSAGE TO CORRECT POSSIBLE PROBLEMS',
      'THE CONTACT (ana@x.co) DOES NOT EXIST IN THE OPERATION',
    );
    const result = failureOf(classifyWolkvoxResponse(404, body));
    expect(result).toMatchObject({
      failureClass: 'row',
      explanation: {
        code: 'crm.wolkvox.contact-not-found',
        params: { contact: 'ana@x.co', field: 'contact' },
      },
    });
  });

  it('a status or priority the CRM refuses points to the operator’s own value map', () => {
    for (const [field, code] of [
      ['STATUS', 'crm.wolkvox.status-not-valid'],
      ['PRIORITY', 'crm.wolkvox.priority-not-valid'],
    ] as const) {
      const body = crmBody(
        404,
        'REVIEW THE ERROR MESSAGE TO CORRECT POSSIBLE PROBLEMS',
        `THE ${field} (Abieto) IS NOT VALID, USE ONE OF: open, pending, closed`,
      );
      const result = failureOf(classifyWolkvoxResponse(404, body));
      expect(result).toMatchObject({
        failureClass: 'row',
        explanation: { code, params: { value: 'Abieto', allowed: 'open, pending, closed' } },
      });
      expect(formatMessage('es', result.explanation)).toContain('Valores a traducir');
      expect(formatMessage('en', result.explanation)).toContain('Values to translate');
    }
  });

  it('a 2xx body whose error is set is uncertain, not a success', () => {
    const result = failureOf(
      classifyWolkvoxResponse(
        200,
        JSON.stringify({ code: '200', error: 'DUPLICATE KEY', msg: 'Success', data: null }),
      ),
    );
    expect(result).toMatchObject({
      failureClass: 'uncertain',
      explanation: { code: 'crm.response.success-with-error' },
    });
    expect(
      classifyWolkvoxResponse(
        200,
        JSON.stringify({ code: '200', error: 'null', msg: 'Success', data: { id: 1 } }),
      ).kind,
    ).toBe('ok');
    expect(
      classifyWolkvoxResponse(200, JSON.stringify({ code: 200, error: null, msg: 'Success' })).kind,
    ).toBe('ok');
  });
});
