import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type {
  CheckResult,
  Connection,
  FileInfo,
  FileOptions,
  Lang,
  Message,
  RowProblem,
} from '../../shared/contract';
import { BLOCKING_MAPPING_PROBLEMS } from '../../shared/mapping/compile-mapping';
import { formatMessage, msg } from '../../shared/messages/catalog';
import { sheetCellMessage } from '../../shared/sheet-cell-text';
import { targetSpec } from '../../shared/targets/catalog';
import type { Template } from '../../shared/template';
import { checkFile } from '../engine/check/check-file';
import type { ServerListsReading } from '../engine/check/server-lists';
import { openFile } from '../engine/files/open-file';
import { JobStore } from '../engine/jobs/job-store';
import { LedgerBook } from '../engine/ledger/ledger-book';
import { listsForCliCheck } from './check-lists';
import { connectionFor } from './cli-connection';
import { dataDirOf, jobsDirOf } from './cli-paths';
import { EXIT } from './command';
import { CHECK } from './command-specs';
import { fileOptionsFromFlags } from './file-flags';
import type { FlagValues } from './flags';
import { commandOf, type CommandRun } from './run-command';
import { templateFromFlags, withDeclaredTypes } from './template-flags';

/** A check sends nothing: what the template remembers of its connection stands in for one, so
 * connection-given fields (T1's operation) count as provided exactly as they will in a run; the
 * values the CRM has beyond the built-in ones come from the flags as an import takes them. */
function rememberedConnection(template: Template, flags: FlagValues<typeof CHECK.flags>): Connection {
  const { extraStatuses, extraPriorities } = connectionFor(template, flags);
  return {
    id: 'cli',
    name: 'cli',
    target: template.target,
    server: template.connection.server ?? '',
    ...template.connection,
    ...(extraStatuses ? { extraStatuses } : {}),
    ...(extraPriorities ? { extraPriorities } : {}),
  };
}

/** Every row through the engine's own check, so the CLI and the app can never disagree. */
async function checkRows(
  path: string,
  options: FileOptions,
  template: Template,
  connection: Connection,
  destination: { connection: Connection; book: LedgerBook } | null,
  serverLists: (info: FileInfo) => Promise<ServerListsReading | null>,
): Promise<{ info: FileInfo; result: CheckResult }> {
  const info = await openFile(path, options);
  const alreadySent = destination
    ? {
        ledger: await destination.book.forConnection(destination.connection),
        connection: destination.connection,
      }
    : null;
  const result = await checkFile({
    info,
    template,
    connection,
    remainingQuota: null,
    dailyBudget: null,
    alreadySent,
    serverLists: await serverLists(info),
  });
  return { info, result };
}

