import { fieldSpec, LONG_VALUE_MAX, type TargetSpec } from './field-spec';

/** T4: one case per request (JSON); custom fields go in `caseData`, dates there as `YYYY-MM-DD`. */
export const THALAMUS_CASES: TargetSpec = {
  id: 'thalamus-cases',
  name: { es: 'Thalamus: casos', en: 'Thalamus: cases' },
  maxBatch: 1,
  customPrefix: 'caseData.',
  connectionFields: ['touchpoint'],
  dateOutput: 'iso-date',
  // Thalamus's `caseData` field types.
  declaredTypes: ['text', 'boolean', 'number', 'decimal', 'date'],
  fields: [
    // The customer or operator the case is created for: logs in with Basic auth on each request.
    fieldSpec('party', 'Parte (cliente u operador)', 'Party (customer or operator)', 'text', {
      required: true,
      synonyms: [
        'Parte',
        'Documento',
        'Cédula',
        'Identificación',
        'Usuario',
        'Cliente',
        'Party',
        'Principal',
        'Customer',
      ],
    }),
    fieldSpec('categoryCode', 'Código de categoría', 'Category code', 'text', {
      required: true,
      synonyms: ['Categoría', 'Código categoría', 'Category'],
    }),
    fieldSpec('typeCode', 'Código de tipo', 'Type code', 'text', {
      required: true,
      synonyms: ['Tipo', 'Tipo de caso', 'Código tipo', 'Type', 'Case type'],
    }),
    // Names configured in Thalamus (e.g. `Created`), not a fixed English set.
    fieldSpec('status', 'Estado', 'Status', 'text', { synonyms: ['Estado del caso', 'Estado inicial'] }),
    fieldSpec('resolution', 'Resolución', 'Resolution', 'text', { synonyms: ['Solución'] }),
    // Sent as the case's first comment.
    fieldSpec('comment', 'Comentario', 'Comment', 'text', {
      maxLength: LONG_VALUE_MAX,
      joinsColumns: true,
      synonyms: ['Comentarios', 'Descripción', 'Observaciones', 'Detalle', 'Description', 'Comments'],
    }),
  ],
};
