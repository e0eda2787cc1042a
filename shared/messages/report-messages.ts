import type { MessageCatalog } from './catalog-types';

/** The columns and words of the error and success reports that say, for each row, what was in
 * the file, what its last attempt sent, who refused it and why. */
export const reportMessages = {
  'report.header.source': { es: 'Detectado por', en: 'Found by' },
  'report.header.answer': {
    es: 'Respuesta original del CRM (código y mensaje)',
    en: "The CRM's original answer (code and message)",
  },
  'report.header.sent': {
    es: 'Enviado en el último intento (si difiere del archivo)',
    en: 'Sent at the last attempt (where it differs from the file)',
  },
  'report.header.unsent-fix': { es: 'Corregido y aún sin enviar', en: 'Corrected and not sent yet' },
  'report.header.crm-id': { es: 'ID en el CRM', en: 'CRM ID' },
  'report.sheet.accepted': { es: 'Cargadas', en: 'Loaded' },
  'report.source.check': { es: 'Revisión de Carga (no se envió)', en: "Carga's check (not sent)" },
  'report.source.crm': { es: 'Respuesta del CRM', en: "The CRM's answer" },
  'report.source.connection': {
    es: 'La conexión (el CRM no respondió)',
    en: 'The connection (the CRM did not answer)',
  },
  'report.not-found': {
    es: 'El informe ya no está en {path}: quizá se movió o se borró. Expórtelo de nuevo.',
    en: 'The report is no longer at {path}: it may have been moved or deleted. Export it again.',
  },
  'report.change': { es: '{column}: «{value}»', en: '{column}: "{value}"' },
} as const satisfies MessageCatalog;
