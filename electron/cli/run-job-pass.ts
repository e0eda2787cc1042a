import type { JobSummary, Lang } from '../../shared/contract';
import { formatMessage } from '../../shared/messages/catalog';
import type { Engine } from '../engine/engine';
import type { CliIO } from './command';
import { exitCodeOf, printSummary } from './job-output';
import { progressLine } from './progress-bar';

/** Follows one pass of a job to its end: a progress line on a terminal, Ctrl-C pauses (the rows
 * not sent stay pending, resumable), then the summary (unless the command prints its own) and
 * the exit code. */
export async function followJobPass(
  engine: Engine,
  started: JobSummary,
  io: CliIO,
  lang: Lang,
  json: boolean,
  print = true,
): Promise<{ code: number; summary: JobSummary }> {
  const showBar = io.isTTY && !json;
  const unsubscribe = engine.onEvent((event) => {
    if (event.type === 'job-notice' && event.jobId === started.jobId)
      io.stderr(formatMessage(lang, event.notice) + '\n');
    if (showBar && event.type === 'job-progress' && event.progress.jobId === started.jobId) {
      io.stderr(`\r${progressLine(event.progress, lang)}\u001b[K`);
    }
  });
  const onSignal = () => void engine.pauseJob({ jobId: started.jobId });
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const summary = await engine.settled(started.jobId);
    if (showBar) io.stderr('\n');
    if (print) printSummary(io, summary, lang, json);
    return { code: exitCodeOf(summary), summary };
  } finally {
    unsubscribe();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
