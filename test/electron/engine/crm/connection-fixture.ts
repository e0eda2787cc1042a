import type { ResolvedConnection } from '../../../../electron/engine/crm/target-adapter';
import type { Connection } from '../../../../shared/contract';
import type { MappedRecord } from '../../../../shared/mapping/mapped-record';

export const TOKEN = 'tok-9f8e7d6c5b4a';

export function resolved(
  connection: Partial<Connection> & Pick<Connection, 'target'>,
  origin = 'https://crm0000.wolkvox.com',
): ResolvedConnection {
  return { connection: { id: 'c1', name: 'Prueba', server: origin, ...connection }, origin, token: TOKEN };
}

export function record(fields: Record<string, string>, custom: Record<string, string> = {}): MappedRecord {
  return { fields, custom };
}
