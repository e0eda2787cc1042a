import type { Delimiter } from '../../../shared/contract';
import { createCsvParser } from './csv-parser';
import type { Newline } from './newline';

/** Ties go to the one least likely to appear inside text: a tab almost never does, a comma often
 * does (addresses, decimal commas); `;` is what Excel writes in Spanish locales. */
const CANDIDATES: readonly Delimiter[] = ['\t', ';', '|', ','];
const SNIFF_RECORDS = 100;

/** The delimiter an Excel `sep=;` first line declares, if the text starts with one. */
export function separatorLine(text: string): Delimiter | null {
  const match = /^sep=(.)\r?(\n|\r|$)/i.exec(text);
  const declared = match?.[1];
  return CANDIDATES.find((d) => d === declared) ?? null;
}

/**
 * The candidate that splits the sample's records (quotes respected) into the most consistent
 * number of fields, at least two. Consistency rather than frequency is what keeps decimal commas
 * (`1,5`) in a `;` file from winning: the header and text rows have no commas.
 */
export function sniffDelimiter(sample: string, newline: Newline, isWholeFile: boolean): Delimiter {
  let best: Delimiter = ',';
  let bestShare = 0;
  let bestWidth = 0;
  for (const delimiter of CANDIDATES) {
    const { rows } = createCsvParser(delimiter, newline, SNIFF_RECORDS)(sample, isWholeFile);
    const widths = new Map<number, number>();
    let records = 0;
    for (const row of rows) {
      if (row.length === 1 && row[0]!.trim() === '') continue;
      records++;
      widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
    }
    let width = 0;
    let count = 0;
    for (const [w, n] of widths) {
      if (n > count || (n === count && w > width)) {
        width = w;
        count = n;
      }
    }
    if (width < 2) continue;
    const share = count / records;
    if (share > bestShare || (share === bestShare && width > bestWidth)) {
      best = delimiter;
      bestShare = share;
      bestWidth = width;
    }
  }
  return best;
}
