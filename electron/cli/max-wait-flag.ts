import { CargaError } from '../../shared/errors/carga-error';
import { msg } from '../../shared/messages/catalog';

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000 };

/** `--max-wait 40s`, `5m`, `1h` or plain seconds: how long a job waits for a CRM that is down. */
export function maxWaitOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$/i.exec(value);
  const unit = UNIT_MS[(match?.[2] ?? '').toLowerCase()];
  if (!match?.[1] || unit === undefined)
    throw new CargaError(msg('cli.bad-choice', { option: '--max-wait', value, allowed: '40s, 5m, 1h' }));
  return Math.round(Number(match[1]) * unit);
}
