import { neutralizeCell } from './neutralize-cell';
import { PartialFile } from './partial-file';
import type { SheetCell, SheetWriter } from './sheet-writer';

/** Excel in Spanish (and most European) locales splits CSV on `;`, because `,` is their decimal
 * separator: with `,` a report opens as one column there. */
export const DEFAULT_REPORT_DELIMITER = ';';

/** The BOM is how Excel knows a CSV is UTF-8; without it `ñ` and `á` open as `Ã±` and `Ã¡`. */
const UTF8_BOM = '\uFEFF';

/** Writes reach the file in chunks of about this many characters, not one call per row. */
const CHUNK_CHARS = 64 * 1024;

export function assertDelimiter(delimiter: string): void {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new RangeError(
      `A CSV delimiter is one character other than a quote or a line break, not ${JSON.stringify(delimiter)}`,
    );
  }
}

/** One CSV record ending in CRLF: cells neutralised against formulas, then quoted as RFC 4180
 * says when they hold a quote, the delimiter, CR or LF (quotes inside doubled). */
export function csvLine(cells: readonly string[], delimiter: string): string {
  assertDelimiter(delimiter);
  return `${cells.map((cell) => quoteCell(neutralizeCell(cell), delimiter)).join(delimiter)}\r\n`;
}

function quoteCell(cell: string, delimiter: string): string {
  const needsQuotes =
    cell.includes('"') || cell.includes(delimiter) || cell.includes('\r') || cell.includes('\n');
  return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A CSV file (UTF-8 with BOM, CRLF) written as rows arrive, honouring the disk's backpressure. */
export function openCsvSheet(options: {
  path: string;
  header: readonly string[];
  delimiter: string;
}): SheetWriter {
  const { delimiter } = options;
  assertDelimiter(delimiter);
  const file = new PartialFile(options.path);
  let pending = UTF8_BOM + csvLine(options.header, delimiter);

  return {
    async addRow(cells: readonly SheetCell[]): Promise<void> {
      pending += csvLine(
        cells.map((cell) => (typeof cell === 'object' ? cell.iso : String(cell))),
        delimiter,
      );
      if (pending.length >= CHUNK_CHARS) {
        const chunk = pending;
        pending = '';
        await file.write(chunk);
      }
    },
    async finish(): Promise<void> {
      await file.write(pending);
      pending = '';
      await file.publish();
    },
    discard: () => file.discard(),
  };
}
