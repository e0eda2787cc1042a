/**
 * The wolkvox CRM modules the sandbox holds for T2 (`custom/insertMany.php`, `custom/insert.php`):
 * each field by the label configured in the CRM (or a system key of the contacts module) and
 * its type. Fields of type address, search, relationship and table take an object
 * `{"type": …, "value": …}`; the others take text.
 */

export const MODULE_FIELD_TYPES = ['text', 'address', 'search', 'relationship', 'table'] as const;
export type ModuleFieldType = (typeof MODULE_FIELD_TYPES)[number];

/** Types whose value is an object `{"type", "value"}` on the wire. */
export const OBJECT_FIELD_TYPES: ReadonlySet<ModuleFieldType> = new Set([
  'address',
  'search',
  'relationship',
  'table',
]);

export type ModuleFields = Readonly<Record<string, ModuleFieldType>>;

export const SANDBOX_MODULES: Readonly<Record<string, ModuleFields>> = {
  contacts: {
    namecontact: 'text',
    telephonecontact: 'text',
    idcontact: 'text',
    emailcontact: 'text',
    'Tipo Cliente': 'text',
    Ciudad: 'text',
    Dirección: 'address',
    Asesor: 'search',
  },
  ventas: {
    'Número de venta': 'text',
    Cliente: 'relationship',
    Productos: 'table',
    Asesor: 'search',
    'Dirección de entrega': 'address',
  },
};
