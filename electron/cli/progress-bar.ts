import type { JobProgress, Lang } from '../../shared/contract';

const WIDTH = 30;

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

/** One terminal line, redrawn in place: bar, counts, rate, time left, quota left. */
export function progressLine(p: JobProgress, lang: Lang): string {
  const done = p.ok + p.failed + p.uncertain + p.skipped;
  const ratio = p.total > 0 ? Math.min(1, done / p.total) : 0;
  const filled = Math.round(ratio * WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
  const es = lang === 'es';
  const parts = [
    `${bar} ${(ratio * 100).toFixed(0).padStart(3)}%`,
    `${done}/${p.total}`,
    `ok ${p.ok}`,
    `${es ? 'fallidas' : 'failed'} ${p.failed}`,
    ...(p.uncertain ? [`${es ? 'inciertas' : 'uncertain'} ${p.uncertain}`] : []),
    `${p.rate.toFixed(1)} ${es ? 'filas/s' : 'rows/s'}`,
    ...(p.etaSeconds !== null ? [`${es ? 'faltan' : 'left'} ${duration(p.etaSeconds)}`] : []),
    ...(p.quotaLeft !== null ? [`${es ? 'cuota' : 'quota'} ${p.quotaLeft}`] : []),
  ];
  return parts.join(' · ');
}
