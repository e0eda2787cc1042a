import type { Connection, ConnectionField } from './contract';
import { targetSpec } from './targets/catalog';

/** The fields the connection's target requires (its catalog says which) that the connection leaves empty. */
export function missingConnectionFields(connection: Connection): ConnectionField[] {
  return targetSpec(connection.target).connectionFields.filter(
    (field) => !connection[field]?.toString().trim(),
  );
}
