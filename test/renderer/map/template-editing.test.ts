import { describe, expect, it } from 'vitest';

import {
  applyTemplate,
  customFieldKey,
  customFieldName,
  initialTemplate,
  joinedColumns,
  mappingRows,
  templateConnection,
  usedFieldsOfKind,
  valueMapRows,
  withColumnField,
  withConstant,
  withDateFormat,
  withValueMapEntry,
} from '../../../renderer/map/template-editing';
import type { Connection, Template } from '../../../shared/contract';
import { TARGET_SPECS } from '../../../shared/targets/catalog';

const cases = TARGET_SPECS['wolkvox-crm-cases'];
const connection: Connection = {
  id: 'c1',
  name: 'CRM',
  target: 'wolkvox-crm-cases',
  server: 'crm0001.wolkvox.com',
  operation: 'ventas',
};

function template(patch: Partial<Template> = {}): Template {
  return {
    version: 1,
    name: 'casos',
    target: 'wolkvox-crm-cases',
    connection: { server: 'crm0001.wolkvox.com', operation: 'ventas' },
    columns: {},
    constants: {},
    valueMaps: {},
    dateFormats: {},
    file: {},
    ...patch,
  };
}

describe('initialTemplate', () => {
  it('applies each suggestion, and gives a field to its likeliest column only', () => {
    const result = initialTemplate({
      name: 'casos',
      target: cases,
      connection,
      fileOptions: { delimiter: ';' },
      suggestions: [
        { column: 'Asunto', field: 'description', confidence: 0.7 },
        { column: 'Detalle', field: 'description', confidence: 0.9 },
        { column: 'Estado', field: 'status', confidence: 0.95 },
        { column: 'Ciudad', field: null, confidence: 0 },
      ],
    });
    expect(result.columns).toEqual({ Detalle: 'description', Estado: 'status' });
    expect(result.file).toEqual({ delimiter: ';' });
    expect(result.connection).toEqual({ server: 'crm0001.wolkvox.com', operation: 'ventas' });
    expect(result.target).toBe('wolkvox-crm-cases');
  });
});

describe('templateConnection', () => {
  it('remembers where, never the vault id nor the name', () => {
    expect(templateConnection({ ...connection, dailyLimit: 100, campaignId: '' })).toEqual({
      server: 'crm0001.wolkvox.com',
      operation: 'ventas',
    });
  });
});

describe('withColumnField', () => {
  it('moves a target field from the column that had it to the new one', () => {
    const next = withColumnField(
      template({ columns: { Estado: 'status' } }),
      cases,
      'Estado final',
      'status',
    );
    expect(next.columns).toEqual({ 'Estado final': 'status' });
  });

  it('lets several columns feed a free-text field, joined in the order they were chosen', () => {
    let next = withColumnField(
      template({ columns: { Asunto: 'description' } }),
      cases,
      'Detalle',
      'description',
    );
    next = withColumnField(next, cases, 'Nota', 'description');
    expect(next.columns).toEqual({ Asunto: 'description', Detalle: 'description', Nota: 'description' });
    expect(joinedColumns(next.columns, cases)).toEqual(
      new Map([['description', ['Asunto', 'Detalle', 'Nota']]]),
    );
    // One column left: nothing is joined any more.
    next = withColumnField(withColumnField(next, cases, 'Detalle', null), cases, 'Nota', null);
    expect(joinedColumns(next.columns, cases).size).toBe(0);
  });

  it('lets several columns go to custom fields and unmaps with null', () => {
    let next = withColumnField(template(), cases, 'Ciudad', customFieldKey('form.', 'Ciudad'));
    next = withColumnField(next, cases, 'Barrio', customFieldKey('form.', 'Barrio'));
    expect(next.columns).toEqual({ Ciudad: 'form.Ciudad', Barrio: 'form.Barrio' });
    expect(withColumnField(next, cases, 'Ciudad', null).columns).toEqual({ Barrio: 'form.Barrio' });
  });

  it('does not change the template it was given', () => {
    const before = template({ columns: { Asunto: 'description' } });
    withColumnField(before, cases, 'Asunto', null);
    expect(before.columns).toEqual({ Asunto: 'description' });
  });
});

describe('customFieldName', () => {
  it('reads the CRM name under the target’s prefix', () => {
    expect(customFieldName('form.', 'form.Fecha cierre')).toBe('Fecha cierre');
    expect(customFieldName('form.', 'description')).toBeNull();
    expect(customFieldName(null, 'form.Ciudad')).toBeNull();
  });
});

