import { posix } from 'node:path';

import { XLSX_MAX_PART_BYTES, XLSX_MAX_SHARED_STRINGS_BYTES } from './file-limits';
import { parseXmlEntry } from './xlsx-xml';
import { checkPartSize, partLimit } from './xlsx-zip';
import type { ZipEntry } from './zip-directory';

export interface WorkbookSheet {
  name: string;
  visible: boolean;
  /** The sheet's XML part; null when the workbook names a sheet it does not hold. */
  entry: ZipEntry | null;
}

export interface Workbook {
  sheets: WorkbookSheet[];
  date1904: boolean;
  /** Number format code of each cell style (a cell's `s`), undefined for General. */
  styleFormats: (string | undefined)[];
  sharedStrings: ZipEntry | null;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;

/** Excel's built-in number formats that matter here (dates, times, scientific, zero-padded);
 * the others read as General. */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0',
  11: '0.00E+00',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
};

/**
 * What a workbook holds before any sheet is read: its sheets in tab order and where each one
 * is, the date system, the cells' number formats and where the shared strings are. Null when
 * the zip holds no workbook. Every part read here is size-checked first.
 */
export async function readWorkbook(
  path: string,
  fileSize: number,
  entries: readonly ZipEntry[],
): Promise<Workbook | null> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const limit = partLimit(fileSize, XLSX_MAX_PART_BYTES);
  const part = (name: string): ZipEntry | undefined => {
    const entry = byName.get(name);
    if (entry) checkPartSize(entry, limit);
    return entry;
  };
  const rootRels = await relationships(path, part('_rels/.rels'), '');
  const workbookPath = rootRels.find((r) => OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
  const workbookEntry = part(workbookPath);
  if (!workbookEntry) return null;
  const dir = posix.dirname(workbookPath);
  const rels = await relationships(
    path,
    part(posix.join(dir, '_rels', `${posix.basename(workbookPath)}.rels`)),
    dir,
  );
  const targets = new Map(rels.map((r) => [r.id, r.target]));

  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  await parseXmlEntry(path, workbookEntry, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name !== 'sheet') return;
      const id = attributes['r:id'] ?? Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1];
      const target = id === undefined ? undefined : targets.get(id);
      sheets.push({
        name: attributes.name ?? '',
        visible: attributes.state === undefined || attributes.state === 'visible',
        // Sheets are size-checked when read, against their own cap.
        entry: target === undefined ? null : (byName.get(target) ?? null),
      });
    },
  });

  const stylesPath = rels.find((r) => STYLES.test(r.type))?.target ?? posix.join(dir, 'styles.xml');
  const styleFormats = await readStyleFormats(path, part(stylesPath));
  const stringsPath =
    rels.find((r) => SHARED_STRINGS.test(r.type))?.target ?? posix.join(dir, 'sharedStrings.xml');
  const sharedStrings = byName.get(stringsPath) ?? null;
  if (sharedStrings) checkPartSize(sharedStrings, partLimit(fileSize, XLSX_MAX_SHARED_STRINGS_BYTES));
  return { sheets, date1904, styleFormats, sharedStrings };
}

interface Relationship {
  id: string;
  type: string;
  /** Zip entry name the target resolves to. */
  target: string;
}

async function relationships(
  path: string,
  entry: ZipEntry | undefined,
  dir: string,
): Promise<Relationship[]> {
  if (!entry) return [];
  const found: Relationship[] = [];
  await parseXmlEntry(path, entry, {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
      const target = attributes.Target ?? '';
      found.push({
        id: attributes.Id ?? '',
        type: attributes.Type ?? '',
        target: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target)),
      });
    },
  });
  return found;
}

async function readStyleFormats(path: string, entry: ZipEntry | undefined): Promise<(string | undefined)[]> {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const formats: (string | undefined)[] = [];
  let inCellXfs = false;
  await parseXmlEntry(path, entry, {
    open(name, attributes) {
      if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        formats.push(custom.get(id) ?? BUILT_IN_FORMATS[id]);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return formats;
}

/** The last shared strings read, while the garbage collector has not taken them: opening a
 * workbook and then reading its rows would otherwise parse (and hold) them twice. */
let lastStrings: { key: string; strings: WeakRef<string[]> } | null = null;

/** Every shared string, in order: the text of its runs, phonetic guides (`rPh`) left out.
 * `version` tells one state of the file from another (its size and modification time). */
export async function readSharedStrings(
  path: string,
  entry: ZipEntry | null,
  version: string,
): Promise<string[]> {
  if (!entry) return [];
  const key = `${path}\0${version}\0${entry.headerOffset}:${entry.compressedSize}`;
  const cached = lastStrings?.key === key ? lastStrings.strings.deref() : undefined;
  if (cached) return cached;
  const strings = await parseSharedStrings(path, entry);
  lastStrings = { key, strings: new WeakRef(strings) };
  return strings;
}

async function parseSharedStrings(path: string, entry: ZipEntry): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  await parseXmlEntry(path, entry, {
    open(name) {
      if (name === 't') inText = phonetic === 0;
      else if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
    },
    text(text) {
      if (inText) current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'si') strings.push(current);
      else if (name === 'rPh') phonetic--;
    },
  });
  return strings;
}
