import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * Writes real .xlsx zips byte by byte, for workbooks no spreadsheet library would write: zip
 * bombs (a part that inflates to gigabytes, built in milliseconds by repeating one fully
 * flushed deflate block), parts whose directory lies about their size, and sheets of a million
 * rows streamed without holding them in memory.
 */
export type ZipPart =
  | { name: string; text: string }
  | { name: string; stored: Buffer }
  /** `head`, then `unit` `times` over, then `tail`: gigabytes from a few kilobytes. */
  | { name: string; head: string; unit: string; times: number; tail: string; declaredSize?: number }
  /** Streamed: each string yielded is deflated as it comes. */
  | { name: string; chunks: () => Iterable<string> };

interface Written {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export async function writeZip(path: string, parts: readonly ZipPart[]): Promise<void> {
  const fd = openSync(path, 'w');
  let offset = 0;
  const write = (bytes: Buffer): void => {
    writeSync(fd, bytes);
    offset += bytes.length;
  };
  const written: Written[] = [];
  try {
    for (const part of parts) {
      const body = await compress(part);
      const entry: Written = { name: part.name, ...body.header, offset };
      write(localHeader(entry));
      for (const piece of body.data) write(piece);
      written.push(entry);
    }
    const directoryOffset = offset;
    for (const entry of written) write(directoryHeader(entry));
    write(endRecord(written.length, offset - directoryOffset, directoryOffset));
  } finally {
    closeSync(fd);
  }
}

async function compress(
  part: ZipPart,
): Promise<{ header: Omit<Written, 'name' | 'offset'>; data: Buffer[] }> {
  if ('text' in part) {
    const raw = Buffer.from(part.text);
    const data = deflateRawSync(raw);
    return {
      header: { method: 8, crc: crc32(raw), compressedSize: data.length, size: raw.length },
      data: [data],
    };
  }
  if ('stored' in part) {
    return {
      header: {
        method: 0,
        crc: crc32(part.stored),
        compressedSize: part.stored.length,
        size: part.stored.length,
      },
      data: [part.stored],
    };
  }
  if ('unit' in part) {
    const head = Buffer.from(part.head);
    const unit = Buffer.from(part.unit);
    const tail = Buffer.from(part.tail);
    // A full flush resets the compressor: the same input then deflates to the same bytes, so
    // one compressed unit repeated is a valid stream of the unit repeated.
    const flushed = (bytes: Buffer): Buffer => deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH });
    const data = [flushed(head), ...new Array<Buffer>(part.times).fill(flushed(unit)), deflateRawSync(tail)];
    let crc = crc32(head);
    for (let i = 0; i < part.times; i++) crc = crc32(unit, crc);
    crc = crc32(tail, crc);
    const size = head.length + unit.length * part.times + tail.length;
    const compressedSize = data.reduce((sum, b) => sum + b.length, 0);
    return { header: { method: 8, crc, compressedSize, size: part.declaredSize ?? size }, data };
  }
  const deflate = createDeflateRaw({ level: 1 });
  const data: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => data.push(chunk));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  for (const text of part.chunks()) {
    const bytes = Buffer.from(text);
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return {
    header: { method: 8, crc, compressedSize: data.reduce((sum, b) => sum + b.length, 0), size },
    data,
  };
}

function localHeader(entry: Written): Buffer {
  const name = Buffer.from(entry.name);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt32LE(entry.crc >>> 0, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function directoryHeader(entry: Written): Buffer {
  const name = Buffer.from(entry.name);
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x0800, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt32LE(entry.crc >>> 0, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, name]);
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}

export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts every workbook has, around the sheets given (named Hoja1, Hoja2…). */
export function workbookParts(
  sheets: readonly ZipPart[],
  extra: readonly ZipPart[] = [],
  sheetNames?: readonly string[],
): ZipPart[] {
  const names = sheetNames ?? sheets.map((_, i) => `Hoja${i + 1}`);
  return [
    {
      name: '[Content_Types].xml',
      text: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      text: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    ...sheets.map((sheet, i) => ({ ...sheet, name: `xl/worksheets/sheet${i + 1}.xml` })),
    ...extra,
  ];
}

/** Incompressible bytes (an embedded picture, say) to bring a bomb to a given size on disk. */
export function padding(bytes: number): ZipPart {
  return { name: 'xl/media/image1.png', stored: randomBytes(bytes) };
}
