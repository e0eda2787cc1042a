import { fieldSpec, type TargetSpec } from './field-spec';

/** T2: up to 10,000 module records per request; other fields go by the label configured in the CRM. */
export const WOLKVOX_CRM_RECORDS: TargetSpec = {
  id: 'wolkvox-crm-records',
  name: { es: 'wolkvox CRM: registros de módulo', en: 'wolkvox CRM: module records' },
  maxBatch: 10_000,
  customPrefix: 'field.',
  connectionFields: ['operation', 'module'],
  dateOutput: 'wolkvox',
  // Module fields: text, and the types sent as `{"type", "value"}`.
  declaredTypes: ['text', 'address', 'search', 'relationship', 'table'],
  fields: [
    fieldSpec('namecontact', 'Nombre del contacto', 'Contact name', 'text', {
      synonyms: ['Nombre', 'Nombres', 'Nombre completo', 'Nombre contacto', 'Cliente', 'Name', 'Full name'],
    }),
    fieldSpec('telephonecontact', 'Teléfono del contacto', 'Contact phone', 'phone', {
      synonyms: ['Teléfono', 'Celular', 'Móvil', 'Tel', 'Teléfono contacto', 'Phone', 'Mobile', 'Telephone'],
    }),
    fieldSpec('idcontact', 'Identificación del contacto', 'Contact ID', 'text', {
      synonyms: ['Cédula', 'Documento', 'Identificación', 'Número de documento', 'NIT', 'ID', 'ID number'],
    }),
    fieldSpec('emailcontact', 'Correo del contacto', 'Contact e-mail', 'email', {
      synonyms: ['Correo', 'Correo electrónico', 'Email', 'E-mail', 'Mail', 'Correo contacto'],
    }),
  ],
};
