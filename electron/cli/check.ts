import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CheckResult, Connection, FileInfo, FileOptions, Lang, Message, RowProblem } from '../../shared/contract';
import { CargaError, isCargaError } from '../../shared/errors/carga-error';
import { langFromLocale } from '../../shared/lang';
import { formatMessage, msg } from '../../shared/messages/catalog';
import { BLOCKING_MAPPING_PROBLEMS, compileMapping } from '../../shared/mapping/compile-mapping';
import { targetSpec } from '../../shared/targets/catalog';
import { TARGET_IDS } from '../../shared/targets/target-ids';
import type { Template } from '../../shared/template';
import { checkRow } from '../../shared/validation/check-row';
import { CheckTally } from '../../shared/validation/check-summary';
import { AlreadySentTally } from '../engine/check/already-sent';
import { openFile } from '../engine/files/open-file';
import { readRows } from '../engine/files/read-rows';
import { effectiveTemplate } from '../engine/jobs/effective-template';
import { JobStore } from '../engine/jobs/job-store';
import { LedgerBook } from '../engine/ledger/ledger-book';
import { dataDirOf, jobsDirOf } from './cli-paths';
import { connectionFor } from './import';
import { langFromArgs } from './cli-lang';
import { reportingErrors } from './cli-errors';
import { EXIT, type Command } from './command';
import { fileOptionsFromFlags, FILE_FLAGS } from './file-flags';
import { templateFromFlags, TEMPLATE_FLAGS } from './template-flags';

/** A check sends nothing: what the template remembers of its connection stands in for one, so
 * connection-given fields (T1's operation) count as provided exactly as they will in a run. */
function rememberedConnection(template: Template): Connection {
  return { id: 'cli', name: 'cli', target: template.target, server: template.connection.server ?? '', ...template.connection };
}

/** Failures of the file itself (as opposed to a bug here) become the operator's message. */
async function readingFile<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isCargaError(error)) throw error;
    throw new CargaError(msg('check.file-unreadable', { path, reason: error instanceof Error ? error.message : String(error) }));
  }
}

/** Streams every row through the mapping, holding only counters and a few examples. */
async function checkRows(
  path: string,
  options: FileOptions,
  template: Template,
  destination: { connection: Connection; book: LedgerBook } | null,
): Promise<{ info: FileInfo; result: CheckResult }> {
  const info = await readingFile(path, () => openFile(path, options));
  const mapping = compileMapping(effectiveTemplate(template, rememberedConnection(template)), info.columns);
  const tally = new CheckTally();
  const ledger = destination ? await destination.book.forConnection(destination.connection) : null;
  const alreadySent = ledger && destination ? new AlreadySentTally(ledger, template, destination.connection, info.columns) : null;
  const batches = readRows(info)[Symbol.asyncIterator]();
  for (;;) {
    const next = await readingFile(path, () => batches.next());
    if (next.done) break;
    for (const row of next.value) {
      tally.addRow(checkRow(mapping, row));
      alreadySent?.addRow(row);
    }
  }
  const result = tally.result({ mappingProblems: mapping.mappingProblems, maxBatch: targetSpec(template.target).maxBatch });
  return { info, result: alreadySent ? { ...result, ...alreadySent.result() } : result };
}

