import { describe, expect, it } from 'vitest';

import { suggestMapping } from '../../../shared/mapping/suggest-mapping';

describe('suggestMapping', () => {
  it('matches Spanish headers of a case export to wolkvox CRM case fields', () => {
    expect(
      suggestMapping('wolkvox-crm-cases', [
        'Descripción',
        'Correo contacto',
        'Prioridad',
        'Tipo de caso',
        'Estado',
        'Responsable',
        'Dueño',
        'Solución',
      ]),
    ).toEqual([
      { column: 'Descripción', field: 'description', confidence: 1 },
      { column: 'Correo contacto', field: 'contact', confidence: 1 },
      { column: 'Prioridad', field: 'priority', confidence: 1 },
      { column: 'Tipo de caso', field: 'case-type', confidence: 1 },
      { column: 'Estado', field: 'status', confidence: 1 },
      { column: 'Responsable', field: 'responsible', confidence: 1 },
      { column: 'Dueño', field: 'owner', confidence: 1 },
      { column: 'Solución', field: 'solution', confidence: 1 },
    ]);
  });

  it('ignores accents, case and surrounding spaces', () => {
    expect(suggestMapping('wolkvox-crm-cases', ['DESCRIPCION', ' prioridad ', 'tipo  de  CASO'])).toEqual([
      { column: 'DESCRIPCION', field: 'description', confidence: 1 },
      { column: ' prioridad ', field: 'priority', confidence: 1 },
      { column: 'tipo  de  CASO', field: 'case-type', confidence: 1 },
    ]);
  });

  it('matches English headers and the field keys themselves', () => {
    expect(suggestMapping('wolkvox-crm-cases', ['Description', 'Case type', 'owner'])).toEqual([
      { column: 'Description', field: 'description', confidence: 1 },
      { column: 'Case type', field: 'case-type', confidence: 1 },
      { column: 'owner', field: 'owner', confidence: 1 },
    ]);
    expect(suggestMapping('wolkvox-crm-cases', ['CASE_TYPE'])).toEqual([
      { column: 'CASE_TYPE', field: 'case-type', confidence: 1 },
    ]);
  });

  it('matches headers listed as synonyms', () => {
    expect(
      suggestMapping('wolkvox-crm-cases', [
        'Detalle',
        'Asignado a',
        'Creado por',
        'Cliente',
        'Respuesta',
      ]).map((s) => s.field),
    ).toEqual(['description', 'responsible', 'owner', 'contact', 'solution']);
  });

  it('gives a lower confidence to partial matches', () => {
    expect(suggestMapping('wolkvox-crm-cases', ['Correo', 'Desc'])).toEqual([
      { column: 'Correo', field: 'contact', confidence: 0.53 },
      { column: 'Desc', field: 'description', confidence: 0.64 },
    ]);
    expect(suggestMapping('wolkvox-crm-cases', ['Tipo caso'])).toEqual([
      { column: 'Tipo caso', field: 'case-type', confidence: 1 },
    ]);
    expect(suggestMapping('wolkvox-crm-cases', ['Caso tipo'])).toEqual([
      { column: 'Caso tipo', field: 'case-type', confidence: 0.9 },
    ]);
  });

  it('suggests nothing for a header that fits no field', () => {
    expect(suggestMapping('wolkvox-crm-cases', ['Ciudad', 'Fecha', '', 'Columna 7'])).toEqual([
      { column: 'Ciudad', field: null, confidence: 0 },
      { column: 'Fecha', field: null, confidence: 0 },
      { column: '', field: null, confidence: 0 },
      { column: 'Columna 7', field: null, confidence: 0 },
    ]);
  });

  it('never suggests a field twice: the best match keeps it, then the earlier column', () => {
    expect(suggestMapping('wolkvox-crm-cases', ['Observaciones', 'Descripción', 'DESCRIPCION'])).toEqual([
      { column: 'Observaciones', field: 'description', confidence: 1 },
      { column: 'Descripción', field: null, confidence: 0 },
      { column: 'DESCRIPCION', field: null, confidence: 0 },
    ]);
    expect(suggestMapping('wolkvox-crm-cases', ['Correo', 'Correo contacto'])).toEqual([
      { column: 'Correo', field: null, confidence: 0 },
      { column: 'Correo contacto', field: 'contact', confidence: 1 },
    ]);
  });

  it('matches a campaign call list, numbered phones by their number', () => {
    expect(
      suggestMapping('wolkvox-campaign', [
        'Nombre',
        'Apellido(s)',
        'Tipo de documento',
        'Cédula',
        'Teléfono',
        'Teléfono 2',
        'Tel 3',
        'Correo',
        'Ciudad',
        'Fecha rellamada',
      ]),
    ).toEqual([
      { column: 'Nombre', field: 'customer_name', confidence: 1 },
      { column: 'Apellido(s)', field: 'customer_last_name', confidence: 1 },
      { column: 'Tipo de documento', field: 'id_type', confidence: 1 },
      { column: 'Cédula', field: 'customer_id', confidence: 1 },
      { column: 'Teléfono', field: 'tel1', confidence: 1 },
      { column: 'Teléfono 2', field: 'tel2', confidence: 1 },
      { column: 'Tel 3', field: 'tel3', confidence: 1 },
      { column: 'Correo', field: 'email', confidence: 1 },
      { column: 'Ciudad', field: 'city', confidence: 1 },
      { column: 'Fecha rellamada', field: 'recall_date', confidence: 1 },
    ]);
  });

  it('takes spacing-only differences as exact and never matches a different number', () => {
    expect(suggestMapping('wolkvox-campaign', ['TEL1', 'Móvil', 'Documento', 'E-mail'])).toEqual([
      { column: 'TEL1', field: 'tel1', confidence: 1 },
      { column: 'Móvil', field: 'tel2', confidence: 0.53 },
      { column: 'Documento', field: 'customer_id', confidence: 1 },
      { column: 'E-mail', field: 'email', confidence: 1 },
    ]);
    expect(suggestMapping('wolkvox-campaign', ['Teléfono 11'])).toEqual([
      { column: 'Teléfono 11', field: null, confidence: 0 },
    ]);
  });

  it('matches module records and Thalamus cases', () => {
    expect(
      suggestMapping('wolkvox-crm-records', [
        'Nombre',
        'Celular',
        'NIT',
        'Correo electrónico',
        'Tipo Cliente',
      ]).map((s) => s.field),
    ).toEqual(['namecontact', 'telephonecontact', 'idcontact', 'emailcontact', null]);
    expect(
      suggestMapping('thalamus-cases', ['Categoría', 'Tipo', 'Estado', 'Resolución', 'Comentario']).map(
        (s) => s.field,
      ),
    ).toEqual(['categoryCode', 'typeCode', 'status', 'resolution', 'comment']);
  });
});
