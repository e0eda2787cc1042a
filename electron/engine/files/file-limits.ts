/** How much of a file `openFile` reads to sniff its encoding, delimiter and header. */
export const HEAD_BYTES = 64 * 1024;

/** Bytes per read while streaming a zip entry (an XLSX sheet or its shared strings). */
export const STREAM_CHUNK_BYTES = 64 * 1024;

/** Bytes per read while streaming a CSV's rows. Measured fastest and leanest: each chunk's text
 * stays in V8's young generation. 32 KiB decode to at most 32 Ki characters, under 128 KB even at
 * two bytes a character (any “ or € in the chunk makes it so); a longer string goes to large-object
 * space, mapped and unmapped on its own and freed only by full GCs (at 64 KiB every chunk of
 * Windows-1252 text went there: 5× the page faults, a third more CPU time). */
export const CSV_CHUNK_BYTES = 32 * 1024;

/** A record (one row, with its quoted newlines) larger than this is refused: no CRM field takes
 * it, and without a cap a stray quote would make the reader buffer the rest of the file. */
export const MAX_RECORD_CHARS = 1024 * 1024;
export const MAX_RECORD_LABEL = '1 MB';

/** Rows looked at when searching for the header below title lines. */
export const HEADER_SCAN_ROWS = 30;

/** Data rows `openFile` returns as a preview. */
export const PREVIEW_ROWS = 20;

/**
 * What a part of an .xlsx may inflate to. A workbook is a zip: a few megabytes can unpack to
 * gigabytes (a "zip bomb"). Each part may grow to XLSX_EXPANSION_RATIO times the workbook's size
 * on disk (real sheets compress 5–15×), never less than XLSX_EXPANSION_FLOOR (small workbooks
 * with large style parts) and never more than the part's absolute cap. The shared strings are
 * held in memory while the sheet is read, so their cap is the smallest.
 */
export const XLSX_EXPANSION_RATIO = 40;
export const XLSX_EXPANSION_FLOOR = 64 * 1024 * 1024;
export const XLSX_MAX_SHEET_BYTES = 2 * 1024 * 1024 * 1024;
export const XLSX_MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;
export const XLSX_MAX_PART_BYTES = 64 * 1024 * 1024;
