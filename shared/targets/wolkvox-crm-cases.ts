import { CASE_PRIORITY_VALUES, CASE_STATUS_VALUES, CASE_TYPE_VALUES } from '../transforms/system-values';
import { fieldSpec, LONG_VALUE_MAX, type TargetSpec } from './field-spec';

/** T1: one case per request, multipart form; custom fields travel in the `form` JSON object. */
export const WOLKVOX_CRM_CASES: TargetSpec = {
  id: 'wolkvox-crm-cases',
  name: { es: 'wolkvox CRM: casos', en: 'wolkvox CRM: cases' },
  maxBatch: 1,
  customPrefix: 'form.',
  connectionFields: ['operation'],
  dateOutput: 'wolkvox',
  fields: [
    // Normally given by the connection: the engine passes it to compileMapping as a constant.
    fieldSpec('operation', 'Operación', 'Operation', 'text', {
      required: true,
      synonyms: ['Nombre de la operación'],
    }),
    fieldSpec('case-type', 'Tipo de caso', 'Case type', 'system', {
      required: true,
      synonyms: ['Tipo', 'Tipo caso', 'Type'],
      systemValues: CASE_TYPE_VALUES,
      acceptsOtherValues: true,
    }),
    fieldSpec('responsible', 'Responsable', 'Responsible', 'text', {
      required: true,
      synonyms: ['Asignado a', 'Agente', 'Asesor', 'Usuario responsable', 'Assigned to', 'Agent'],
    }),
    fieldSpec('owner', 'Propietario', 'Owner', 'text', {
      required: true,
      synonyms: ['Dueño', 'Creado por', 'Created by'],
    }),
    fieldSpec('contact', 'Contacto', 'Contact', 'text', {
      required: true,
      emailWhenItHasAt: true,
      synonyms: [
        'Correo contacto',
        'Email contacto',
        'E-mail contacto',
        'Cliente',
        'Contact email',
        'Customer',
      ],
    }),
    fieldSpec('description', 'Descripción', 'Description', 'text', {
      required: true,
      maxLength: LONG_VALUE_MAX,
      joinsColumns: true,
      synonyms: ['Detalle', 'Observaciones', 'Observación', 'Asunto', 'Details', 'Notes'],
    }),
    fieldSpec('status', 'Estado', 'Status', 'system', {
      required: true,
      synonyms: ['Estado del caso', 'Case status'],
      systemValues: CASE_STATUS_VALUES,
      extendedBy: 'extraStatuses',
    }),
    fieldSpec('priority', 'Prioridad', 'Priority', 'system', {
      required: true,
      synonyms: ['Prioridad del caso'],
      systemValues: CASE_PRIORITY_VALUES,
      extendedBy: 'extraPriorities',
    }),
    fieldSpec('solution', 'Solución', 'Solution', 'text', {
      maxLength: LONG_VALUE_MAX,
      joinsColumns: true,
      synonyms: ['Respuesta', 'Resolución', 'Answer', 'Resolution'],
    }),
  ],
};
