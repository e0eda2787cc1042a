import { extname } from 'node:path';

import type { FileKind } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
/** Compound File Binary: old .xls (and .doc, .msg). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** What the file is by its first bytes (a workbook renamed .csv is still read as a workbook);
 * the extension only decides which message a file that is neither gets. */
export function sniffKind(head: Uint8Array, name: string): FileKind {
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, OLE2)) throw new CargaError(msg('file.xls-unsupported', { name }));
  if (startsWith(head, EMPTY_ZIP)) throw new CargaError(msg('file.not-a-workbook', { name }));
  if (WORKBOOK_EXTENSIONS.has(extname(name).toLowerCase()))
    throw new CargaError(msg('file.xlsx-not-zip', { name }));
  return 'csv';
}
