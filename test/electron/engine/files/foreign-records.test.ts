import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { readCsvRecords } from '../../../../electron/engine/files/csv-records';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

/** The rows flagged as written in another encoding, read `chunkBytes` at a time. */
async function flaggedRows(bytes: Buffer, chunkBytes: number): Promise<number[]> {
  const path = join(tempDir(), 'file.csv');
  writeFileSync(path, bytes);
  const flagged: number[] = [];
  for await (const chunk of readCsvRecords(path, { encoding: 'utf-8', delimiter: ';' }, { chunkBytes })) {
    for (const [i, message] of chunk.flagged ?? []) {
      if (message.code === 'file.row-other-encoding') flagged.push(chunk.lines[i]!);
    }
  }
  return flagged;
}

const LINES = ['Nombre;Ciudad', 'Peña;Bogotá', 'José;Cúcuta 😀', 'Zoë;Medellín'];

describe('records in another encoding, whatever the chunk size', () => {
  it('flags the one Windows-1252 row of a UTF-8 file, even when its bytes straddle chunks', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${LINES.join('\n')}\n`),
      Buffer.from('Mu'),
      Buffer.from([0xf1]),
      Buffer.from('oz;Cali\nLuis;Neiva\n'),
    ]);
    for (const chunkBytes of [1, 2, 3, 5, 7, 64 * 1024]) {
      expect(await flaggedRows(bytes, chunkBytes)).toEqual([5]);
    }
  });

  it('flags nothing in a valid UTF-8 file, not even one that writes U+FFFD itself', async () => {
    const bytes = Buffer.from(`${LINES.join('\n')}\nDato �;Cali\n`);
    for (const chunkBytes of [1, 3, 4, 5, 6, 64 * 1024]) {
      expect(await flaggedRows(bytes, chunkBytes)).toEqual([]);
    }
  });
});
