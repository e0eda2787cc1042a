import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { countRows } from '../../../../electron/engine/files/count-rows';
import { openFile } from '../../../../electron/engine/files/open-file';
import { readRows } from '../../../../electron/engine/files/read-rows';
import { isCargaError } from '../../../../shared/errors/carga-error';
import type { Message } from '../../../../shared/messages/message';
import { cargaCli } from '../../../support/carga-cli';
import { useTempDirs } from '../../../support/temp-dir';
import {
  padding,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookParts,
  writeZip,
  type ZipPart,
} from '../../../support/xlsx-writer';

const tempDir = useTempDirs();
const REPO = resolve(__dirname, '../../../..');
const MB = 1024 * 1024;

const SST_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const smallSheet: ZipPart = {
  name: 'sheet',
  text: `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>7</v></c></row>${SHEET_TAIL}`,
};

/** 8 MB on disk; its shared strings unpack to 2.4 GB. */
async function sharedStringsBomb(path: string, declaredSize?: number): Promise<void> {
  const unit = `<si><t>${'A'.repeat(MB - 16)}</t></si>`;
  const strings: ZipPart = {
    name: 'xl/sharedStrings.xml',
    head: SST_HEAD,
    unit,
    times: 2400,
    tail: '</sst>',
    ...(declaredSize ? { declaredSize } : {}),
  };
  await writeZip(path, workbookParts([smallSheet], [strings, padding(8 * 1000 * 1000 - 2_600_000)]));
}

/** 38 MB on disk; its sheet unpacks to 1.9 GB. */
async function sheetBomb(path: string): Promise<void> {
  const row = '<row><c t="inlineStr"><is><t>Cliente de prueba</t></is></c><c><v>3001234567</v></c></row>';
  const sheet: ZipPart = {
    name: 'sheet',
    head: SHEET_HEAD,
    unit: row.repeat(Math.floor(MB / row.length)),
    times: 1900,
    tail: SHEET_TAIL,
  };
  await writeZip(
    path,
    workbookParts(
      [sheet],
      [{ name: 'xl/sharedStrings.xml', text: `${SST_HEAD}</sst>` }, padding(36 * 1000 * 1000)],
    ),
  );
}

async function openError(path: string): Promise<Message> {
  try {
    await openFile(path);
  } catch (error) {
    if (isCargaError(error)) return error.detail;
    throw error;
  }
  throw new Error('openFile did not fail');
}

/** `carga inspect` in its own process, with its own empty temp folder. */
function inspectProcess(path: string, tmp: string): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    execFile(
      ...cargaCli(['inspect', path, '--lang', 'en']),
      { cwd: REPO, env: { ...process.env, TMPDIR: tmp, TEMP: tmp, TMP: tmp } },
      (error, _stdout, stderr) => done({ code: error ? Number(error.code) : 0, stderr }),
    );
  });
}

describe('hostile workbooks', () => {
  it('refuses an 8 MB workbook whose shared strings unpack to 2.4 GB: exit 2, one message, no temp file', async () => {
    const dir = tempDir();
    const path = join(dir, 'bomba-textos.xlsx');
    await sharedStringsBomb(path);
    expect(await openError(path)).toMatchObject({
      code: 'file.xlsx-too-large',
      params: { name: 'bomba-textos.xlsx', size: '2.5 GB' },
    });
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const { code, stderr } = await inspectProcess(path, tmp);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^Workbook bomba-textos\.xlsx will not be opened: one of its parts would unpack to 2\.5 GB[^\n]*\n$/,
    );
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('refuses a 38 MB workbook whose sheet unpacks to 1.9 GB: exit 2, no temp file', async () => {
    const dir = tempDir();
    const path = join(dir, 'bomba-hoja.xlsx');
    await sheetBomb(path);
    expect(await openError(path)).toMatchObject({
      code: 'file.xlsx-too-large',
      params: { name: 'bomba-hoja.xlsx' },
    });
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const { code, stderr } = await inspectProcess(path, tmp);
    expect(code).toBe(2);
    expect(stderr).toContain('will not be opened');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('refuses as damaged a part that lies about its size, as soon as it unpacks past it', async () => {
    const path = join(tempDir(), 'mentira.xlsx');
    await sharedStringsBomb(path, 4 * MB);
    expect(await openError(path)).toEqual({ code: 'file.xlsx-damaged', params: { name: 'mentira.xlsx' } });
  });

  it('still opens a legitimate sheet of 1,048,576 rows, Excel’s maximum', async () => {
    const path = join(tempDir(), 'millon.xlsx');
    const rows = 1_048_576;
    const sheet: ZipPart = {
      name: 'sheet',
      *chunks() {
        yield `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Nombre</t></is></c><c r="B1" t="inlineStr"><is><t>Celular</t></is></c></row>`;
        let text = '';
        for (let r = 2; r <= rows; r++) {
          text += `<row r="${r}"><c r="A${r}" t="s"><v>${r % 1000}</v></c><c r="B${r}"><v>${3000000000 + r}</v></c></row>`;
          if (text.length > 64 * 1024) {
            yield text;
            text = '';
          }
        }
        yield text + SHEET_TAIL;
      },
    };
    const names = Array.from({ length: 1000 }, (_, i) => `<si><t>Cliente ${i}</t></si>`).join('');
    await writeZip(
      path,
      workbookParts([sheet], [{ name: 'xl/sharedStrings.xml', text: `${SST_HEAD}${names}</sst>` }]),
    );
    const info = await openFile(path);
    expect(info).toMatchObject({
      headers: ['Nombre', 'Celular'],
      previewRows: Array.from({ length: 20 }, (_, i) => i + 2),
    });
    expect(info.preview[0]).toEqual({ Nombre: 'Cliente 2', Celular: '3000000002' });
    expect(await countRows(info)).toBe(rows - 1);
    let last = null;
    for await (const batch of readRows(info, { batchSize: 10_000 })) last = batch.at(-1)!;
    expect(last).toEqual({
      index: rows - 2,
      row: rows,
      cells: [`Cliente ${rows % 1000}`, String(3000000000 + rows)],
    });
  }, 120_000);
});
