import type { FailureClass, JobStatus, ProblemCode, RowOutcome } from '../../shared/contract';
import type { Lang } from '../../shared/lang';
import { en } from '../i18n/en';
import { es } from '../i18n/es';

/**
 * Names of the engine's enumerations. Looked up by string so a kind added to the engine before
 * the UI knows it shows as its code instead of breaking the screen.
 */
function texts(lang: Lang) {
  return lang === 'es' ? es : en;
}

function lookup(table: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(table, key) ? (table[key] ?? key) : key;
}

export function problemLabel(lang: Lang, code: ProblemCode): string {
  return lookup(texts(lang).problems, code);
}

export function failureClassLabel(lang: Lang, failureClass: FailureClass | 'validation'): string {
  return lookup(texts(lang).failureClasses, failureClass);
}

export function outcomeLabel(lang: Lang, outcome: RowOutcome): string {
  return lookup(texts(lang).outcomes, outcome);
}

export function statusLabel(lang: Lang, status: JobStatus): string {
  return lookup(texts(lang).statuses, status);
}