function renderText(info: FileInfo, template: Template, result: CheckResult, lang: Lang): string {
  const text = (message: Message) => formatMessage(lang, message);
  const number = new Intl.NumberFormat(lang === 'es' ? 'es-CO' : 'en-US');
  const spec = targetSpec(template.target);
  const lines = [text(msg('check.heading', { file: info.name, target: spec.name[lang] })), ''];

  if (result.mappingProblems.length > 0) {
    lines.push(text(msg('check.mapping-heading')));
    for (const problem of result.mappingProblems) lines.push(`  ${BLOCKING_MAPPING_PROBLEMS.has(problem.code) ? '✗' : '!'} ${text(problem)}`);
    if (result.mappingProblems.some((p) => BLOCKING_MAPPING_PROBLEMS.has(p.code))) lines.push(`  ${text(msg('check.mapping-blocks'))}`);
    lines.push('');
  }

  lines.push(
    text(msg('check.rows', { total: number.format(result.totalRows), valid: number.format(result.validRows), invalid: number.format(result.invalidRows) })),
  );
  const kinds = Object.entries(result.problemCounts);
  if (kinds.length > 0) {
    lines.push('', text(msg('check.problems-heading')));
    for (const [code, count] of kinds) {
      const examples = result.examples.filter((p) => p.code === code);
      lines.push(`  ${text(msg('check.problem-kind', { title: text(msg(`check.kind.${code as RowProblem['code']}`)), count: number.format(count) }))}`);
      for (const example of examples) lines.push(`    ${text(example.message)}`);
      if (count > examples.length) lines.push(`    ${text(msg('check.more-examples', { count: number.format(count - examples.length) }))}`);
    }
  } else if (result.totalRows > 0) {
    lines.push(text(msg('check.all-good')));
  }
  lines.push('', text(msg('check.requests', { requests: number.format(result.requests), perRequest: number.format(spec.maxBatch) })));
  const day = new Intl.DateTimeFormat(lang === 'es' ? 'es-CO' : 'en-US', { dateStyle: 'medium' });
  for (const earlier of result.alreadySentFrom ?? []) {
    lines.push(text(msg('ledger.already-sent', { count: number.format(earlier.rows), date: day.format(new Date(earlier.at)), jobId: earlier.jobId })));
  }
  if (result.alreadySent) lines.push(`  ${text(msg('ledger.send-again-hint'))}`);
  return lines.join('\n') + '\n';
}

function renderJson(result: CheckResult, lang: Lang): string {
  const summary = {
    totalRows: result.totalRows,
    validRows: result.validRows,
    invalidRows: result.invalidRows,
    problemCounts: result.problemCounts,
    examples: result.examples.map((problem) => ({ ...problem, text: formatMessage(lang, problem.message) })),
    mappingProblems: result.mappingProblems.map((problem) => ({ ...problem, text: formatMessage(lang, problem) })),
    requests: result.requests,
    alreadySent: result.alreadySent ?? 0,
    alreadySentFrom: result.alreadySentFrom ?? [],
  };
  return JSON.stringify(summary) + '\n';
}

/**
 * `carga check FILE --template T.json [--json] [--lang es|en]`, or the mapping given by flags
 * (`--target`, `--map "Column=field"`, `--set field=value`), with the file overrides `--sheet`,
 * `--encoding`, `--delimiter`, `--header-row`. Validates every row without sending anything.
 * Exit 0 when every row can be sent, 1 when some cannot or the mapping blocks a run, 2 on a
 * usage error or an unreadable file or template.
 */
export const check: Command = async (args, io) => {
  const lang = langFromArgs(args) ?? langFromLocale(io.env.LANG);
  return reportingErrors(io, lang, async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...FILE_FLAGS,
        ...TEMPLATE_FLAGS,
        json: { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        // The destination an import would send to, to count the rows it already accepted.
        server: { type: 'string' },
        operation: { type: 'string' },
        'campaign-id': { type: 'string' },
        'campaign-type': { type: 'string' },
        'jobs-dir': { type: 'string' },
      },
    });
    if (values.help) {
      io.stdout(formatMessage(lang, msg('check.usage', { targets: TARGET_IDS.join(', ') })) + '\n');
      return EXIT.ok;
    }
    const [file, extra] = positionals;
    if (file === undefined) throw new CargaError(msg('check.missing-file'));
    if (extra !== undefined) throw new CargaError(msg('check.extra-argument', { value: extra }));

    const template = templateFromFlags(io.cwd, values);
    const options: FileOptions = { ...template.file, ...fileOptionsFromFlags(values) };
    const jobsDir = jobsDirOf(io, values['jobs-dir']);
    // Without a jobs folder nothing was ever sent from here: a check creates no files.
    const destination = existsSync(jobsDir)
      ? { connection: connectionFor(template, values), book: new LedgerBook(join(dataDirOf(io), 'ledger'), new JobStore(jobsDir)) }
      : null;
    const { info, result } = await checkRows(resolve(io.cwd, file), options, template, destination).finally(() => destination?.book.close());

    io.stdout(values.json ? renderJson(result, lang) : renderText(info, template, result, lang));
    const blocked = result.mappingProblems.some((p) => BLOCKING_MAPPING_PROBLEMS.has(p.code));
    return result.invalidRows > 0 || blocked ? EXIT.rowsFailed : EXIT.ok;
  });
};
