/**
 * Types a template may declare for fields the CRM types itself: Thalamus `caseData` (text,
 * boolean, number, decimal, date) and wolkvox CRM module fields (address, search, relationship,
 * table). A leaf module, so the template's schema can name them without importing the transforms.
 */
export const DECLARED_TYPES = [
  'text',
  'boolean',
  'number',
  'decimal',
  'date',
  'address',
  'search',
  'relationship',
  'table',
] as const;
export type DeclaredType = (typeof DECLARED_TYPES)[number];
