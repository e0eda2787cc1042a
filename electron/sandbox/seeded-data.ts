import type { TargetId } from '../../shared/targets/target-ids';

/**
 * What the sandbox CRM holds when nobody says otherwise. The CLI, the examples in `examples/`
 * and the app's "sandbox" connection all rely on these values, so change them together.
 */

/** The sandbox's token. Not a secret: it opens nothing but the sandbox on 127.0.0.1. */
export const SANDBOX_TOKEN = 'sandbox-token-carga-demo-not-secret';

/** The CRM's example daily quota (SPEC.md: "CRM example: 4800"). */
export const SANDBOX_DAILY_LIMIT = 4800;

/** The token of each target's sandbox connection, so each has its own daily quota: a long
 * rehearsal of one target never blocks the others. Cases keep the token the CLI prints. */
export const SANDBOX_TARGET_TOKENS: Record<TargetId, string> = {
  'wolkvox-crm-cases': SANDBOX_TOKEN,
  'wolkvox-crm-records': `${SANDBOX_TOKEN}-records`,
  'wolkvox-campaign': `${SANDBOX_TOKEN}-campaign`,
  'thalamus-cases': `${SANDBOX_TOKEN}-thalamus`,
};

export const SANDBOX_DEFAULTS = {
  operation: 'demo',
  users: ['ADMIN_@demo', 'ana.gomez@demo', 'carlos.ruiz@demo', 'laura.martinez@demo', 'jorge.perez@demo'],
  contacts: [
    'maria.lopez@example.com',
    'juan.rodriguez@example.com',
    'sofia.hernandez@example.com',
    'andres.garcia@example.com',
    'valentina.torres@example.com',
    'camilo.ramirez@example.com',
    'paula.sanchez@example.com',
    'diego.moreno@example.com',
    'natalia.castro@example.com',
    'felipe.ortiz@example.com',
  ],
  customFields: ['Ciudad', 'Fecha cierre', 'Número de póliza'],
  campaigns: ['1001', '1002'],
} as const satisfies {
  operation: string;
  users: readonly string[];
  contacts: readonly string[];
  customFields: readonly string[];
  campaigns: readonly string[];
};

/** Case types every CRM has; operations may add their own (`caseTypes` option). */
export const BUILT_IN_CASE_TYPES = ['Request', 'Complaints', 'Claims', 'Suggestions'] as const;

/** The system values the sandbox accepts, in English and lower case as the CRM wants them. The
 * real CRM's full lists are not documented: besides the values the app's Spanish maps produce, a
 * CRM has its own (`in progress`, `urgent`), which its connection lists as extra values. */
export const CASE_STATUSES = ['open', 'pending', 'closed', 'in progress'] as const;
export const CASE_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
/** The sandbox CRM's values beyond the built-in ones, as its connection in the app lists them. */
export const SANDBOX_EXTRA_STATUSES = ['pending', 'in progress'];
export const SANDBOX_EXTRA_PRIORITIES = ['urgent'];

/** Record fields of the Manager's add_record API (all strings). */
export const CAMPAIGN_RECORD_FIELDS: readonly string[] = [
  'customer_name',
  'customer_last_name',
  'id_type',
  'customer_id',
  'age',
  'gender',
  'country',
  'state',
  'city',
  'zone',
  'address',
  ...Array.from({ length: 12 }, (_, i) => `opt${i + 1}`),
  ...Array.from({ length: 10 }, (_, i) => `tel${i + 1}`),
  'tel_extra',
  'email',
  'recall_date',
  'recall_telephone',
];
