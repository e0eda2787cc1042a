import type { ResultFilter } from '../../../shared/contract';
import { LANGS, type Lang } from '../../../shared/lang';
import { formatMessage, isMessageCode } from '../../../shared/messages/catalog';
import { readSheetDate, sheetCellMessage, sheetCellText } from '../../../shared/sheet-cell-text';
import type { SourceRow } from '../files/source-row';
import { filteredIndices } from './job-results';
import type { JobSpec } from './job-spec';
import type { JournalState } from './journal';

/** Between two cells searched as one text: nothing typed holds it, so no match spans two cells. */
const CELL_BREAK = '\u0001';

/** Text as the search compares it: lower case, accents dropped (`maria` finds `María`). */
export function searchFold(text: string): string {
  const lower = text.toLowerCase();
  // Most cells are plain printable ASCII: only the others pay for decomposing.
  return /[^ -~]/.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

/**
 * The rows of Results that match `filter`, in file order, when it searches for text: the text is
 * looked for in every value the row shows — the file's cells (and a workbook's dates as the
 * operator reads them), the operator's fixes, the values its last attempt sent, the explanation
 * in the operator's language, the CRM's code and message, and the CRM id. Rows whose cells the
 * journal does not keep (accepted, skipped, pending) are read from the job's own file in one
 * pass, only when any of them is a candidate; a file changed or gone leaves them searchable by
 * what the journal keeps (CRM id, fixes) alone.
 */
export async function searchRows(
  spec: JobSpec,
  state: JournalState,
  filter: ResultFilter,
  readFile: () => AsyncIterable<readonly SourceRow[]>,
): Promise<number[]> {
  const needle = searchFold(filter.text?.trim() ?? '');
  const candidates = filteredIndices(spec, state, filter);
  if (needle === '') return candidates;
  const langs: readonly Lang[] = filter.lang ? [filter.lang] : LANGS;
  const found = new Set<number>();
  const unread = new Set<number>();

  const textMatches = (text: string | undefined): boolean =>
    text !== undefined && text !== '' && searchFold(text).includes(needle);
  // A row's cells are folded as one text (half the cost of one call per cell), with a workbook's
  // dates also as they are shown (`01/11/2026 14:30`).
  const cellsMatch = (cells: readonly string[] | undefined): boolean => {
    if (!cells || cells.length === 0) return false;
    let text = cells.join(CELL_BREAK);
    if (spec.file.kind === 'xlsx')
      for (const cell of cells)
        if (readSheetDate(cell))
          for (const lang of langs) text += CELL_BREAK + sheetCellText(lang, cell, 'xlsx');
    return textMatches(text);
  };

  for (const index of candidates) {
    const detail = state.details.get(index);
    const fixes = state.fixes.get(index);
    const failure = detail?.failure;
    const explanation = failure?.explanation;
    const matched =
      textMatches(state.crmIds.get(index)) ||
      cellsMatch(fixes && Object.values(fixes)) ||
      cellsMatch(detail?.cells) ||
      cellsMatch(detail?.original) ||
      textMatches(failure?.code) ||
      textMatches(failure?.message) ||
      (explanation !== undefined &&
        isMessageCode(explanation.code) &&
        langs.some((lang) =>
          textMatches(formatMessage(lang, sheetCellMessage(lang, explanation, spec.file.kind))),
        ));
    if (matched) found.add(index);
    else if (!detail?.cells) unread.add(index);
  }

  if (unread.size > 0) {
    const last = Math.max(...unread);
    try {
      for await (const batch of readFile()) {
        for (const row of batch) {
          if (!unread.has(row.index)) continue;
          const fixes = state.fixes.get(row.index);
          // The cells the row shows: the operator's fixes over the file's own.
          const shown = spec.file.columns.map((column, i) => fixes?.[column] ?? row.cells[i] ?? '');
          if (cellsMatch(shown)) found.add(row.index);
        }
        if ((batch.at(-1)?.index ?? 0) >= last) break;
      }
    } catch {
      // The file is gone or changed: those rows are found by what the journal keeps alone.
    }
  }
  return candidates.filter((index) => found.has(index));
}
