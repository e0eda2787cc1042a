import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { writeSummary } from '../../../../electron/engine/reports/write-summary';
import type { JobSummary } from '../../../../shared/contract';
import { msg } from '../../../../shared/messages/catalog';
import { useTempDir } from './temp-dir';

const SUMMARY: JobSummary = {
  jobId: 'job-20250301-01',
  status: 'finished',
  requests: 12_345,
  createdAt: '2025-03-01T14:00:00.000Z',
  updatedAt: '2025-03-01T15:30:00.000Z',
  fileName: 'casos marzo.xlsx',
  target: 'wolkvox-crm-cases',
  connectionName: 'Producción',
  total: 12_350,
  ok: 12_000,
  failed: 340,
  uncertain: 2,
  pending: 0,
  skipped: 8,
  reason: msg('report.kind.quota'),
};

const BREAKDOWN = { validation: 40, row: 300, uncertain: 2, stop: 0, mystery: 1 };
const PROBLEMS = [
  { source: 'crm' as const, count: 300, explanation: msg('report.outcome.failed') },
  { source: 'check' as const, count: 40, explanation: msg('report.summary.next-failed', { count: 40 }) },
];

describe('writeSummary', () => {
  const tempDir = useTempDir();

  it('writes a short summary in Spanish: counts, failures by kind, problems and what to do next', async () => {
    const dir = await tempDir();
    const path = join(dir, 'resumen.txt');
    await writeSummary({ path, lang: 'es', summary: SUMMARY, breakdown: BREAKDOWN, problems: PROBLEMS });

    expect(await readFile(path, 'utf8')).toBe(
      [
        'Resumen de la carga',
        '===================',
        '',
        'Archivo: casos marzo.xlsx',
        'Destino: wolkvox CRM: casos',
        'Conexión: Producción',
        'Carga n.º: job-20250301-01',
        'Estado: Terminada',
        'Creada: 2025-03-01T14:00:00.000Z',
        'Actualizada: 2025-03-01T15:30:00.000Z',
        'Motivo: Cupo diario agotado',
        '',
        'Filas',
        '  Total: 12,350',
        '  Cargadas: 12,000',
        '  Fallidas: 340',
        '  Sin confirmar: 2',
        '  Omitidas: 8',
        '  Pendientes: 0',
        'Solicitudes enviadas: 12,345',
        '',
        'Fallas por tipo',
        '  Rechazada por el CRM: 300',
        '  Datos inválidos (revisión local): 40',
        '  Sin respuesta después del envío: 2',
        '  mystery: 1',
        '',
        'Problemas más frecuentes (quién los detectó y número de filas)',
        '  Respuesta del CRM (300): Fallida',
        '  Revisión de Carga (no se envió) (40): Corrija las filas fallidas (40) y reinténtelas, o exporte las filas fallidas, corríjalas en Excel y cárguelas de nuevo.',
        '',
        'Qué hacer ahora',
        '  - Revise en el CRM las filas sin confirmar (2) antes de reenviarlas: pudieron haberse creado.',
        '  - Corrija las filas fallidas (340) y reinténtelas, o exporte las filas fallidas, corríjalas en Excel y cárguelas de nuevo.',
        '',
      ].join('\r\n'),
    );
    expect(await readdir(dir)).toEqual(['resumen.txt']);
  });

  it('writes it in English, and says when nothing is left to do', async () => {
    const path = join(await tempDir(), 'summary.txt');
    const done: JobSummary = {
      ...SUMMARY,
      status: 'finished',
      failed: 0,
      uncertain: 0,
      ok: 12_342,
      reason: undefined,
    };
    await writeSummary({ path, lang: 'en', summary: done, breakdown: {}, problems: [] });

    expect(await readFile(path, 'utf8')).toBe(
      [
        'Job summary',
        '===========',
        '',
        'File: casos marzo.xlsx',
        'Target: wolkvox CRM: cases',
        'Connection: Producción',
        'Job: job-20250301-01',
        'Status: Finished',
        'Created: 2025-03-01T14:00:00.000Z',
        'Updated: 2025-03-01T15:30:00.000Z',
        '',
        'Rows',
        '  Total: 12,350',
        '  Loaded: 12,342',
        '  Failed: 0',
        '  Unconfirmed: 0',
        '  Skipped: 8',
        '  Pending: 0',
        'Requests sent: 12,345',
        '',
        'What to do next',
        '  - Nothing left to do: every row was loaded or skipped.',
        '',
      ].join('\r\n'),
    );
  });

  it('asks to resume a job that still has pending rows', async () => {
    const path = join(await tempDir(), 'summary.txt');
    const paused: JobSummary = { ...SUMMARY, status: 'paused', failed: 0, uncertain: 0, pending: 5_000 };
    await writeSummary({ path, lang: 'en', summary: paused, breakdown: {}, problems: [] });
    const text = await readFile(path, 'utf8');
    expect(text).toContain('Status: Paused\r\n');
    expect(
      text.endsWith('What to do next\r\n  - Rows still pending (5,000): resume the job to send them.\r\n'),
    ).toBe(true);
  });

  it('fails with a message naming the path, and leaves nothing, when the folder is missing', async () => {
    const dir = await tempDir();
    const path = join(dir, 'missing', 'summary.txt');
    await expect(
      writeSummary({ path, lang: 'es', summary: SUMMARY, breakdown: {}, problems: [] }),
    ).rejects.toMatchObject({
      detail: { code: 'report.write-failed', params: { path, reason: 'ENOENT' } },
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
