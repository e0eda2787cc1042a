import type { Connection, FileInfo, RequestPreview } from '../../../shared/contract';
import { compileMapping } from '../../../shared/mapping/compile-mapping';
import { effectiveTemplate } from '../../../shared/mapping/effective-template';
import type { MappedRecord } from '../../../shared/mapping/mapped-record';
import type { Template } from '../../../shared/template';
import { describeRequest } from '../crm/describe-request';
import { targetAdapter } from '../crm/targets';
import { readRows } from '../files/read-rows';

/** Stands in for the token in previews: the real one never leaves the engine for display. */
const MASKED_TOKEN = '••••••••';
/** A preview looks this far into the file for its first valid rows before giving up. */
const ROWS_SCANNED = 1_000;

/** What the first valid rows will look like on the wire, built by the target's own builder. */
export async function previewRequests(input: {
  info: FileInfo;
  template: Template;
  connection: Connection;
  origin: string;
  rows: number;
}): Promise<RequestPreview[]> {
  const { info, connection } = input;
  const mapping = compileMapping(effectiveTemplate(input.template, connection), info.columns);
  const adapter = targetAdapter(connection.target);
  const picked: { row: number; record: MappedRecord }[] = [];
  let scanned = 0;
  for await (const batch of readRows(info)) {
    for (const source of batch) {
      if (++scanned > ROWS_SCANNED || picked.length >= input.rows) break;
      const mapped = mapping.mapRow(source.cells, source.index, source.row);
      if (mapped.problems.length === 0 && !source.ragged)
        picked.push({ row: source.row, record: mapped.record });
    }
    if (scanned > ROWS_SCANNED || picked.length >= input.rows) break;
  }
  const conn = { connection, origin: input.origin, token: MASKED_TOKEN };
  const groups: (typeof picked)[] = adapter.maxBatch > 1 ? [picked] : picked.map((p) => [p]);
  return groups
    .filter((group) => group.length > 0)
    .map((group) => {
      const described = describeRequest(
        adapter.buildRequest(
          conn,
          group.map((p) => p.record),
        ),
      );
      return {
        rows: group.map((p) => p.row),
        method: described.method,
        url: described.url,
        body: described.body,
      };
    });
}
