import { fieldSpec, type FieldSpec, type TargetSpec } from './field-spec';

const OPTIONAL_DATA_COUNT = 12;
const PHONE_COUNT = 10;

function phoneField(n: number): FieldSpec {
  const first = n === 1;
  return fieldSpec(`tel${n}`, `Teléfono ${n}`, `Phone ${n}`, 'phone', {
    // A record without a phone is useless to a dialer.
    required: first,
    synonyms: first
      ? ['Teléfono', 'Celular', 'Móvil', 'Tel', 'Tel 1', 'Celular 1', 'Phone', 'Mobile', 'Telephone']
      : [`Tel ${n}`, `Celular ${n}`, `Móvil ${n}`, `Telephone ${n}`],
  });
}

function optionalDataField(n: number): FieldSpec {
  return fieldSpec(`opt${n}`, `Dato opcional ${n}`, `Optional data ${n}`, 'text', {
    synonyms: [`Opcional ${n}`, `Opt ${n}`, `Optional ${n}`],
  });
}

/** T3: up to 10,000 call-list records per request; every field is a string, no custom fields. */
export const WOLKVOX_CAMPAIGN: TargetSpec = {
  id: 'wolkvox-campaign',
  name: { es: 'wolkvox Manager: campaña', en: 'wolkvox Manager: campaign' },
  maxBatch: 10_000,
  customPrefix: null,
  connectionFields: ['campaignId', 'campaignType', 'campaignStatus'],
  dateOutput: 'wolkvox',
  fields: [
    fieldSpec('customer_name', 'Nombre', 'First name', 'text', {
      synonyms: ['Nombres', 'Nombre del cliente', 'Nombre cliente', 'Name', 'Customer name'],
    }),
    fieldSpec('customer_last_name', 'Apellidos', 'Last name', 'text', {
      synonyms: ['Apellido', 'Apellido(s)', 'Apellidos del cliente', 'Surname', 'Customer last name'],
    }),
    fieldSpec('id_type', 'Tipo de documento', 'ID type', 'text', {
      synonyms: ['Tipo documento', 'Tipo de identificación', 'Tipo ID', 'Document type'],
    }),
    fieldSpec('customer_id', 'Número de documento', 'Customer ID', 'text', {
      synonyms: [
        'Cédula',
        'Documento',
        'Identificación',
        'NIT',
        'ID cliente',
        'Número de identificación',
        'ID',
        'Document',
      ],
    }),
    fieldSpec('age', 'Edad', 'Age', 'number'),
    fieldSpec('gender', 'Género', 'Gender', 'text', { synonyms: ['Sexo', 'Sex'] }),
    fieldSpec('country', 'País', 'Country', 'text'),
    fieldSpec('state', 'Departamento', 'State', 'text', {
      synonyms: ['Estado', 'Provincia', 'Región', 'Region'],
    }),
    fieldSpec('city', 'Ciudad', 'City', 'text', { synonyms: ['Municipio'] }),
    fieldSpec('zone', 'Zona', 'Zone', 'text'),
    fieldSpec('address', 'Dirección', 'Address', 'text', { synonyms: ['Domicilio'] }),
    ...Array.from({ length: OPTIONAL_DATA_COUNT }, (_, i) => optionalDataField(i + 1)),
    ...Array.from({ length: PHONE_COUNT }, (_, i) => phoneField(i + 1)),
    fieldSpec('tel_extra', 'Teléfono adicional', 'Extra phone', 'phone', {
      synonyms: ['Teléfono extra', 'Otro teléfono', 'Tel extra', 'Other phone'],
    }),
    fieldSpec('email', 'Correo electrónico', 'E-mail', 'email', { synonyms: ['Correo', 'Email', 'Mail'] }),
    fieldSpec('recall_date', 'Fecha de rellamada', 'Recall date', 'date', {
      synonyms: ['Fecha rellamada', 'Fecha volver a llamar', 'Fecha de llamada'],
    }),
    fieldSpec('recall_telephone', 'Teléfono de rellamada', 'Recall phone', 'phone', {
      synonyms: ['Teléfono rellamada', 'Tel rellamada', 'Recall telephone'],
    }),
  ],
};
