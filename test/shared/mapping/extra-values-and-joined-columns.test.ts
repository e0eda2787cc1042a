import { describe, expect, it } from 'vitest';

import type { Connection } from '../../../shared/contract';
import { compileMapping, JOINED_VALUES_SEPARATOR } from '../../../shared/mapping/compile-mapping';
import { effectiveTemplate } from '../../../shared/mapping/effective-template';
import { formatMessage } from '../../../shared/messages/catalog';
import { LONG_VALUE_MAX } from '../../../shared/targets/field-spec';
import { templateSchema, type TemplateInput } from '../../../shared/template';

const template = (input: Omit<TemplateInput, 'name'>) => templateSchema.parse({ name: 'prueba', ...input });

const CASE_COLUMNS = ['Tipo', 'Responsable', 'Propietario', 'Contacto', 'Descripción', 'Estado', 'Prioridad'];
const caseTemplate = (over: Partial<TemplateInput> = {}) =>
  template({
    target: 'wolkvox-crm-cases',
    columns: {
      Tipo: 'case-type',
      Responsable: 'responsible',
      Propietario: 'owner',
      Contacto: 'contact',
      Descripción: 'description',
      Estado: 'status',
      Prioridad: 'priority',
    },
    ...over,
  });
const caseRow = (status: string, priority = 'Alta') => [
  'Queja',
  'ana@demo',
  'luis@demo',
  'cliente@correo.com',
  'No llegó el pedido',
  status,
  priority,
];
const crm = (over: Partial<Connection> = {}): Connection => ({
  id: 'c1',
  name: 'CRM',
  target: 'wolkvox-crm-cases',
  server: 'crm0000.wolkvox.com',
  operation: 'demo',
  ...over,
});

describe('T1 statuses and priorities a connection adds', () => {
  it('refuses a status the connection does not list, naming the values the CRM takes', () => {
    const mapping = compileMapping(effectiveTemplate(caseTemplate(), crm()), CASE_COLUMNS);
    const { problems } = mapping.mapRow(caseRow('in progress'), 0, 2);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'unknown-system-value',
      field: 'status',
      value: 'in progress',
    });
    expect(problems[0]?.message.params).toMatchObject({ allowed: 'open, closed' });
    expect(formatMessage('en', problems[0]!.message)).toContain('--extra-status');
  });

  it('sends the statuses and priorities the connection lists, in the spelling the CRM has', () => {
    const connection = crm({ extraStatuses: ['in progress'], extraPriorities: ['Urgent'] });
    const mapping = compileMapping(effectiveTemplate(caseTemplate(), connection), CASE_COLUMNS);

    const row = mapping.mapRow(caseRow('In Progress', 'urgent'), 0, 2);
    expect(row.problems).toEqual([]);
    expect(row.record.fields).toMatchObject({ status: 'in progress', priority: 'Urgent' });
    // The built-in values and the Spanish map still work beside them.
    expect(mapping.mapRow(caseRow('Cerrado', 'Baja'), 1, 3).record.fields).toMatchObject({
      status: 'closed',
      priority: 'low',
    });
  });

  it('still refuses a value neither built in nor listed, naming every value the CRM takes', () => {
    const connection = crm({ extraStatuses: ['in progress', 'pending'] });
    const mapping = compileMapping(effectiveTemplate(caseTemplate(), connection), CASE_COLUMNS);
    const { problems } = mapping.mapRow(caseRow('on hold'), 0, 2);

    expect(problems.map((p) => p.code)).toEqual(['unknown-system-value']);
    expect(problems[0]?.message.params).toMatchObject({ allowed: 'open, closed, in progress, pending' });
  });

  it('takes a listed value as a fixed value, and blocks an unlisted one', () => {
    const { Estado: _status, ...columns } = caseTemplate().columns;
    const withConstant = (value: string) => caseTemplate({ columns, constants: { status: value } });

    const listed = compileMapping(
      effectiveTemplate(withConstant('in progress'), crm({ extraStatuses: ['in progress'] })),
      CASE_COLUMNS,
    );
    expect(listed.blocking).toBe(false);
    expect(listed.mapRow(caseRow(''), 0, 2).record.fields.status).toBe('in progress');

    const unlisted = compileMapping(effectiveTemplate(withConstant('in progress'), crm()), CASE_COLUMNS);
    expect(unlisted.blocking).toBe(true);
    expect(unlisted.mappingProblems[0]?.code).toBe('mapping.constant-unknown-system-value');
  });

  it("takes a value the template's value map produced, and maps file values onto a listed one", () => {
    const mapped = caseTemplate({ valueMaps: { status: { 'En proceso': 'in progress' } } });
    const connection = crm({ extraStatuses: ['in progress'] });
    const mapping = compileMapping(effectiveTemplate(mapped, connection), CASE_COLUMNS);

    const row = mapping.mapRow(caseRow('en proceso'), 0, 2);
    expect(row.problems).toEqual([]);
    expect(row.record.fields.status).toBe('in progress');
  });

  it('adds nothing for other targets', () => {
    const campaign = effectiveTemplate(template({ target: 'wolkvox-campaign', columns: {} }), {
      id: 'm',
      name: 'Manager',
      target: 'wolkvox-campaign',
      server: '0032',
    });
    expect(campaign.extraSystemValues).toBeUndefined();
  });
});

