import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';

import { contentDisposition } from '../../../electron/web/report-download';
import { startWebServer, type WebServer } from '../../../electron/web/web-server';
import { attachmentName } from '../../../renderer/bridge/content-disposition';
import { createWebBridge } from '../../../renderer/bridge/web-bridge';
import { REPORT_DOWNLOAD_PATH, REQUEST_HEADER, REQUEST_HEADER_VALUE } from '../../../shared/wire';
import {
  CASE_HEADER,
  caseRow,
  importFixture,
  writeCsv,
  type ImportFixture,
} from '../../support/import-fixture';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const part of opened.splice(0).reverse()) await part.close();
});

/** The real engine with one finished job (one row refused by the CRM) behind the web door. */
async function webDoorWithJob(): Promise<{
  fixture: ImportFixture;
  server: WebServer;
  jobId: string;
  cookie: string;
}> {
  const dir = tempDir();
  const fixture = await importFixture(dir);
  opened.push(fixture);
  const file = writeCsv(join(dir, 'casos año.csv'), CASE_HEADER, [
    caseRow(0, { Descripción: '=1+1' }),
    caseRow(1, { Responsable: 'nadie@demo' }),
  ]);
  const { jobId } = await fixture.run(file);
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html>');
  const server = await startWebServer({
    engine: fixture.engine,
    staticDir: join(dir, 'static'),
    uploadsDir: join(dir, 'up'),
  });
  opened.push(server);
  const response = await fetch(server.oneTimeUrl());
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { fixture, server, jobId, cookie };
}

function post(server: WebServer, cookie: string, body: unknown, withHeader = true): Promise<Response> {
  return fetch(`${server.origin}${REPORT_DOWNLOAD_PATH}`, {
    method: 'POST',
    headers: {
      Cookie: cookie,
      'Content-Type': 'application/json',
      ...(withHeader ? { [REQUEST_HEADER]: REQUEST_HEADER_VALUE } : {}),
    },
    body: JSON.stringify(body),
  });
}

describe('reports through the web front door', () => {
  it('sends every export as a download named after the file, the report and the job', async () => {
    const { server, cookie, jobId } = await webDoorWithJob();
    for (const [kind, format, type, word] of [
      ['errors', 'csv', 'text/csv; charset=utf-8', 'errores'],
      ['errors', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'errores'],
      ['failed-rows', 'csv', 'text/csv; charset=utf-8', 'filas-fallidas'],
      ['accepted', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'cargadas'],
      ['summary', 'csv', 'text/plain; charset=utf-8', 'resumen'],
    ] as const) {
      const response = await post(server, cookie, { jobId, kind, format, lang: 'es' });
      expect(response.status, `${kind} ${format}`).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      const name = `casos año - ${word} - ${jobId}.${kind === 'summary' ? 'txt' : format}`;
      expect(attachmentName(response.headers.get('content-disposition'))).toBe(name);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="casos ano - /);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(Number(response.headers.get('content-length')));
    }
  });

  it('downloads the same bytes the engine wrote, read back as the report', async () => {
    const { server, cookie, jobId, fixture } = await webDoorWithJob();
    const response = await post(server, cookie, { jobId, kind: 'accepted', format: 'csv', lang: 'en' });
    const text = await response.text();
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
      delimiter: ',',
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toEqual(['Row', ...CASE_HEADER, 'CRM ID']);
    expect(rows[1]?.[CASE_HEADER.indexOf('Descripción') + 1]).toBe("'=1+1");
    expect(rows[1]?.at(-1)).toBe(fixture.sandbox.accepted().cases[0]?.id);
  });

  it('hands the download to the browser through the web bridge', async () => {
    const { server, cookie, jobId } = await webDoorWithJob();
    const saved: { name: string; text: string }[] = [];
    const bridge = createWebBridge({
      baseUrl: server.origin,
      fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, Cookie: cookie } }),
      openEventSource: () => ({ addEventListener: () => undefined, close: () => undefined }),
      uploadWithProgress: () => Promise.reject(new Error('no upload here')),
      saveDownload: (file, name) => void file.text().then((text) => saved.push({ name, text })),
    });
    const delivered = await bridge.deliverReport({ jobId, kind: 'errors', format: 'csv', lang: 'en' });
    expect(delivered).toEqual({ kind: 'downloaded', fileName: `casos año - errors - ${jobId}.csv` });
    await expect.poll(() => saved.length).toBe(1);
    expect(saved[0]?.name).toBe(delivered.kind === 'downloaded' ? delivered.fileName : '');
    expect(saved[0]?.text.split('\r\n')[1]).toMatch(/^3,/);
    await expect(
      bridge.deliverReport({ jobId: 'no-such-job', kind: 'errors', format: 'csv', lang: 'en' }),
    ).rejects.toMatchObject({ detail: { code: expect.any(String) } });
  });

  it('writes nowhere the page names, and refuses what another site could send', async () => {
    const { server, cookie, jobId, fixture } = await webDoorWithJob();
    const elsewhere = join(fixture.dir, 'elsewhere.csv');
    const named = await post(server, cookie, {
      jobId,
      kind: 'errors',
      format: 'csv',
      lang: 'es',
      path: elsewhere,
    });
    expect(named.status).toBe(400);
    expect(existsSync(elsewhere)).toBe(false);
    expect((await post(server, cookie, { jobId, kind: 'errors', format: 'csv' }, false)).status).toBe(403);
    expect((await post(server, '', { jobId, kind: 'errors', format: 'csv' })).status).toBe(403);
    const unknown = await post(server, cookie, { jobId: 'nope', kind: 'errors', format: 'csv', lang: 'es' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-disposition')).toBeNull();
    expect(readdirSync(fixture.dir)).not.toContain('elsewhere.csv');
  });
});

describe('Content-Disposition', () => {
  it('carries any name there and back: accents, spaces, quotes and percent signs', () => {
    for (const name of ['casos año - errores - j1.csv', 'a "b" 100% (1).xlsx', "Ñandú's.txt", 'plain.csv']) {
      const header = contentDisposition(name);
      expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
      expect(attachmentName(header)).toBe(name);
    }
  });

  it('reads a plain name, and never a path; refuses what is not an attachment', () => {
    expect(attachmentName('attachment; filename="report.csv"')).toBe('report.csv');
    expect(attachmentName('attachment; filename=report.csv')).toBe('report.csv');
    expect(attachmentName("attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd")).toBe('passwd');
    expect(attachmentName('inline; filename="x.csv"')).toBeNull();
    expect(attachmentName(null)).toBeNull();
  });
});
