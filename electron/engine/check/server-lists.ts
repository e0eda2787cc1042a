import type { ServerLists } from '../../../shared/contract';
import { isCargaError } from '../../../shared/errors/carga-error';
import type { Lang } from '../../../shared/lang';
import type { CompiledMapping } from '../../../shared/mapping/mapped-record';
import { formatMessage, msg } from '../../../shared/messages/catalog';
import type { Template } from '../../../shared/template';
import { withServerListCheck } from '../../../shared/validation/server-list-check';

/** What a check learnt of the server's lists: the lists, or why it could not read them. */
export type ServerListsReading =
  { kind: 'read'; lists: ServerLists } | { kind: 'unavailable'; reason: string };

/** Reads the lists for a check. A server that cannot be asked does not stop the check: its rows
 * are checked without the lists, and the check says so. */
export async function readListsForCheck(
  read: () => Promise<ServerLists>,
  lang: Lang,
): Promise<ServerListsReading> {
  try {
    return { kind: 'read', lists: await read() };
  } catch (error) {
    const reason = isCargaError(error)
      ? formatMessage(lang, error.detail)
      : error instanceof Error
        ? error.message
        : String(error);
    return { kind: 'unavailable', reason };
  }
}

/** The check's mapping with the lists applied to every row, or with a warning that they were not. */
export function mappingWithServerLists(
  mapping: CompiledMapping,
  reading: ServerListsReading | null | undefined,
  template: Template,
): CompiledMapping {
  if (!reading) return mapping;
  if (reading.kind === 'read') return withServerListCheck(mapping, reading.lists, template);
  return {
    ...mapping,
    mappingProblems: [...mapping.mappingProblems, msg('lists.unavailable', { detail: reading.reason })],
  };
}
