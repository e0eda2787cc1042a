import type { FailureClass } from './failure-class';

/** Who refused a row: Carga's own check before sending, the CRM's answer, or the connection
 * (no answer came back: a timeout, a dropped connection, a crash while in flight). */
export type FailureSource = 'check' | 'crm' | 'connection';

/** The CRM's answers carry an HTTP-like status (`404`, `"400"`); network failures carry a
 * system code (`ETIMEDOUT`) or Carga's own (`IN-FLIGHT`). */
export function failureSource(failureClass: FailureClass | 'validation', code: string): FailureSource {
  if (failureClass === 'validation') return 'check';
  return /^\d{3}$/.test(code) ? 'crm' : 'connection';
}