describe('free-text fields several columns feed', () => {
  const THALAMUS_COLUMNS = ['Documento', 'Categoría', 'Tipo', 'Obs1', 'Obs2', 'Obs3'];
  const thalamus = (columns: Record<string, string>) =>
    template({
      target: 'thalamus-cases',
      columns: { Documento: 'party', Categoría: 'categoryCode', Tipo: 'typeCode', ...columns },
    });

  it('joins the non-empty values of the columns in mapping order, one per line (T4 comment)', () => {
    const mapping = compileMapping(thalamus({ Obs2: 'comment', Obs1: 'comment', Obs3: 'comment' }), [
      ...THALAMUS_COLUMNS,
    ]);

    expect(mapping.mappingProblems).toEqual([
      {
        code: 'mapping.columns-joined',
        params: { field: 'comment', labelEs: 'Comentario', labelEn: 'Comment', columns: 'Obs2, Obs1, Obs3' },
      },
    ]);
    expect(mapping.blocking).toBe(false);
    const row = mapping.mapRow(['1$27564734', 'C1', 'T1', ' Llamó dos veces ', '', 'Pide devolución'], 0, 2);
    expect(row.problems).toEqual([]);
    expect(row.record.fields.comment).toBe(`Llamó dos veces${JOINED_VALUES_SEPARATOR}Pide devolución`);
    expect(JOINED_VALUES_SEPARATOR).toBe('\n');
    // Order is the mapping's, not the file's.
    expect(mapping.mapRow(['1$2', 'C1', 'T1', 'primera', 'segunda', ''], 1, 3).record.fields.comment).toBe(
      'segunda\nprimera',
    );
  });

  it('leaves the field out when every joined column is empty, and uses a single one as it is', () => {
    const mapping = compileMapping(thalamus({ Obs1: 'comment', Obs2: 'comment' }), THALAMUS_COLUMNS);

    expect(mapping.mapRow(['1$2', 'C1', 'T1', '', '  ', ''], 0, 2).record.fields).not.toHaveProperty(
      'comment',
    );
    expect(mapping.mapRow(['1$2', 'C1', 'T1', '', 'sola', ''], 1, 3).record.fields.comment).toBe('sola');
  });

  it('joins T1 description columns, and a required description is missing only when all are empty', () => {
    const columns = [...CASE_COLUMNS, 'Detalle'];
    const mapping = compileMapping(
      effectiveTemplate(
        caseTemplate({ columns: { ...caseTemplate().columns, Detalle: 'description' } }),
        crm(),
      ),
      columns,
    );

    const both = mapping.mapRow([...caseRow('Abierto'), 'Cliente molesto'], 0, 2);
    expect(both.record.fields.description).toBe('No llegó el pedido\nCliente molesto');
    const empty = caseRow('Abierto');
    empty[4] = '';
    expect(mapping.mapRow([...empty, 'Solo el detalle'], 1, 3).record.fields.description).toBe(
      'Solo el detalle',
    );
    expect(mapping.mapRow([...empty, ''], 2, 4).problems.map((p) => p.code)).toEqual(['required-missing']);
  });

  it('refuses a row whose joined text passes the cap, naming the columns', () => {
    const mapping = compileMapping(thalamus({ Obs1: 'comment', Obs2: 'comment' }), THALAMUS_COLUMNS);
    const half = 'x'.repeat(LONG_VALUE_MAX / 2);

    const { problems } = mapping.mapRow(['1$2', 'C1', 'T1', half, half, ''], 0, 2);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'value-too-long', field: 'comment' });
    expect(problems[0]?.message).toMatchObject({
      code: 'validation.joined-too-long',
      params: { columns: 'Obs1, Obs2', length: LONG_VALUE_MAX + 1, max: LONG_VALUE_MAX },
    });
    expect(formatMessage('es', problems[0]!.message)).toContain('Obs1, Obs2');
  });

  it('keeps the first-with-a-value rule and its warning for fields that are not free text', () => {
    const mapping = compileMapping(
      effectiveTemplate(
        caseTemplate({ columns: { ...caseTemplate().columns, Estado2: 'status', Tipo2: 'case-type' } }),
        crm(),
      ),
      [...CASE_COLUMNS, 'Estado2', 'Tipo2'],
    );

    expect(mapping.mappingProblems.map((p) => p.code)).toEqual([
      'mapping.field-mapped-twice',
      'mapping.field-mapped-twice',
    ]);
    const row = mapping.mapRow([...caseRow('Abierto'), 'Cerrado', 'Solicitud'], 0, 2);
    expect(row.record.fields).toMatchObject({ status: 'open', 'case-type': 'Complaints' });
  });
});
