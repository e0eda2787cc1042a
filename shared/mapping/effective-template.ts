import type { Connection } from '../contract';
import type { Template } from '../template';

/** Values the connection gives every row (the CRM operation, the module) join the template's
 * constants, so mapping and validation see exactly what will be sent. */
export function effectiveTemplate(template: Template, connection: Connection): Template {
  const constants = { ...template.constants };
  if (
    (connection.target === 'wolkvox-crm-cases' || connection.target === 'wolkvox-crm-records') &&
    connection.operation
  ) {
    constants.operation ??= connection.operation;
  }
  return { ...template, constants };
}
