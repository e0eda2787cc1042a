/**
 * The files in examples/ must load into the seeded sandbox as their README says: every valid
 * row accepted, every typical mistake refused. The mapping here is the minimum the templates
 * describe (SPEC.md's Spanish → English map plus the templates' own maps), not the app's.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  SANDBOX_DEFAULTS,
  startSandbox,
  WOLKVOX_MESSAGES,
  type SandboxHandle,
} from '../../../electron/sandbox/sandbox';
import { templateSchema, type Template } from '../../../shared/template';
import { crmFailure, postCase, postRecords } from './sandbox-requests';

const examples = (name: string) => fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url));

const SPANISH_SYSTEM_VALUES: Record<string, string> = {
  Abierto: 'open',
  Cerrado: 'closed',
  Alta: 'high',
  Media: 'medium',
  Baja: 'low',
  Solicitud: 'Request',
  Queja: 'Complaints',
  Reclamo: 'Claims',
  Sugerencia: 'Suggestions',
};

async function readTemplate(name: string): Promise<Template> {
  return templateSchema.parse(JSON.parse(await readFile(examples(name), 'utf8')));
}

function parseRows(text: string): { headers: string[]; rows: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(text, {
    delimiter: ';',
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return { headers: parsed.meta.fields ?? [], rows: parsed.data };
}

/** Field key → value, with value maps applied; empty cells left out. */
function mapRow(row: Record<string, string>, template: Template): Record<string, string> {
  const fields: Record<string, string> = { ...template.constants };
  for (const [column, field] of Object.entries(template.columns)) {
    const cell = row[column] ?? '';
    if (cell === '') continue;
    fields[field] = template.valueMaps[field]?.[cell] ?? SPANISH_SYSTEM_VALUES[cell] ?? cell;
  }
  return fields;
}

function caseFields(row: Record<string, string>, template: Template): Record<string, string> {
  const form: Record<string, string> = {};
  const fields: Record<string, string> = { operation: template.connection.operation ?? '' };
  for (const [key, value] of Object.entries(mapRow(row, template))) {
    if (key.startsWith('form.')) form[key.slice('form.'.length)] = value;
    else fields[key] = value;
  }
  return { ...fields, form: JSON.stringify(form) };
}

/** dd/mm/yyyy → YYYYMMDDHHIISS at midnight. */
function wolkvoxDate(text: string): string {
  const [day, month, year] = text.split('/');
  return `${year}${month}${day}000000`;
}

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

describe('examples/', () => {
  it('has templates that parse and point at the seeded sandbox', async () => {
    const cases = await readTemplate('casos-ejemplo.template.json');
    const campaign = await readTemplate('campana-ejemplo.template.json');

    expect(cases).toMatchObject({
      name: 'Casos de ejemplo',
      target: 'wolkvox-crm-cases',
      connection: { operation: SANDBOX_DEFAULTS.operation },
    });
    expect(Object.values(cases.columns).filter((field) => field.startsWith('form.'))).toEqual(
      SANDBOX_DEFAULTS.customFields.map((name) => `form.${name}`),
    );
    expect(campaign).toMatchObject({
      target: 'wolkvox-campaign',
      connection: { campaignId: '1001', campaignType: 'predictive' },
    });
    expect(SANDBOX_DEFAULTS.campaigns).toContain(campaign.connection.campaignId);
  });

  it('casos-ejemplo.csv: 20 UTF-8 cases, all accepted by the sandbox', async () => {
    const template = await readTemplate('casos-ejemplo.template.json');
    const { headers, rows } = parseRows(await readFile(examples('casos-ejemplo.csv'), 'utf8'));

    const statuses = [];
    for (const row of rows) statuses.push((await postCase(sandbox, caseFields(row, template))).status);

    expect(headers).toEqual(Object.keys(template.columns));
    expect(rows).toHaveLength(20);
    expect(statuses).toEqual(rows.map(() => 200));
  });

  it('casos-con-errores.csv: Windows-1252 with a title row, whose typical mistakes the sandbox refuses', async () => {
    const template = await readTemplate('casos-ejemplo.template.json');
    const bytes = await readFile(examples('casos-con-errores.csv'));
    const text = iconv.decode(bytes, 'windows-1252');
    const [title, ...rest] = text.split('\r\n');
    const { headers, rows } = parseRows(rest.join('\r\n'));

    const answers = [];
    for (const row of rows) answers.push((await postCase(sandbox, caseFields(row, template))).body);

    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(title).toBe('Reporte de casos - marzo 2026 (exportado de Excel);;;;;;;;;');
    expect(headers).toEqual(Object.keys(template.columns));
    expect(answers.map((body) => (body as { code: string }).code)).toEqual([
      '200',
      '400',
      '404',
      '200',
      '200',
      '404',
      '404',
      '200',
    ]);
    expect(answers[1]).toEqual(crmFailure(400, WOLKVOX_MESSAGES.parametersRequired));
    expect(answers[2]).toEqual(
      crmFailure(
        404,
        WOLKVOX_MESSAGES.review,
        'THE RESPONSIBLE USER (pedro.suarez@demo) DOES NOT EXIST IN THE OPERATION',
      ),
    );
    // 31/02/2026 is the app's to catch before sending: the CRM stores custom fields as given.
    expect(rows[3]?.['Fecha cierre']).toBe('31/02/2026');
    expect(answers[5]).toEqual(
      crmFailure(
        404,
        WOLKVOX_MESSAGES.review,
        'THE CONTACT (cliente.nuevo@example.com) DOES NOT EXIST IN THE OPERATION',
      ),
    );
    expect(answers[6]).toEqual(
      crmFailure(
        404,
        WOLKVOX_MESSAGES.review,
        'THE STATUS (Abieto) IS NOT VALID, USE ONE OF: open, pending, closed, in progress',
      ),
    );
  });

  it('campana-ejemplo.csv: 15 records, all added to campaign 1001', async () => {
    sandbox.reset();
    const template = await readTemplate('campana-ejemplo.template.json');
    const { headers, rows } = parseRows(await readFile(examples('campana-ejemplo.csv'), 'utf8'));
    const records = rows.map((row) => {
      const record = mapRow(row, template);
      return record.recall_date ? { ...record, recall_date: wolkvoxDate(record.recall_date) } : record;
    });

    const answer = await postRecords(sandbox, records, {
      params: { campaign_status: template.connection.campaignStatus ?? '' },
    });

    expect(headers).toEqual(Object.keys(template.columns));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ data: { records_added: 15 } });
    expect(sandbox.accepted().campaignRecords[3]?.record).toMatchObject({
      customer_id: '0456789',
      country: 'Colombia',
    });
  });
});
