import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';

import type { CliIO } from '../../../../electron/cli/command';
import { inspect } from '../../../../electron/cli/inspect';
import { createEngine } from '../../../../electron/engine/engine';
import { createMemoryVault } from '../../../../electron/engine/secrets/memory-vault';
import type { ResultRow } from '../../../../shared/contract';
import { formatMessage } from '../../../../shared/messages/catalog';
import {
  CASE_HEADER,
  caseRow,
  importFixture,
  writeCsv,
  type ImportFixture,
} from '../../../support/import-fixture';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();
const fixtures: ImportFixture[] = [];
afterEach(async () => {
  for (const fixture of fixtures.splice(0)) await fixture.close();
});

/** Six cases: two the CRM refuses, one Carga's check refuses (no description), three it takes —
 * one of them with cells a spreadsheet would read as formulas. */
const ROWS = [
  caseRow(0, { Ciudad: '+573001234567' }),
  caseRow(1, { Responsable: 'nadie@demo' }),
  caseRow(2, { Descripción: '' }),
  caseRow(3, { Descripción: '=HYPERLINK("http://x")' }),
  caseRow(4, { 'Correo contacto': 'nadie@example.com' }),
  caseRow(5),
];

/** Imports the six rows; `inserts` lists the status of every case the CRM was sent, in order. */
async function importSix(): Promise<{ fixture: ImportFixture; jobId: string; inserts: number[] }> {
  const inserts: number[] = [];
  const fixture = await importFixture(tempDir(), {
    sandbox: {
      onEvent: (event) => {
        if (event.type === 'request-end' && event.path.endsWith('/cases/insert.php'))
          inserts.push(event.status ?? 0);
      },
    },
  });
  fixtures.push(fixture);
  const summary = await fixture.run(writeCsv(join(fixture.dir, 'casos marzo.csv'), CASE_HEADER, ROWS));
  expect(summary).toMatchObject({ status: 'finished', ok: 3, failed: 3 });
  return { fixture, jobId: summary.jobId, inserts };
}

function parseCsv(path: string, delimiter: string): string[][] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function column(report: string[][], header: string, rowNumber: number): string | undefined {
  const at = report[0]?.indexOf(header) ?? -1;
  expect(at, header).toBeGreaterThanOrEqual(0);
  return report.find((cells) => cells[0] === String(rowNumber))?.[at];
}

async function rowsOf(fixture: ImportFixture, jobId: string, outcomes?: ResultRow['outcome'][]) {
  return (
    await fixture.engine.listResults({
      jobId,
      offset: 0,
      limit: 100,
      ...(outcomes ? { filter: { outcomes } } : {}),
    })
  ).rows;
}

