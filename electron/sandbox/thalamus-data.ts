/**
 * What the sandbox's Thalamus instance holds (T4): its touchpoints, the parties that can log in,
 * the category/type pairs, the statuses and the typed custom fields of a case (`caseData`).
 * `examples/casos-thalamus.*` and the app's Thalamus sandbox connection rely on these values.
 */

/** Thalamus is served under a path, as many installations are (`https://host/thalamus`). */
export const THALAMUS_PATH_PREFIX = '/thalamus';

/** Call-centre touchpoint: parties log in without a password. */
export const THALAMUS_PASSWORDLESS_TOUCHPOINT = 'tp-callcenter';
/** Web touchpoint: each party logs in with its password. */
export const THALAMUS_PASSWORD_TOUCHPOINT = 'tp-web';
/** The parties' password on the web touchpoint. Not a secret: it opens nothing but the sandbox. */
export const THALAMUS_SANDBOX_PARTY_PASSWORD = 'clave-demo-2026';

/** Principals as Thalamus takes them: a document (`type$number`), an e-mail or a cellphone. */
export const THALAMUS_PARTIES: readonly string[] = [
  '1$1020304050',
  '1$52123456',
  '1$79876543',
  '1$1098765432',
  '2$900123456',
  'maria.lopez@example.com',
  'juan.rodriguez@example.com',
  '57-3001234567',
];

export interface CaseTypeCategory {
  caseTypeCode: string;
  caseTypeName: string;
  caseCategoryCode: string;
  caseCategoryName: string;
  defaultAnswer: string;
}

export const THALAMUS_TYPE_CATEGORIES: readonly CaseTypeCategory[] = [
  {
    caseCategoryCode: 'RECL',
    caseCategoryName: 'Reclamos',
    caseTypeCode: 'FACT',
    caseTypeName: 'Facturación',
    defaultAnswer: 'Revisaremos su factura.',
  },
  {
    caseCategoryCode: 'RECL',
    caseCategoryName: 'Reclamos',
    caseTypeCode: 'SERV',
    caseTypeName: 'Servicio técnico',
    defaultAnswer: 'Un técnico lo contactará.',
  },
  {
    caseCategoryCode: 'SOLI',
    caseCategoryName: 'Solicitudes',
    caseTypeCode: 'INFO',
    caseTypeName: 'Información',
    defaultAnswer: '',
  },
  {
    caseCategoryCode: 'SOLI',
    caseCategoryName: 'Solicitudes',
    caseTypeCode: 'PLAN',
    caseTypeName: 'Cambio de plan',
    defaultAnswer: '',
  },
  {
    caseCategoryCode: 'QUEJ',
    caseCategoryName: 'Quejas',
    caseTypeCode: 'ATEN',
    caseTypeName: 'Atención al cliente',
    defaultAnswer: '',
  },
];

/** A category the tree has but new cases may not use. */
export const THALAMUS_SYSTEM_CATEGORY = 'SISTEMA';

export interface CaseStatus {
  statusName: string;
  initial: boolean;
  finalState: boolean;
}

export const THALAMUS_STATUSES: readonly CaseStatus[] = [
  { statusName: 'Creado', initial: true, finalState: false },
  { statusName: 'Abierto', initial: true, finalState: false },
  { statusName: 'En proceso', initial: false, finalState: false },
  { statusName: 'Cerrado', initial: false, finalState: true },
];

/** Resolutions a new case may carry. */
export const THALAMUS_INITIAL_RESOLUTIONS: readonly string[] = ['Pendiente'];

export type CaseDataType = 'text' | 'boolean' | 'number' | 'decimal' | 'date';

export const THALAMUS_CASE_DATA: Readonly<Record<string, CaseDataType>> = {
  Monto: 'decimal',
  Cantidad: 'number',
  Urgente: 'boolean',
  'Fecha de compra': 'date',
  Canal: 'text',
};