describe('mappingRows', () => {
  it('shows each column with its field, suggestion and first non-empty sample', () => {
    const rows = mappingRows(
      { Estado: 'status', Ciudad: 'form.Ciudad', Asunto: 'solution' },
      cases,
      ['Asunto', 'Estado', 'Ciudad', 'Notas'],
      [
        { column: 'Asunto', field: 'description', confidence: 0.9 },
        { column: 'Estado', field: 'status', confidence: 0.95 },
      ],
      [
        { Asunto: 'Factura', Estado: 'Abierto', Ciudad: '', Notas: '' },
        { Asunto: 'Plan', Estado: 'Cerrado', Ciudad: 'Cali', Notas: '' },
      ],
    );
    expect(rows).toEqual([
      {
        column: 'Asunto',
        field: 'solution',
        customName: null,
        suggestion: { column: 'Asunto', field: 'description', confidence: 0.9 },
        followsSuggestion: false,
        sample: 'Factura',
      },
      {
        column: 'Estado',
        field: 'status',
        customName: null,
        suggestion: { column: 'Estado', field: 'status', confidence: 0.95 },
        followsSuggestion: true,
        sample: 'Abierto',
      },
      {
        column: 'Ciudad',
        field: 'form.Ciudad',
        customName: 'Ciudad',
        suggestion: null,
        followsSuggestion: false,
        sample: 'Cali',
      },
      {
        column: 'Notas',
        field: null,
        customName: null,
        suggestion: null,
        followsSuggestion: false,
        sample: '',
      },
    ]);
  });
});

describe('constants, value maps and date formats', () => {
  it('sets and removes a constant', () => {
    const withType = withConstant(template(), 'case-type', 'Claims');
    expect(withType.constants).toEqual({ 'case-type': 'Claims' });
    expect(withConstant(withType, 'case-type', '').constants).toEqual({});
  });

  it('shows the built-in map with the template’s entries over it, and its own after', () => {
    const edited = withValueMapEntry(
      withValueMapEntry(template(), 'status', 'Abierto', 'closed'),
      'status',
      'Pendiente',
      'open',
    );
    expect(valueMapRows(edited.valueMaps, 'status', { Abierto: 'open', Cerrado: 'closed' })).toEqual([
      { from: 'Abierto', to: 'closed', builtIn: true, edited: true },
      { from: 'Cerrado', to: 'closed', builtIn: true, edited: false },
      { from: 'Pendiente', to: 'open', builtIn: false, edited: true },
    ]);
    expect(edited.valueMaps).toEqual({ status: { Abierto: 'closed', Pendiente: 'open' } });
  });

  it('drops a field’s map when its last entry is removed', () => {
    const edited = withValueMapEntry(template(), 'priority', 'Urgente', 'high');
    expect(withValueMapEntry(edited, 'priority', 'Urgente', null).valueMaps).toEqual({});
  });

  it('keeps a date format unless it is automatic', () => {
    const dated = withDateFormat(template(), 'recall_date', 'dd/mm/yyyy');
    expect(dated.dateFormats).toEqual({ recall_date: 'dd/mm/yyyy' });
    expect(withDateFormat(dated, 'recall_date', 'auto').dateFormats).toEqual({});
  });

  it('finds the fields of a kind that get a value', () => {
    const used = usedFieldsOfKind({ Estado: 'status' }, { priority: 'low' }, cases, 'system').map(
      (field) => field.key,
    );
    expect(used).toEqual(['status', 'priority']);
  });
});

describe('applyTemplate', () => {
  it('keeps the saved mapping for the columns this file has, with this connection and file', () => {
    const saved = template({
      name: 'mensual',
      connection: { server: 'crm0009.wolkvox.com', operation: 'otra' },
      columns: { Asunto: 'description', Viejo: 'solution' },
      constants: { 'case-type': 'Request' },
      file: { delimiter: ',' },
    });
    const applied = applyTemplate(saved, {
      columns: ['Asunto', 'Estado'],
      connection,
      fileOptions: { delimiter: ';' },
    });
    expect(applied).toEqual({
      ...saved,
      connection: { server: 'crm0001.wolkvox.com', operation: 'ventas' },
      columns: { Asunto: 'description' },
      file: { delimiter: ';' },
    });
  });
});