describe('accepted rows and their CRM ids', () => {
  it('lists accepted rows with the id the CRM gave, their file values and row numbers, after a restart too', async () => {
    const { fixture, jobId } = await importSix();
    const ids = fixture.sandbox
      .accepted()
      .cases.map((accepted) => accepted.id)
      .map(String);
    expect(ids).toHaveLength(3);

    const accepted = await rowsOf(fixture, jobId, ['ok']);
    expect(accepted.map((row) => [row.row, row.outcome, row.crmId])).toEqual([
      [2, 'ok', ids[0]],
      [5, 'ok', ids[1]],
      [7, 'ok', ids[2]],
    ]);
    expect(accepted[0]?.values.Ciudad).toBe('+573001234567');
    // Searching finds an accepted row by its CRM id.
    const found = await fixture.engine.listResults({
      jobId,
      filter: { outcomes: ['ok'], text: ids[1]! },
      offset: 0,
      limit: 10,
    });
    expect(found.rows.map((row) => row.row)).toEqual([5]);

    // Another process opens the job: the ids come back from the journal.
    fixtures.splice(fixtures.indexOf(fixture), 1);
    await fixture.close();
    const reopened = await createEngine({
      dataDir: join(fixture.dir, 'data'),
      vault: createMemoryVault(),
      lang: 'es',
      frontDoor: 'cli',
      autoResume: false,
    });
    try {
      const again = await reopened.listResults({ jobId, filter: { outcomes: ['ok'] }, offset: 0, limit: 10 });
      expect(again.rows.map((row) => row.crmId)).toEqual(ids);
    } finally {
      await reopened.close();
    }
  });

  it('writes the success report: every accepted row with its CRM id, in CSV and XLSX', async () => {
    const { fixture, jobId } = await importSix();
    const ids = fixture.sandbox.accepted().cases.map((accepted) => String(accepted.id));

    const csv = await fixture.engine.exportReport({ jobId, kind: 'accepted', format: 'csv', lang: 'es' });
    expect(csv.path).toMatch(/casos marzo - cargadas - .+\.csv$/);
    const report = parseCsv(csv.path, ';');
    expect(report[0]).toEqual(['Fila', ...CASE_HEADER, 'ID en el CRM']);
    expect(report.slice(1).map((cells) => [cells[0], cells.at(-1)])).toEqual([
      ['2', ids[0]],
      ['5', ids[1]],
      ['7', ids[2]],
    ]);
    // Neutralised in CSV where a formula could start, and nowhere else.
    expect(column(report, 'Ciudad', 2)).toBe("'+573001234567");
    expect(column(report, 'Descripción', 5)).toBe('\'=HYPERLINK("http://x")');
    expect(column(report, 'Responsable', 2)).toBe(ROWS[0]?.[1]);

    const xlsx = await fixture.engine.exportReport({ jobId, kind: 'accepted', format: 'xlsx', lang: 'en' });
    expect(xlsx.path).toMatch(/casos marzo - loaded - .+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Loaded');
    expect(sheet.getRow(1).getCell(CASE_HEADER.length + 2).value).toBe('CRM ID');
    expect(sheet.getRow(2).getCell(CASE_HEADER.indexOf('Ciudad') + 2).value).toBe('+573001234567');
    expect(sheet.getRow(3).getCell(CASE_HEADER.indexOf('Descripción') + 2).value).toBe(
      '=HYPERLINK("http://x")',
    );
    expect(sheet.getRow(4).getCell(CASE_HEADER.length + 2).value).toBe(ids[2]);
  });
});

describe('results an operator can act on', () => {
  it('names the column at fault, from Carga’s check and from the CRM’s answer alike', async () => {
    const { fixture, jobId } = await importSix();
    const failed = await rowsOf(fixture, jobId);
    expect(failed.map((row) => [row.row, row.failureClass, row.failedColumn])).toEqual([
      [3, 'row', 'Responsable'],
      [4, 'validation', 'Descripción'],
      [6, 'row', 'Correo contacto'],
    ]);
    expect(failed[0]?.explanation?.params).toMatchObject({ user: 'nadie@demo' });
    expect(formatMessage('es', failed[2]!.explanation!)).toContain('nadie@example.com');
  });

  it('retries only the rows corrected since their last attempt, then all failed rows', async () => {
    const { fixture, jobId, inserts } = await importSix();
    expect(inserts).toEqual([200, 404, 200, 404, 200]);
    await fixture.engine.fixRow({ jobId, index: 2, values: { Descripción: 'Ahora con descripción' } });
    expect(
      (
        await fixture.engine.listResults({ jobId, filter: { corrected: true }, offset: 0, limit: 10 })
      ).rows.map((row) => row.row),
    ).toEqual([4]);

    await fixture.engine.retryJob({ jobId, includeUncertain: false, onlyCorrected: true });
    expect(await fixture.engine.settled(jobId)).toMatchObject({ ok: 4, failed: 2 });
    // The corrected row went in; the CRM's refusals, untouched, were not sent again.
    expect(inserts.slice(5)).toEqual([200]);
    expect(
      (await fixture.engine.listResults({ jobId, filter: { corrected: true }, offset: 0, limit: 10 })).total,
    ).toBe(0);

    await fixture.engine.retryJob({ jobId, includeUncertain: false });
    expect(await fixture.engine.settled(jobId)).toMatchObject({ ok: 4, failed: 2 });
    expect(inserts.slice(6)).toEqual([404, 404]);
  });

  it('reports the file’s value, the value the last attempt sent and that attempt’s explanation together', async () => {
    const { fixture, jobId } = await importSix();
    // Fixed with another wrong user and sent: the CRM refuses the fixed value.
    await fixture.engine.fixRow({ jobId, index: 1, values: { Responsable: 'otro@demo' } });
    await fixture.engine.retryJob({ jobId, includeUncertain: false, onlyCorrected: true });
    await fixture.engine.settled(jobId);
    // Fixed again, not sent yet.
    await fixture.engine.fixRow({ jobId, index: 1, values: { Responsable: 'ana.gomez@demo' } });

    const [row] = await rowsOf(fixture, jobId);
    expect(row).toMatchObject({
      row: 3,
      original: expect.objectContaining({ Responsable: 'nadie@demo' }),
      sent: expect.objectContaining({ Responsable: 'otro@demo' }),
      values: expect.objectContaining({ Responsable: 'ana.gomez@demo' }),
      unsentFix: true,
    });

    for (const lang of ['es', 'en'] as const) {
      const { path } = await fixture.engine.exportReport({ jobId, kind: 'errors', format: 'csv', lang });
      const report = parseCsv(path, lang === 'es' ? ';' : ',');
      const texts =
        lang === 'es'
          ? {
              explanation: 'Explicación',
              source: 'Detectado por',
              answer: 'Respuesta original del CRM (código y mensaje)',
              sent: 'Enviado en el último intento (si difiere del archivo)',
              next: 'Corregido y aún sin enviar',
            }
          : {
              explanation: 'Explanation',
              source: 'Found by',
              answer: "The CRM's original answer (code and message)",
              sent: 'Sent at the last attempt (where it differs from the file)',
              next: 'Corrected and not sent yet',
            };
      expect(column(report, 'Responsable', 3)).toBe('nadie@demo');
      expect(column(report, texts.sent, 3)).toBe(
        lang === 'es' ? 'Responsable: «otro@demo»' : 'Responsable: "otro@demo"',
      );
      expect(column(report, texts.explanation, 3)).toContain('otro@demo');
      expect(column(report, texts.explanation, 3)).not.toContain('nadie@demo');
      expect(column(report, texts.next, 3)).toContain('ana.gomez@demo');
      expect(column(report, texts.answer, 3)).toContain('THE RESPONSIBLE USER (otro@demo) DOES NOT EXIST');
      // Carga's check in words, never its internal code.
      expect(column(report, texts.source, 4)).toBe(
        lang === 'es' ? 'Revisión de Carga (no se envió)' : "Carga's check (not sent)",
      );
      expect(column(report, texts.answer, 4)).toBe('');
      expect(readFileSync(path, 'utf8')).not.toContain('required-missing');
    }
  });

  it('writes an error report that `carga inspect` reads back as the same table', async () => {
    const { fixture, jobId } = await importSix();
    const { path } = await fixture.engine.exportReport({ jobId, kind: 'errors', format: 'csv', lang: 'en' });
    let out = '';
    const io: CliIO = {
      stdout: (text) => (out += text),
      stderr: () => undefined,
      env: { LANG: 'en_US.UTF-8' },
      isTTY: false,
      cwd: fixture.dir,
    };
    expect(await inspect([path, '--json'], io)).toBe(0);
    const inspected = JSON.parse(out) as {
      delimiter: string;
      headerRow: number;
      headers: string[];
      rowCount: number;
      preview: Record<string, string>[];
    };
    const report = parseCsv(path, ',');
    expect(inspected).toMatchObject({ delimiter: ',', headerRow: 0, headers: report[0], rowCount: 3 });
    expect(inspected.preview.map((cells) => cells.Row)).toEqual(['3', '4', '6']);
    expect(inspected.preview[0]?.Ciudad).toBe('Cali');
  });
});