function renderText(info: FileInfo, template: Template, result: CheckResult, lang: Lang): string {
  const text = (message: Message) => formatMessage(lang, message);
  const number = new Intl.NumberFormat(lang === 'es' ? 'es-CO' : 'en-US');
  const spec = targetSpec(template.target);
  const lines = [text(msg('check.heading', { file: info.name, target: spec.name[lang] })), ''];

  if (result.mappingProblems.length > 0) {
    lines.push(text(msg('check.mapping-heading')));
    for (const problem of result.mappingProblems)
      lines.push(`  ${BLOCKING_MAPPING_PROBLEMS.has(problem.code) ? '✗' : '!'} ${text(problem)}`);
    if (result.mappingProblems.some((p) => BLOCKING_MAPPING_PROBLEMS.has(p.code)))
      lines.push(`  ${text(msg('check.mapping-blocks'))}`);
    lines.push('');
  }

  lines.push(
    text(
      msg('check.rows', {
        total: number.format(result.totalRows),
        valid: number.format(result.validRows),
        invalid: number.format(result.invalidRows),
      }),
    ),
  );
  const kinds = Object.entries(result.problemCounts);
  if (kinds.length > 0) {
    lines.push('', text(msg('check.problems-heading')));
    for (const [code, count] of kinds) {
      const examples = result.examples.filter((p) => p.code === code);
      lines.push(
        `  ${text(msg('check.problem-kind', { title: text(msg(`check.kind.${code as RowProblem['code']}`)), count: number.format(count) }))}`,
      );
      // A workbook's date quoted as the operator reads it, as the app's Check shows it.
      for (const example of examples)
        lines.push(`    ${text(sheetCellMessage(lang, example.message, info.kind))}`);
      if (count > examples.length)
        lines.push(
          `    ${text(msg('check.more-examples', { count: number.format(count - examples.length) }))}`,
        );
    }
  } else if (result.totalRows > 0) {
    lines.push(text(msg('check.all-good')));
  }
  lines.push(
    '',
    text(
      msg('check.requests', {
        requests: number.format(result.requests),
        perRequest: number.format(spec.maxBatch),
      }),
    ),
  );
  if (result.refusedBatchSearch)
    lines.push(
      text(msg('check.refused-batch-search', { requests: number.format(result.refusedBatchSearch) })),
    );
  const day = new Intl.DateTimeFormat(lang === 'es' ? 'es-CO' : 'en-US', { dateStyle: 'medium' });
  for (const earlier of result.alreadySentFrom ?? []) {
    lines.push(
      text(
        msg('ledger.already-sent', {
          count: number.format(earlier.rows),
          date: day.format(new Date(earlier.at)),
          jobId: earlier.jobId,
        }),
      ),
    );
  }
  if (result.alreadySent) lines.push(`  ${text(msg('ledger.send-again-hint'))}`);
  return lines.join('\n') + '\n';
}

/** Values as the file holds them (a workbook's date in ISO), for programs; each example's `text`
 * reads as the text output says it, a workbook's date as the operator sees it in Excel. */
function renderJson(info: FileInfo, result: CheckResult, lang: Lang): string {
  const summary = {
    totalRows: result.totalRows,
    validRows: result.validRows,
    invalidRows: result.invalidRows,
    problemCounts: result.problemCounts,
    examples: result.examples.map((problem) => ({
      ...problem,
      text: formatMessage(lang, sheetCellMessage(lang, problem.message, info.kind)),
    })),
    mappingProblems: result.mappingProblems.map((problem) => ({
      ...problem,
      text: formatMessage(lang, problem),
    })),
    requests: result.requests,
    refusedBatchSearch: result.refusedBatchSearch ?? 0,
    alreadySent: result.alreadySent ?? 0,
    alreadySentFrom: result.alreadySentFrom ?? [],
  };
  return JSON.stringify(summary) + '\n';
}

/**
 * `carga check FILE`, with the mapping from `--template` or from flags (`--target`, `--map`,
 * `--set`) and the file overrides. Validates every row without sending anything. Exit 0 when
 * every row can be sent, 1 when some cannot or the mapping blocks a run, 2 on a usage error or
 * an unreadable file or template.
 */
export const runCheck: CommandRun<typeof CHECK.flags> = async ({ flags, args: [file], io, lang }) => {
  const template = withDeclaredTypes(templateFromFlags(io.cwd, flags), flags.type ?? []);
  const options: FileOptions = { ...template.file, ...fileOptionsFromFlags(flags) };
  const jobsDir = jobsDirOf(io, flags['jobs-dir']);
  // Without a jobs folder nothing was ever sent from here: a check creates no files.
  const destination = existsSync(jobsDir)
    ? {
        connection: connectionFor(template, flags),
        book: new LedgerBook(join(dataDirOf(io), 'ledger'), new JobStore(jobsDir)),
      }
    : null;
  const connection = rememberedConnection(template, flags);
  const { info, result } = await checkRows(
    resolve(io.cwd, file!),
    options,
    template,
    connection,
    destination,
    (info) => listsForCliCheck({ template, flags, info, io, lang }),
  ).finally(() => destination?.book.close());

  io.stdout(flags.json ? renderJson(info, result, lang) : renderText(info, template, result, lang));
  const blocked = result.mappingProblems.some((p) => BLOCKING_MAPPING_PROBLEMS.has(p.code));
  return result.invalidRows > 0 || blocked ? EXIT.rowsFailed : EXIT.ok;
};

export const check = commandOf(CHECK, () => runCheck);
