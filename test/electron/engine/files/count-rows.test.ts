import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { countRows } from '../../../../electron/engine/files/count-rows';
import { openFile } from '../../../../electron/engine/files/open-file';
import { readRows } from '../../../../electron/engine/files/read-rows';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

function write(name: string, content: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

describe('countRows', () => {
  it('counts records, not lines: quoted line breaks are not rows, blank rows are not counted', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) =>
      i % 10 === 0 ? `${i};"línea uno\nlínea dos\r\nlínea tres"` : `${i};simple`,
    );
    const path = write('multiline.csv', `Reporte\n\nN;Nota\r\n${rows.join('\r\n')}\r\n;\r\n\r\n`);
    const info = await openFile(path);
    expect(await countRows(info)).toBe(30_000);
    let last = 0;
    for await (const batch of readRows(info)) last = batch.at(-1)!.row;
    // 3 rows above the data, then one row per record: the quoted line breaks add none.
    expect(last).toBe(3 + 30_000);
  });

  it('counts zero rows in a header-only file', async () => {
    expect(await countRows(await openFile(write('header.csv', 'Nombre;Ciudad\r\n')))).toBe(0);
  });
});
