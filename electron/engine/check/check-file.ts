import type { CheckResult, Connection, FileInfo } from '../../../shared/contract';
import { compileMapping } from '../../../shared/mapping/compile-mapping';
import { effectiveTemplate } from '../../../shared/mapping/effective-template';
import { targetSpec } from '../../../shared/targets/catalog';
import type { Template } from '../../../shared/template';
import { checkRow } from '../../../shared/validation/check-row';
import { CheckTally, quotaDaysNeeded, requestsNeeded } from '../../../shared/validation/check-summary';
import { targetAdapter } from '../crm/targets';
import { readRows } from '../files/read-rows';
import { extraRequestsToFindOne } from '../jobs/batch-bisection';
import type { LedgerFile } from '../ledger/destination-ledger';
import { AlreadySentTally } from './already-sent';
import { mappingWithServerLists, type ServerListsReading } from './server-lists';

/** Every row through mapping and validation, nothing sent: counts, first examples, the
 * requests and quota days a run would need. Progress is reported as rows go by. */
export async function checkFile(input: {
  info: FileInfo;
  template: Template;
  connection: Connection | null;
  remainingQuota: number | null;
  dailyBudget: number | null;
  /** The ledger of the destination a run would send to, and that run's connection (the rows
   * are mapped as it maps them), to tell which rows the destination already accepted. */
  alreadySent?: { ledger: LedgerFile; connection: Connection } | null;
  onProgress?: (rows: number) => void;
  signal?: AbortSignal;
  /** Thalamus: the lists every row's category, type and status must be in. */
  serverLists?: ServerListsReading | null;
}): Promise<CheckResult> {
  const { info, connection } = input;
  const template = connection ? effectiveTemplate(input.template, connection) : input.template;
  const mapping = mappingWithServerLists(compileMapping(template, info.columns), input.serverLists, template);
  const tally = new CheckTally();
  const alreadySent = input.alreadySent
    ? new AlreadySentTally(
        input.alreadySent.ledger,
        input.template,
        input.alreadySent.connection,
        info.columns,
      )
    : null;
  for await (const batch of readRows(info, input.signal ? { signal: input.signal } : {})) {
    for (const row of batch) {
      tally.addRow(checkRow(mapping, row));
      alreadySent?.addRow(row);
    }
    input.onProgress?.(tally.rows);
  }
  const quota =
    input.remainingQuota !== null && input.dailyBudget !== null
      ? { remainingToday: input.remainingQuota, dailyLimit: input.dailyBudget }
      : null;
  const { maxBatch } = targetSpec(template.target);
  const result = tally.result({ mappingProblems: mapping.mappingProblems, maxBatch, quota });
  // A run skips the rows the destination already accepted: they cost no request.
  const skipped = alreadySent?.result();
  const toSend = result.validRows - (skipped?.alreadySent ?? 0);
  const requests = requestsNeeded(toSend, maxBatch);
  const search = targetAdapter(template.target).bisectsRefusals
    ? extraRequestsToFindOne(Math.min(toSend, maxBatch))
    : 0;
  return {
    ...result,
    ...skipped,
    requests,
    quotaDays: quotaDaysNeeded(requests, quota),
    ...(search > 0 ? { refusedBatchSearch: search } : {}),
  };
}
