import { parse } from 'node:path';

import type { Lang, ReportFormat, ReportKind } from '../../../shared/contract';

const KIND_WORDS: Record<ReportKind, Record<Lang, string>> = {
  errors: { es: 'errores', en: 'errors' },
  'failed-rows': { es: 'filas-fallidas', en: 'failed-rows' },
  accepted: { es: 'cargadas', en: 'loaded' },
  summary: { es: 'resumen', en: 'summary' },
};

/** Characters no file system takes in a name (Windows' list, the strictest). */
const UNSAFE = /[<>:"/\\|?*]+/g;

/** A report's file name an operator recognises in Downloads or the job's folder: the imported
 * file's name, what the report holds in their language, and the job:
 * `casos marzo - errores - 20261122-031545-a1b2.csv`. */
export function reportFileName(input: {
  sourceName: string;
  jobId: string;
  kind: ReportKind;
  format: ReportFormat;
  lang: Lang;
}): string {
  const base =
    [...parse(input.sourceName).name]
      // Control characters (a line break in a name) have no place in a file name either.
      .map((char) => (char < ' ' ? ' ' : char))
      .join('')
      .replace(UNSAFE, ' ')
      .trim()
      .slice(0, 80) || 'carga';
  const extension = input.kind === 'summary' ? 'txt' : input.format;
  return `${base} - ${KIND_WORDS[input.kind][input.lang]} - ${input.jobId}.${extension}`;
}
