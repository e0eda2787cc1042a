import { basename } from 'node:path';

import type { FileInfo, FileOptions } from '../../../shared/contract';
import { CargaError } from '../../../shared/errors/carga-error';
import { msg } from '../../../shared/messages/catalog';
import { openCsv } from './csv-open';
import { readBytes, regularFileSize, withOpenFile } from './file-access';
import { HEAD_BYTES } from './file-limits';
import { sniffKind } from './sniff-kind';
import { openXlsx } from './xlsx-open';

/**
 * Looks at a spreadsheet without reading all of it: what it is (CSV or XLSX, by its bytes),
 * its encoding, delimiter and header row (each detected unless `options` sets it), its columns
 * and a preview of the first rows. `rowCount` is left null (see countRows). Throws a CargaError
 * with a `file.*` message for a file that cannot be read as a spreadsheet; what can be read but
 * deserves a look (renamed headers, title lines, no rows) comes back in `warnings`.
 */
export async function openFile(path: string, options: FileOptions = {}): Promise<FileInfo> {
  const size = await regularFileSize(path);
  if (size === 0) throw new CargaError(msg('file.empty', { name: basename(path) }));
  return withOpenFile(path, async (handle) => {
    const head = await readBytes(handle, 0, Math.min(size, HEAD_BYTES));
    if (sniffKind(head, basename(path)) === 'xlsx') return openXlsx(path, size, options);
    return openCsv(path, size, head, (position, length) => readBytes(handle, position, length), options);
  });
}
