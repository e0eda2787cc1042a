import type { JobProgress, Lang } from '../../shared/contract';
import { formatMessage, msg, type MessageCode } from '../../shared/messages/catalog';

const WIDTH = 30;

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600)
    return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

/** One terminal line, redrawn in place: bar, counts, rate, time left, quota left. */
export function progressLine(progress: JobProgress, lang: Lang): string {
  const text = (code: MessageCode, params: Record<string, string | number>) =>
    formatMessage(lang, msg(code, params));
  const done = progress.ok + progress.failed + progress.uncertain + progress.skipped;
  const ratio = progress.counting ? 0 : progress.total > 0 ? Math.min(1, done / progress.total) : 0;
  const filled = Math.round(ratio * WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
  const parts = [
    ...(progress.counting
      ? [`${bar}    `, text('cli.progress.counting', { done })]
      : [`${bar} ${(ratio * 100).toFixed(0).padStart(3)}%`, `${done}/${progress.total}`]),
    `ok ${progress.ok}`,
    text('cli.progress.failed', { count: progress.failed }),
    ...(progress.uncertain ? [text('cli.progress.uncertain', { count: progress.uncertain })] : []),
    text('cli.progress.rate', { rate: progress.rate.toFixed(1) }),
    ...(progress.etaSeconds !== null
      ? [text('cli.progress.left', { duration: duration(progress.etaSeconds) })]
      : []),
    ...(progress.quotaLeft !== null ? [text('cli.progress.quota', { count: progress.quotaLeft })] : []),
  ];
  return parts.join(' · ');
}
