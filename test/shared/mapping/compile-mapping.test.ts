import { describe, expect, it } from 'vitest';

import { compileMapping } from '../../../shared/mapping/compile-mapping';
import { templateSchema, type TemplateInput } from '../../../shared/template';

const template = (input: Omit<TemplateInput, 'name'>) => templateSchema.parse({ name: 'prueba', ...input });

const CASE_COLUMNS = [
  'Tipo',
  'Responsable',
  'Propietario',
  'Correo contacto',
  'Descripción',
  'Estado',
  'Prioridad',
  'Ciudad',
];
const caseTemplate = (over: Partial<TemplateInput> = {}) =>
  template({
    target: 'wolkvox-crm-cases',
    columns: {
      Tipo: 'case-type',
      Responsable: 'responsible',
      Propietario: 'owner',
      'Correo contacto': 'contact',
      Descripción: 'description',
      Estado: 'status',
      Prioridad: 'priority',
      Ciudad: 'form.Ciudad',
    },
    constants: { operation: 'demo' },
    ...over,
  });
const caseRow = [
  'Queja',
  'ana@demo',
  'luis@demo',
  'cliente@correo.com',
  'No llegó el pedido',
  'Abierto',
  'Alta',
  'Cali',
];

describe('compileMapping', () => {
  it('maps a case row: system values in English, custom fields apart, constants filled in', () => {
    const mapping = compileMapping(caseTemplate(), CASE_COLUMNS);
    expect(mapping.mappingProblems).toEqual([]);
    expect(mapping.blocking).toBe(false);
    expect(mapping.mapRow(caseRow, 0, 2)).toEqual({
      record: {
        fields: {
          operation: 'demo',
          'case-type': 'Complaints',
          responsible: 'ana@demo',
          owner: 'luis@demo',
          contact: 'cliente@correo.com',
          description: 'No llegó el pedido',
          status: 'open',
          priority: 'high',
        },
        custom: { Ciudad: 'Cali' },
      },
      problems: [],
    });
  });

  it('trims cells and leaves empty optional fields out of the record', () => {
    const mapping = compileMapping(
      caseTemplate({
        columns: { Descripción: 'description', Ciudad: 'form.Ciudad' },
        constants: {
          operation: 'demo',
          'case-type': 'Solicitud',
          responsible: 'a@demo',
          owner: 'a@demo',
          contact: 'x@y.co',
          status: 'open',
          priority: 'low',
        },
      }),
      CASE_COLUMNS,
    );
    expect(mapping.mapRow(['', '', '', '', '  Texto  ', '', '', '  '], 0, 2).record).toEqual({
      fields: {
        operation: 'demo',
        'case-type': 'Request',
        responsible: 'a@demo',
        owner: 'a@demo',
        contact: 'x@y.co',
        description: 'Texto',
        status: 'open',
        priority: 'low',
      },
      custom: {},
    });
  });

  it('uses a constant only where the mapped cell is empty', () => {
    const mapping = compileMapping(
      caseTemplate({ constants: { operation: 'demo', priority: 'Baja' } }),
      CASE_COLUMNS,
    );
    const withPriority = mapping.mapRow(caseRow, 0, 2);
    const withoutPriority = mapping.mapRow(
      caseRow.map((cell, i) => (i === 6 ? '' : cell)),
      1,
      3,
    );
    expect(withPriority.record.fields.priority).toBe('high');
    expect(withoutPriority.record.fields.priority).toBe('low');
  });

  it("lets the template's value maps override the built-in ones and apply to any field", () => {
    const mapping = compileMapping(
      caseTemplate({
        valueMaps: {
          priority: { alta: 'medium' },
          'form.Ciudad': { cali: 'Santiago de Cali' },
          status: { 'En espera': 'on hold' },
        },
      }),
      CASE_COLUMNS,
    );
    const row = caseRow.map((cell, i) => (i === 5 ? 'EN ESPERA' : cell));
    const mapped = mapping.mapRow(row, 0, 2);
    expect(mapped.problems).toEqual([]);
    expect(mapped.record.fields.priority).toBe('medium');
    expect(mapped.record.fields.status).toBe('on hold');
    expect(mapped.record.custom).toEqual({ Ciudad: 'Santiago de Cali' });
  });

  it('reports a system value it cannot translate, with the row, column and allowed values', () => {
    const mapping = compileMapping(caseTemplate(), CASE_COLUMNS);
    const row = caseRow.map((cell, i) => (i === 6 ? 'Urgentísima' : cell));
    expect(mapping.mapRow(row, 10, 12).problems).toEqual([
      {
        row: 12,
        index: 10,
        column: 'Prioridad',
        field: 'priority',
        value: 'Urgentísima',
        code: 'unknown-system-value',
        message: {
          code: 'validation.unknown-system-value',
          params: { row: 12, column: 'Prioridad', value: 'Urgentísima', allowed: 'low, medium, high' },
        },
      },
    ]);
  });

  it('reports an empty required cell, naming the field in both languages', () => {
    const mapping = compileMapping(caseTemplate(), CASE_COLUMNS);
    const row = caseRow.map((cell, i) => (i === 4 ? '   ' : cell));
    const { record, problems } = mapping.mapRow(row, 3, 5);
    expect(record.fields.description).toBeUndefined();
    expect(problems).toEqual([
      {
        row: 5,
        index: 3,
        column: 'Descripción',
        field: 'description',
        value: '',
        code: 'required-missing',
        message: {
          code: 'validation.required-missing',
          params: {
            row: 5,
            column: 'Descripción',
            field: 'description',
            labelEs: 'Descripción',
            labelEn: 'Description',
          },
        },
      },
    ]);
  });

  it('blocks when a required field has no column and no constant, and flags every row', () => {
    const columns = { ...caseTemplate().columns };
    delete columns['Descripción'];
    const mapping = compileMapping(caseTemplate({ columns, constants: {} }), CASE_COLUMNS);
    expect(mapping.blocking).toBe(true);
    expect(mapping.mappingProblems).toEqual([
      {
        code: 'mapping.connection-field-missing',
        params: { field: 'operation', labelEs: 'Operación', labelEn: 'Operation' },
      },
      {
        code: 'mapping.required-unmapped',
        params: { field: 'description', labelEs: 'Descripción', labelEn: 'Description' },
      },
    ]);
    expect(mapping.mapRow(caseRow, 0, 2).problems.map((p) => [p.code, p.field, p.message.code])).toEqual([
      ['required-missing', 'operation', 'validation.required-unmapped'],
      ['required-missing', 'description', 'validation.required-unmapped'],
    ]);
  });

  it('warns about columns and constants for fields the target does not have', () => {
    const mapping = compileMapping(
      caseTemplate({
        columns: { ...caseTemplate().columns, Ciudad: 'Ciudad' },
        constants: { operation: 'demo', canal: 'web' },
      }),
      CASE_COLUMNS,
    );
    expect(mapping.blocking).toBe(false);
    expect(mapping.mappingProblems).toEqual([
      { code: 'mapping.unknown-field', params: { column: 'Ciudad', field: 'Ciudad', prefix: 'form.' } },
      { code: 'mapping.unknown-constant-field', params: { field: 'canal', value: 'web' } },
    ]);
    expect(mapping.mapRow(caseRow, 0, 2).record.custom).toEqual({});
  });

  it('says a target takes no custom fields when it has no prefix for them', () => {
    const mapping = compileMapping(
      template({ target: 'wolkvox-campaign', columns: { Tel: 'tel1', Ciudad: 'form.Ciudad' } }),
      ['Tel', 'Ciudad'],
    );
    expect(mapping.mappingProblems).toEqual([
      { code: 'mapping.unknown-field-no-custom', params: { column: 'Ciudad', field: 'form.Ciudad' } },
    ]);
  });

  it('warns about a mapped column the file lacks, and blocks when that leaves a required field empty', () => {
    const mapping = compileMapping(
      caseTemplate(),
      CASE_COLUMNS.filter((c) => c !== 'Ciudad' && c !== 'Estado'),
    );
    expect(mapping.blocking).toBe(true);
    expect(mapping.mappingProblems).toEqual([
      {
        code: 'mapping.required-unmapped',
        params: { field: 'status', labelEs: 'Estado', labelEn: 'Status' },
      },
      { code: 'mapping.column-not-in-file', params: { column: 'Estado', field: 'status' } },
      { code: 'mapping.column-not-in-file', params: { column: 'Ciudad', field: 'form.Ciudad' } },
    ]);
  });

  it('finds a column that differs only by case, accents or spaces, and says so', () => {
    const mapping = compileMapping(
      caseTemplate(),
      CASE_COLUMNS.map((c) => (c === 'Descripción' ? 'DESCRIPCION ' : c)),
    );
    expect(mapping.mappingProblems).toEqual([
      { code: 'mapping.column-matched-loosely', params: { column: 'Descripción', found: 'DESCRIPCION ' } },
    ]);
    expect(mapping.mapRow(caseRow, 0, 2).record.fields.description).toBe('No llegó el pedido');
  });

  it('warns about custom field names that differ only by case, spaces or accents', () => {
    const mapping = compileMapping(
      caseTemplate({
        columns: { ...caseTemplate().columns, Cierre: 'form.Fecha cierre' },
        constants: { operation: 'demo', 'form.fecha Cierre': '01/01/2026' },
        valueMaps: { 'form.ciudad': { BOG: 'Bogotá' } },
      }),
      [...CASE_COLUMNS, 'Cierre'],
    );
    expect(mapping.mappingProblems).toEqual([
      { code: 'mapping.custom-near-duplicate', params: { first: 'Ciudad', second: 'ciudad' } },
      { code: 'mapping.custom-near-duplicate', params: { first: 'Fecha cierre', second: 'fecha Cierre' } },
    ]);
    expect(mapping.blocking).toBe(false);
  });

  it('uses the first column with a value when several feed one field, and says so', () => {
    const mapping = compileMapping(
      template({ target: 'wolkvox-campaign', columns: { Celular: 'tel1', Fijo: 'tel1' } }),
      ['Celular', 'Fijo'],
    );
    expect(mapping.mappingProblems).toEqual([
      { code: 'mapping.field-mapped-twice', params: { field: 'tel1', columns: 'Celular, Fijo' } },
    ]);
    expect(mapping.mapRow(['', '604 123 4567'], 0, 2).record.fields).toEqual({ tel1: '6041234567' });
    expect(mapping.mapRow(['300 123 4567', '604 123 4567'], 1, 3).record.fields).toEqual({
      tel1: '3001234567',
    });
  });

  it('blocks on an invalid constant and reports it on the rows that would use it', () => {
    const mapping = compileMapping(
      caseTemplate({ constants: { operation: 'demo', priority: 'Urgente' } }),
      CASE_COLUMNS,
    );
    expect(mapping.blocking).toBe(true);
    expect(mapping.mappingProblems).toEqual([
      {
        code: 'mapping.constant-unknown-system-value',
        params: {
          field: 'priority',
          labelEs: 'Prioridad',
          labelEn: 'Priority',
          value: 'Urgente',
          allowed: 'low, medium, high',
        },
      },
    ]);
    expect(mapping.mapRow(caseRow, 0, 2).problems).toEqual([]);
    expect(
      mapping.mapRow(
        caseRow.map((cell, i) => (i === 6 ? '' : cell)),
        1,
        3,
      ).problems,
    ).toEqual([
      {
        row: 3,
        index: 1,
        field: 'priority',
        value: 'Urgente',
        code: 'unknown-system-value',
        message: {
          code: 'validation.constant-invalid',
          params: { row: 3, field: 'priority', value: 'Urgente' },
        },
      },
    ]);
  });

  it('reports a row whose mapped cells are all empty once, as an empty row', () => {
    const mapping = compileMapping(caseTemplate(), CASE_COLUMNS);
    expect(mapping.mapRow(['', ' ', '', '', '', '', '', ''], 4, 6)).toEqual({
      record: { fields: {}, custom: {} },
      problems: [
        {
          row: 6,
          index: 4,
          code: 'empty-row',
          message: { code: 'validation.empty-row', params: { row: 6 } },
        },
      ],
    });
  });

  it('treats cells missing from a short row as empty', () => {
    const mapping = compileMapping(
      template({ target: 'wolkvox-campaign', columns: { Nombre: 'customer_name', Tel: 'tel1' } }),
      ['Nombre', 'Tel'],
    );
    expect(mapping.mapRow(['Ana'], 0, 2).problems.map((p) => p.code)).toEqual(['required-missing']);
  });

  it('validates campaign records: phones, e-mail, age and recall date as wolkvox wants them', () => {
    const mapping = compileMapping(
      template({
        target: 'wolkvox-campaign',
        columns: {
          Nombre: 'customer_name',
          Tel: 'tel1',
          Tel2: 'tel2',
          Correo: 'email',
          Edad: 'age',
          Rellamar: 'recall_date',
        },
      }),
      ['Nombre', 'Tel', 'Tel2', 'Correo', 'Edad', 'Rellamar'],
    );
    expect(
      mapping.mapRow(['Ana', '+57 300 123 4567', '', 'ana@correo.co', '35', '15/03/2026 14:30'], 0, 2),
    ).toEqual({
      record: {
        fields: {
          customer_name: 'Ana',
          tel1: '573001234567',
          email: 'ana@correo.co',
          age: '35',
          recall_date: '20260315143000',
        },
        custom: {},
      },
      problems: [],
    });
    const bad = mapping.mapRow(
      ['Luis', '3.00123E+09', '12345', 'luis@correo', 'treinta', '31/02/2026'],
      1,
      3,
    );
    expect(bad.problems.map((p) => [p.code, p.column, p.value, p.message.code])).toEqual([
      ['not-a-number', 'Edad', 'treinta', 'validation.not-a-number'],
      ['phone-scientific', 'Tel', '3.00123E+09', 'validation.phone-scientific'],
      ['phone-too-short', 'Tel2', '12345', 'validation.phone-too-short'],
      ['invalid-email', 'Correo', 'luis@correo', 'validation.invalid-email'],
      ['invalid-date', 'Rellamar', '31/02/2026', 'validation.impossible-date'],
    ]);
    expect(bad.problems[1]?.message).toEqual({
      code: 'validation.phone-scientific',
      params: { row: 3, column: 'Tel', value: '3.00123E+09' },
    });
    expect(bad.problems[2]?.message.params).toEqual({ row: 3, column: 'Tel2', value: '12345', digits: 5 });
  });

  it('writes Thalamus dates in caseData as YYYY-MM-DD when the template gives them a date format', () => {
    const mapping = compileMapping(
      template({
        target: 'thalamus-cases',
        columns: {
          Categoría: 'categoryCode',
          Tipo: 'typeCode',
          Fecha: 'caseData.Fecha compra',
          Nota: 'comment',
        },
        dateFormats: { 'caseData.Fecha compra': 'auto' },
        constants: { party: '1$1020304050' },
      }),
      ['Categoría', 'Tipo', 'Fecha', 'Nota'],
    );
    expect(mapping.mapRow(['Reclamo', 'Telefonico', '46096', 'Llamó dos veces'], 0, 2)).toEqual({
      record: {
        fields: {
          party: '1$1020304050',
          categoryCode: 'Reclamo',
          typeCode: 'Telefonico',
          comment: 'Llamó dos veces',
        },
        custom: { 'Fecha compra': '2026-03-15' },
      },
      problems: [],
    });
  });

  it('honours a forced date format', () => {
    const mapping = compileMapping(
      template({
        target: 'wolkvox-campaign',
        columns: { Tel: 'tel1', Fecha: 'recall_date' },
        dateFormats: { recall_date: 'mm/dd/yyyy' },
      }),
      ['Tel', 'Fecha'],
    );
    expect(mapping.mapRow(['3001234567', '03/04/2026'], 0, 2).record.fields.recall_date).toBe(
      '20260304000000',
    );
  });

  it('cuts a long value quoted in a problem', () => {
    const mapping = compileMapping(
      template({ target: 'wolkvox-campaign', columns: { Tel: 'tel1', Nombre: 'customer_name' } }),
      ['Tel', 'Nombre'],
    );
    const [problem] = mapping.mapRow(['3001234567', 'x'.repeat(300)], 0, 2).problems;
    expect(problem?.code).toBe('value-too-long');
    expect(problem?.value).toBe(`${'x'.repeat(200)}…`);
    expect(problem?.message.params).toEqual({
      row: 2,
      column: 'Nombre',
      value: `${'x'.repeat(200)}…`,
      length: 300,
      max: 255,
    });
  });

  it('takes module records with custom labels and ignores the connection values the engine adds', () => {
    const mapping = compileMapping(
      template({
        target: 'wolkvox-crm-records',
        columns: { Nombre: 'namecontact', Tipo: 'field.Tipo Cliente' },
        constants: { operation: 'demo', module: 'contacts' },
      }),
      ['Nombre', 'Tipo'],
    );
    expect(mapping.mappingProblems).toEqual([]);
    expect(mapping.mapRow(['Ana', 'VIP'], 0, 2).record).toEqual({
      fields: { namecontact: 'Ana' },
      custom: { 'Tipo Cliente': 'VIP' },
    });
  });

  it('gives a check the same problems as mapping the row, without building its record', () => {
    const mapping = compileMapping(
      caseTemplate({ constants: { operation: 'demo', priority: 'Urgente' } }),
      CASE_COLUMNS,
    );
    const rows = [
      ['', ' ', '', '', '', '', '', ''],
      ['Queja', '', 'luis@demo', 'cliente@correo.com', ' Texto ', 'Perdido', '', 'x'.repeat(300)],
      ['Queja', 'ana@demo', 'luis@demo', 'cliente@correo.com', 'Texto', 'Abierto'],
    ];
    rows.forEach((row, i) => {
      const problems = mapping.rowProblems(row, i, i + 2);
      expect(problems).toEqual(mapping.mapRow(row, i, i + 2).problems);
      expect(problems.length).toBeGreaterThan(0);
    });
    expect(mapping.rowProblems(caseRow, 9, 11)).toEqual([]);
  });
});
