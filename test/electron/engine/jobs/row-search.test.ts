import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { searchFold } from '../../../../electron/engine/jobs/row-search';
import type { ResultFilter } from '../../../../shared/contract';
import { CASE_HEADER, caseRow, useImportFixtures, writeCsv } from '../../../support/import-fixture';

const fixture = useImportFixtures();

/** Twelve cases: the CRM refuses row 4's (an unknown responsible), Carga's check row 6's (no
 * description); the rest go in, each with its own description and city. */
function rows(): string[][] {
  return Array.from({ length: 12 }, (_, n) =>
    caseRow(n, {
      Descripción: n === 4 ? 'Cliente molesto' : n === 2 ? '' : `Caso de prueba número ${n}`,
      Ciudad: n === 7 ? 'Medellín' : 'Cali',
      ...(n === 4 ? { Responsable: 'nadie@demo' } : {}),
    }),
  );
}

describe('searching Results', () => {
  it('finds any value of a row for every outcome: file cells, fixes, the explanation, the CRM id', async () => {
    const { engine, run, dir } = await fixture();
    const summary = await run(writeCsv(join(dir, 'casos.csv'), CASE_HEADER, rows()));
    expect(summary).toMatchObject({ ok: 10, failed: 2 });
    const { jobId } = summary;
    const search = async (filter: ResultFilter) =>
      (await engine.listResults({ jobId, filter, offset: 0, limit: 100 })).rows.map((row) => row.row);
    const accepted = ['ok'] as ResultFilter['outcomes'];

    // A value of an accepted row, read back from the file; accents and case do not matter.
    expect(await search({ outcomes: accepted, text: 'número 9' })).toEqual([11]);
    expect(await search({ outcomes: accepted, text: 'MEDELLIN' })).toEqual([9]);
    // Its CRM id.
    const okRows = (
      await engine.listResults({ jobId, filter: { outcomes: accepted }, offset: 0, limit: 100 })
    ).rows;
    const withId = okRows.find((row) => row.row === 5);
    expect(withId?.crmId).toBeTruthy();
    expect(await search({ outcomes: accepted, text: withId!.crmId! })).toEqual([5]);
    // A failed row by its value and by its explanation, in the operator's language only.
    expect(await search({ text: 'molesto' })).toEqual([6]);
    expect(await search({ text: 'nadie@demo' })).toEqual([6]);
    expect(await search({ text: 'no existe en la operación', lang: 'es' })).toEqual([6]);
    expect(await search({ text: 'no existe en la operación', lang: 'en' })).toEqual([]);
    expect(await search({ text: 'fill in the cell', lang: 'en' })).toEqual([4]);
    // Every outcome at once: the word is in accepted and failed rows alike.
    expect(await search({ outcomes: ['ok', 'failed'], text: 'Caso de prueba' })).toEqual([
      2, 3, 5, 7, 8, 9, 10, 11, 12, 13,
    ]);
    // A fix is searched too, and what the row last sent still finds it.
    await engine.fixRow({ jobId, index: 4, values: { Responsable: 'nueva.persona@demo' } });
    expect(await search({ text: 'nueva.persona' })).toEqual([6]);
    expect(await search({ text: 'nadie@demo' })).toEqual([6]);
  });

  it('pages through a search of a large job, and keeps working by CRM id when the file is gone', async () => {
    const { engine, run, dir } = await fixture();
    const many = Array.from({ length: 450 }, (_, n) =>
      caseRow(n, { Ciudad: n % 3 === 0 ? 'Pasto' : 'Cali' }),
    );
    const path = writeCsv(join(dir, 'muchos.csv'), CASE_HEADER, many);
    const { jobId } = await run(path);
    const filter: ResultFilter = { outcomes: ['ok'], text: 'pasto' };
    const first = await engine.listResults({ jobId, filter, offset: 0, limit: 100 });
    const second = await engine.listResults({ jobId, filter, offset: 100, limit: 100 });
    expect(first.total).toBe(150);
    expect(first.rows.map((row) => row.row)).toEqual(Array.from({ length: 100 }, (_, i) => 2 + i * 3));
    expect(second.rows[0]?.row).toBe(302);
    expect(second.rows.every((row) => row.values.Ciudad === 'Pasto')).toBe(true);

    const last = (await engine.listResults({ jobId, filter: { outcomes: ['ok'] }, offset: 449, limit: 1 }))
      .rows[0];
    rmSync(path);
    writeFileSync(path, 'otro archivo');
    // The file's values can no longer be read: found by what the journal keeps, never a crash.
    expect(
      (await engine.listResults({ jobId, filter: { outcomes: ['ok'], text: 'cali' }, offset: 0, limit: 10 }))
        .total,
    ).toBe(0);
    expect(last?.crmId).toBeTruthy();
    const byId = await engine.listResults({
      jobId,
      filter: { outcomes: ['ok'], text: last!.crmId! },
      offset: 0,
      limit: 10,
    });
    expect(byId.rows.map((row) => row.index)).toContain(449);
  });

  it('finds a workbook’s date as the operator reads it, in their language', async () => {
    const { engine, run, dir } = await fixture();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Casos');
    sheet.addRow(CASE_HEADER);
    for (let n = 0; n < 3; n++) {
      const row = sheet.addRow(caseRow(n));
      const city = row.getCell(CASE_HEADER.indexOf('Ciudad') + 1);
      city.value = new Date(Date.UTC(2026, 10, 1 + n, 14, 30));
      city.numFmt = 'dd/mm/yyyy hh:mm';
    }
    const path = join(dir, 'casos.xlsx');
    await workbook.xlsx.writeFile(path);
    const { jobId } = await run(path);
    const search = async (text: string, lang: 'es' | 'en') =>
      (
        await engine.listResults({ jobId, filter: { outcomes: ['ok'], text, lang }, offset: 0, limit: 10 })
      ).rows.map((row) => row.row);
    expect(await search('02/11/2026 14:30', 'es')).toEqual([3]);
    expect(await search('11/02/2026 02:30 PM', 'en')).toEqual([3]);
    expect(await search('02/11/2026', 'en')).toEqual([]);
    // The value sent is searched as it is too.
    expect(await search('2026-11-03', 'es')).toEqual([4]);
  });

  it('folds case and accents only', () => {
    expect(searchFold('María PÉREZ Ñandú')).toBe('maria perez nandu');
    expect(searchFold('C-1001')).toBe('c-1001');
  });
});
