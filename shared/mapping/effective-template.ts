import type { Connection } from '../contract';
import { targetSpec } from '../targets/catalog';
import type { Template } from '../template';

/** A template as mapping sees it for one connection: what the connection adds besides the
 * constants (the values its CRM has beyond a system field's built-in ones, by field key). */
export type EffectiveTemplate = Template & {
  extraSystemValues?: Readonly<Record<string, readonly string[]>>;
};

/** Values the connection gives every row (the CRM operation, the module) join the template's
 * constants, and the CRM's own statuses and priorities join the values a field accepts, so
 * mapping and validation see exactly what will be sent and what the CRM takes. */
export function effectiveTemplate(template: Template, connection: Connection): EffectiveTemplate {
  const constants = { ...template.constants };
  if (
    (connection.target === 'wolkvox-crm-cases' || connection.target === 'wolkvox-crm-records') &&
    connection.operation
  ) {
    constants.operation ??= connection.operation;
  }
  const extraSystemValues = extraValuesByField(connection);
  return extraSystemValues ? { ...template, constants, extraSystemValues } : { ...template, constants };
}

/** The connection's extra values of each field its target lets a connection extend, or
 * undefined when it adds none. */
export function extraValuesByField(connection: Connection): Record<string, readonly string[]> | undefined {
  const extras: Record<string, readonly string[]> = {};
  for (const field of targetSpec(connection.target).fields) {
    const values = field.extendedBy ? connection[field.extendedBy] : undefined;
    if (values && values.length > 0) extras[field.key] = values;
  }
  return Object.keys(extras).length > 0 ? extras : undefined;
}
