import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { ROW_HEIGHT } from '../../../renderer/results/result-columns';
import type { ResultRow, Template } from '../../../shared/contract';
import { msg } from '../../../shared/messages/catalog';
import { FakeBridge, SANDBOX } from '../../support/fake-engine';
import { renderAt } from '../render-app';

const user = userEvent.setup({ delay: null });

function openResults(bridge: FakeBridge, rows = { ok: 40, failed: 250, uncertain: 3 }) {
  const job = bridge.addJob(rows);
  renderAt(bridge, { step: 'results', connectionId: SANDBOX.id, target: SANDBOX.target, jobId: job.jobId });
  return job;
}

/** The last page the table asked for (the retry button also asks how many rows are corrected). */
/** The last query for a list's first page (the pages after it are fetched ahead as well). */
function lastPageQuery(listResults: { mock: { calls: [{ limit: number; offset: number }][] } }) {
  return listResults.mock.calls.filter(([input]) => input.limit > 1 && input.offset === 0).at(-1)?.[0];
}

async function shownRows(): Promise<HTMLElement[]> {
  await waitFor(() => expect(screen.getAllByTestId('results-row')[0]?.dataset.row).toBeDefined());
  return screen.getAllByTestId('results-row');
}

describe('Results step', () => {
  it('lists the failed and uncertain rows with their explanation in the operator’s language', async () => {
    const bridge = new FakeBridge();
    openResults(bridge);
    const rows = await shownRows();
    expect(rows[0]?.dataset.outcome).toBe('failed');
    expect(within(rows[0] as HTMLElement).getByTestId('results-explanation').textContent).toBe(
      'Carga’s check (not sent): Row 3, column «Correo»: «persona0@example» does not look like an e-mail address (name@domain.com). Correct it in the file.',
    );
    expect(within(rows[1] as HTMLElement).getByTestId('results-explanation').textContent).toMatch(
      /^The CRM answered: wolkvox rejected a value of this row/,
    );
    expect(screen.getByTestId('results-count').textContent).toBe('253 rows');
    expect(screen.getByTestId('results-chart-validation').dataset.count).toBe('125');
  });

  it('asks the engine for the rows the filters describe', async () => {
    const bridge = new FakeBridge();
    const listResults = vi.spyOn(bridge, 'listResults');
    const job = openResults(bridge);
    await shownRows();
    expect(lastPageQuery(listResults)).toEqual({
      jobId: job.jobId,
      filter: { outcomes: ['failed', 'uncertain'] },
      offset: 0,
      limit: 100,
    });

    await user.click(screen.getByTestId('results-filter-outcome-uncertain'));
    await waitFor(() =>
      expect(lastPageQuery(listResults)).toEqual({
        jobId: job.jobId,
        filter: { outcomes: ['failed'] },
        offset: 0,
        limit: 100,
      }),
    );
    await waitFor(() => expect(screen.getByTestId('results-count').textContent).toBe('250 rows'));

    await user.click(screen.getByTestId('results-filter-class'));
    await user.click(await screen.findByRole('option', { name: 'Rejected by the CRM' }));
    await waitFor(() =>
      expect(lastPageQuery(listResults)).toEqual({
        jobId: job.jobId,
        filter: { outcomes: ['failed'], classes: ['row'] },
        offset: 0,
        limit: 100,
      }),
    );

    await user.type(screen.getByTestId('results-filter-text'), 'persona7@');
    await waitFor(() =>
      expect(lastPageQuery(listResults)).toEqual({
        jobId: job.jobId,
        filter: { outcomes: ['failed'], classes: ['row'], text: 'persona7@', lang: 'en' },
        offset: 0,
        limit: 100,
      }),
    );
    await waitFor(() => expect(screen.getByTestId('results-count').textContent).toBe('1 row'));
    expect(screen.getAllByTestId('results-row').map((row) => row.dataset.row)).toEqual(['10']);
  });

  it('records an inline fix with fixRow and shows the row as fixed', async () => {
    const bridge = new FakeBridge();
    const fixRow = vi.spyOn(bridge, 'fixRow');
    const job = openResults(bridge);
    const first = (await shownRows())[0] as HTMLElement;
    const failedCell = within(first).getByRole('button', {
      name: / — Correo, row 3 \(the problem is here\)$/,
    });
    expect(failedCell.dataset.failed).toBe('true');
    expect(within(first).getByRole('button', { name: / — Ciudad, row 3$/ }).dataset.failed).toBeUndefined();
    await user.click(failedCell);
    const input = screen.getByRole('textbox', { name: 'Edit Correo in row 3' });
    await user.clear(input);
    await user.type(input, 'ana@example.com{Enter}');

    await waitFor(() => expect(fixRow).toHaveBeenCalledTimes(1));
    expect(fixRow).toHaveBeenCalledWith({
      jobId: job.jobId,
      index: 0,
      values: {
        Asunto: 'No llega la factura',
        Estado: 'Abierto',
        Prioridad: 'Alta',
        Correo: 'ana@example.com',
        Responsable: 'luis@demo',
        Ciudad: 'Cali',
      },
    });
    const fixedRow = (await shownRows())[0] as HTMLElement;
    await waitFor(() => expect(within(fixedRow).getByText('Fixed')).toBeTruthy());
    expect(within(fixedRow).getByRole('button', { name: / — Correo, row 3 \(/ }).textContent).toBe(
      'ana@example.com',
    );
  });

  it('gives up an edit with Escape without calling the engine', async () => {
    const bridge = new FakeBridge();
    const fixRow = vi.spyOn(bridge, 'fixRow');
    openResults(bridge);
    const first = (await shownRows())[0] as HTMLElement;
    await user.click(within(first).getByRole('button', { name: / — Ciudad, row 3$/ }));
    await user.type(screen.getByRole('textbox', { name: 'Edit Ciudad in row 3' }), 'xyz{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Edit Ciudad in row 3' })).toBeNull();
    expect(fixRow).not.toHaveBeenCalled();
  });

  it('retries the failed rows at once, and the uncertain ones only after a confirmation', async () => {
    const bridge = new FakeBridge();
    const retryJob = vi.spyOn(bridge, 'retryJob');
    const job = openResults(bridge);
    await shownRows();

    await user.click(screen.getByTestId('results-retry-uncertain'));
    const modal = await screen.findByRole('dialog', { name: 'Send the uncertain rows again?' });
    expect(modal.textContent).toContain('may already have created these 3 uncertain rows');
    expect(retryJob).not.toHaveBeenCalled();
    await user.click(within(modal).getByTestId('results-retry-uncertain-modal-cancel'));
    expect(retryJob).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('results-retry-uncertain'));
    await user.click(
      within(await screen.findByRole('dialog')).getByTestId('results-retry-uncertain-modal-confirm'),
    );
    await waitFor(() => expect(retryJob).toHaveBeenCalledWith({ jobId: job.jobId, includeUncertain: true }));
    expect((await screen.findByTestId('run-screen')).dataset.status).toBe('running');
  });

  it('retries the failed rows with the mapping changed since the run', async () => {
    const bridge = new FakeBridge();
    const retryJob = vi.spyOn(bridge, 'retryJob');
    const info = await bridge.openFile({ path: '/fake/casos.csv' });
    const job = bridge.addJob({ ok: 1, failed: 2, uncertain: 0 });
    const template: Template = {
      version: 1,
      name: 'casos',
      target: 'wolkvox-crm-cases',
      connection: { server: 'sandbox', operation: 'demo' },
      columns: { Asunto: 'description', Estado: 'status' },
      constants: {},
      valueMaps: {},
      dateFormats: {},
      file: {},
    };
    renderAt(bridge, {
      step: 'results',
      connectionId: SANDBOX.id,
      target: SANDBOX.target,
      file: { info, options: {} },
      template,
      jobId: job.jobId,
      jobUsesTemplate: true,
    });
    await shownRows();

    await user.click(screen.getByTestId('results-change-mapping'));
    expect(await screen.findByTestId('map-retry-note')).toBeTruthy();
    await user.type(screen.getByTestId('map-value-new-from-status'), 'En espera');
    await user.type(screen.getByTestId('map-value-new-to-status'), 'open');
    await user.click(screen.getByTestId('map-value-add-status'));
    await user.click(screen.getByTestId('map-back-to-results'));

    await user.click(await screen.findByTestId('results-retry-failed'));
    await waitFor(() => expect(retryJob).toHaveBeenCalledTimes(1));
    expect(retryJob).toHaveBeenCalledWith({
      jobId: job.jobId,
      includeUncertain: false,
      template: { ...template, valueMaps: { status: { 'En espera': 'open' } } },
    });
  });

  it('opens a row in full, where its values can be fixed too', async () => {
    const bridge = new FakeBridge();
    const fixRow = vi.spyOn(bridge, 'fixRow');
    const job = openResults(bridge, { ok: 0, failed: 2, uncertain: 0 });
    const second = (await shownRows())[1] as HTMLElement;
    await user.click(within(second).getByRole('button', { name: 'Show row 4 in full' }));
    const details = await screen.findByRole('region', { name: 'Row 4' });
    expect(within(details).getByTestId('results-panel-source').textContent).toBe('The CRM’s answer');
    expect(within(details).getByTestId('results-details-explanation').textContent).toBe(
      'wolkvox rejected a value of this row. Its message says: "contact not found". Fix the field or value it names and retry the row.',
    );
    expect(within(details).getByText('404 · REVIEW THE ERROR MESSAGE')).toBeTruthy();
    await user.click(within(details).getByRole('button', { name: / — Responsable, row 4$/ }));
    await user.type(within(details).getByRole('textbox', { name: 'Edit Responsable in row 4' }), '2{Enter}');
    await waitFor(() =>
      expect(fixRow).toHaveBeenCalledWith(expect.objectContaining({ jobId: job.jobId, index: 1 })),
    );
    expect(fixRow.mock.calls[0]?.[0].values.Responsable).toBe('luis@demo2');
    await waitFor(() =>
      expect(within(details).getByRole('button', { name: / — Responsable, row 4$/ }).textContent).toBe(
        'luis@demo2',
      ),
    );
  });

  it('explains the rows in Spanish for a Spanish-speaking operator', async () => {
    const bridge = new FakeBridge();
    const job = bridge.addJob({ ok: 0, failed: 1, uncertain: 1 });
    renderAt(
      bridge,
      { step: 'results', connectionId: SANDBOX.id, target: SANDBOX.target, jobId: job.jobId },
      'es',
    );
    const rows = await shownRows();
    expect(within(rows[0] as HTMLElement).getByTestId('results-explanation').textContent).toBe(
      'Revisión de Carga (no se envió): Fila 3, columna «Correo»: «persona0@example» no parece un correo electrónico (nombre@dominio.com). Corríjalo en el archivo.',
    );
    expect(within(rows[1] as HTMLElement).getByText('Incierta')).toBeTruthy();
    expect(screen.getByTestId('results-count').textContent).toBe('2 filas');
  });

  it('downloads each report behind the web door: errors, loaded rows with their CRM id, failed rows', async () => {
    const bridge = new FakeBridge();
    const deliverReport = vi.spyOn(bridge, 'deliverReport');
    const job = openResults(bridge);
    for (const [kind, format] of [
      ['errors', 'xlsx'],
      ['accepted', 'csv'],
      ['failed-rows', 'csv'],
    ] as const) {
      await user.click(await screen.findByTestId('results-export'));
      await user.click(await screen.findByTestId(`results-export-${kind}-${format}`));
      await waitFor(() =>
        expect(deliverReport).toHaveBeenLastCalledWith({ jobId: job.jobId, kind, format, lang: 'en' }),
      );
      await waitFor(() =>
        expect(screen.getByTestId('results-export-downloaded').textContent).toBe(
          `Downloaded: ${job.jobId}-${kind}.${format}`,
        ),
      );
    }
    expect(screen.queryByTestId('results-show-in-folder')).toBeNull();
  });

  it('in the app, says where a report was saved and shows it in its folder', async () => {
    const bridge = new FakeBridge();
    bridge.savesReports = true;
    const job = openResults(bridge);
    await user.click(await screen.findByTestId('results-export'));
    const errorReport = await screen.findByRole('group', { name: 'Error report' });
    await user.click(within(errorReport).getByRole('menuitem', { name: 'CSV' }));
    const path = `/home/operador/Carga/${job.jobId}-errors.csv`;
    expect((await screen.findByTestId('results-export-path')).textContent).toBe(`Saved at ${path}`);
    await user.click(screen.getByRole('button', { name: 'Show in folder' }));
    await waitFor(() => expect(bridge.shownInFolder).toEqual([path]));
  });

  it('pages 100,000 failed rows on demand, keeping only the rows in view in the page', async () => {
    const bridge = new FakeBridge();
    const listResults = vi.spyOn(bridge, 'listResults');
    openResults(bridge, { ok: 0, failed: 100_000, uncertain: 0 });
    const rows = await shownRows();
    expect(screen.getByTestId('results-table').dataset.total).toBe('100000');
    expect(rows.length).toBeLessThan(60);
    const pages = () => listResults.mock.calls.filter(([input]) => input.limit > 1).map(([input]) => input);
    // The first page, then the next one ahead of the scroll.
    expect(pages().map((input) => [input.offset, input.limit])).toEqual([
      [0, 100],
      [100, 100],
    ]);

    const viewport = screen.getByTestId('results-table');
    viewport.scrollTop = ROW_HEIGHT * 50_000;
    fireEvent.scroll(viewport);
    await waitFor(() =>
      expect(screen.getAllByTestId('results-row').some((row) => row.dataset.row === '50003')).toBe(true),
    );
    // The pages in view, then the page on either side, ready before they scroll into view.
    expect(pages().map((input) => input.offset)).toEqual([0, 100, 49_900, 50_000, 49_800, 50_100]);
    expect(screen.getAllByTestId('results-row').length).toBeLessThan(60);
  });
});

describe('Results an operator can act on', () => {
  it('filters every outcome, with its count; accepted rows show their CRM id', async () => {
    const bridge = new FakeBridge();
    openResults(bridge, { ok: 2, failed: 1, uncertain: 0 });
    await shownRows();
    const chip = screen.getByTestId('results-filter-outcome-ok');
    expect(chip.closest('.mantine-Chip-root')?.textContent).toBe('Sent (2)');
    for (const outcome of ['failed', 'uncertain', 'skipped', 'pending'])
      expect(screen.getByTestId(`results-filter-outcome-${outcome}`)).toBeTruthy();
    await user.click(screen.getByTestId('results-filter-outcome-failed'));
    await user.click(chip);
    await waitFor(() => expect(screen.getByTestId('results-count').textContent).toBe('2 rows'));
    const rows = screen.getAllByTestId('results-row');
    expect(rows.map((row) => row.dataset.outcome)).toEqual(['ok', 'ok']);
    expect(within(rows[0] as HTMLElement).getByText('C-1001')).toBeTruthy();
    await user.click(within(rows[0] as HTMLElement).getByRole('button', { name: 'Show row 4 in full' }));
    const panel = await screen.findByRole('region', { name: 'Row 4' });
    expect(within(panel).getByTestId('results-panel-crm-id').textContent).toBe('CRM ID: C-1001');
  });

  it('searches the accepted rows by any of their values, asking the engine in the operator’s language', async () => {
    const bridge = new FakeBridge();
    const listResults = vi.spyOn(bridge, 'listResults');
    const job = openResults(bridge, { ok: 40, failed: 5, uncertain: 0 });
    await shownRows();
    await user.click(screen.getByTestId('results-filter-outcome-failed'));
    await user.click(screen.getByTestId('results-filter-outcome-uncertain'));
    await user.click(screen.getByTestId('results-filter-outcome-ok'));
    await user.type(screen.getByTestId('results-filter-text'), 'persona20@');
    await waitFor(() =>
      expect(lastPageQuery(listResults)).toEqual({
        jobId: job.jobId,
        filter: { outcomes: ['ok'], text: 'persona20@', lang: 'en' },
        offset: 0,
        limit: 100,
      }),
    );
    await waitFor(() => expect(screen.getByTestId('results-count').textContent).toBe('1 row'));
    const [row] = screen.getAllByTestId('results-row');
    expect([row?.dataset.row, row?.dataset.outcome]).toEqual(['23', 'ok']);
    expect(within(row as HTMLElement).getByText('persona20@example')).toBeTruthy();
    expect(within(row as HTMLElement).getByText('C-1020')).toBeTruthy();

    // Its CRM id finds it too.
    await user.clear(screen.getByTestId('results-filter-text'));
    await user.type(screen.getByTestId('results-filter-text'), 'C-1021');
    await waitFor(() =>
      expect(screen.getAllByTestId('results-row').map((shown) => shown.dataset.row)).toEqual(['24']),
    );
  });

  it('tells Carga’s check from the CRM’s answer, and keeps the CRM’s own words as a detail', async () => {
    const bridge = new FakeBridge();
    openResults(bridge, { ok: 0, failed: 2, uncertain: 0 });
    const rows = await shownRows();
    await user.click(within(rows[0] as HTMLElement).getByRole('button', { name: 'Show row 3 in full' }));
    let panel = await screen.findByRole('region', { name: 'Row 3' });
    expect(within(panel).getByTestId('results-panel-source').textContent).toBe('Carga’s check');
    expect(within(panel).getByText('What Carga’s check found before sending')).toBeTruthy();
    expect(within(panel).queryByTestId('results-panel-answer')).toBeNull();

    await user.click(within(rows[1] as HTMLElement).getByRole('button', { name: 'Show row 4 in full' }));
    panel = await screen.findByRole('region', { name: 'Row 4' });
    expect(within(panel).getByText('What the CRM answered, explained')).toBeTruthy();
    const answer = within(panel).getByTestId('results-panel-answer');
    expect(answer.tagName).toBe('DETAILS');
    expect(answer.textContent).toBe('The CRM’s original answer404 · REVIEW THE ERROR MESSAGE');
  });

  it('keeps the row’s whole explanation beside it while its cells are fixed in the list', async () => {
    const bridge = new FakeBridge();
    openResults(bridge, { ok: 0, failed: 3, uncertain: 0 });
    const rows = await shownRows();
    await user.click(within(rows[0] as HTMLElement).getByRole('button', { name: 'Show row 3 in full' }));
    const panel = await screen.findByRole('region', { name: 'Row 3' });
    // Not a dialog: the list stays usable beside it.
    expect(screen.queryByRole('dialog')).toBeNull();
    const explanation = within(panel).getByTestId('results-details-explanation').textContent;
    expect(explanation).toContain('does not look like an e-mail address');
    expect(within(panel).getByText('The problem is here')).toBeTruthy();

    await user.click(within(rows[0] as HTMLElement).getByRole('button', { name: / — Correo, row 3 \(/ }));
    await user.type(screen.getByRole('textbox', { name: 'Edit Correo in row 3' }), 'x{Enter}');
    await waitFor(() =>
      expect(within(panel).getByTestId('results-panel-sent').textContent).toBe(
        'Sent last time: persona0@example',
      ),
    );
    expect(screen.getByRole('region', { name: 'Row 3' })).toBe(panel);
    expect(within(panel).getByTestId('results-details-explanation').textContent).toBe(explanation);

    // Escape closes it and the keyboard is back in the list.
    within(panel).getByRole('heading', { name: 'Row 3' }).focus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Row 3' })).toBeNull();
    expect(document.activeElement?.closest('[role="grid"]')).toBeTruthy();
  });

  it('tells the quota each retry choice needs with its own rows: the corrected ones fit today, all failed need days', async () => {
    const bridge = new FakeBridge();
    const job = openResults(bridge, { ok: 0, failed: 3, uncertain: 0 });
    const rows = await shownRows();
    // The pass that just ended measured the token's quota: 2 requests left today, 1 a day.
    act(() =>
      bridge.emit({
        type: 'job-progress',
        progress: {
          jobId: job.jobId,
          status: 'finished',
          total: 3,
          ok: 0,
          failed: 3,
          uncertain: 0,
          pending: 0,
          skipped: 0,
          requests: 3,
          rate: 0,
          etaSeconds: null,
          quotaLeft: 2,
          dailyQuota: 1,
          quotaResetsAt: '2026-12-01T00:07:32.487Z',
        },
      }),
    );
    const failed = await screen.findByTestId('results-retry-estimate-failed');
    expect(failed.textContent).toMatch(/^All failed rows — 3 rows: about 2 days at 1 a day; next reset /);
    expect(screen.queryByTestId('results-retry-estimate-corrected')).toBeNull();

    await user.click(within(rows[1] as HTMLElement).getByRole('button', { name: / — Ciudad, row 4$/ }));
    await user.type(screen.getByRole('textbox', { name: 'Edit Ciudad in row 4' }), 'x{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('results-retry-estimate-corrected').textContent).toBe(
        'Only the rows I corrected — 1 row: it fits today’s quota',
      ),
    );
    expect(screen.getByTestId('results-retry-estimate-failed').textContent).toMatch(/3 rows: about 2 days/);
  });

  it('retries only the rows corrected, or all failed rows, each with its count', async () => {
    const bridge = new FakeBridge();
    const retryJob = vi.spyOn(bridge, 'retryJob');
    const job = openResults(bridge, { ok: 0, failed: 3, uncertain: 0 });
    const rows = await shownRows();
    const corrected = await screen.findByTestId('results-retry-corrected');
    await waitFor(() => expect(corrected.textContent).toBe('Retry only the rows I corrected (0)'));
    expect(corrected.hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('results-retry-failed').textContent).toBe('Retry all failed rows (3)');

    await user.click(within(rows[1] as HTMLElement).getByRole('button', { name: / — Ciudad, row 4$/ }));
    await user.type(screen.getByRole('textbox', { name: 'Edit Ciudad in row 4' }), 'x{Enter}');
    await waitFor(() => expect(corrected.textContent).toBe('Retry only the rows I corrected (1)'));
    await user.click(corrected);
    await waitFor(() =>
      expect(retryJob).toHaveBeenCalledWith({
        jobId: job.jobId,
        includeUncertain: false,
        onlyCorrected: true,
      }),
    );
  });
});

describe('Results of a workbook', () => {
  const DATE = '2026-11-01T14:30:00';

  /** A workbook job whose rows carry a date cell, as the engine reads it (ISO text). */
  function openWorkbookResults(bridge: FakeBridge, lang: 'es' | 'en') {
    const job = bridge.addJob(
      { ok: 1, failed: 1, uncertain: 0 },
      { fileName: 'casos.xlsx', fileKind: 'xlsx' },
    );
    const rows: ResultRow[] = [
      {
        row: 3,
        index: 0,
        outcome: 'failed',
        failureClass: 'validation',
        code: 'invalid-date',
        explanation: msg('validation.date-format-mismatch', {
          row: 3,
          column: 'Fecha',
          value: DATE,
          format: 'dd/mm/yyyy',
        }),
        failedColumn: 'Fecha',
        values: { Nombre: 'Ana', Fecha: DATE },
        fixed: false,
      },
      {
        row: 4,
        index: 1,
        outcome: 'ok',
        crmId: 'C-9',
        values: { Nombre: 'Luis', Fecha: '2026-12-24' },
        fixed: false,
      },
    ];
    vi.spyOn(bridge, 'listResults').mockImplementation(async ({ offset }) => ({
      total: rows.length,
      offset,
      rows: offset === 0 ? rows : [],
    }));
    renderAt(
      bridge,
      { step: 'results', connectionId: SANDBOX.id, target: SANDBOX.target, jobId: job.jobId },
      lang,
    );
    return job;
  }

  it('shows its dates as the operator reads dates in the list, the panel and the explanation, never as ISO text', async () => {
    const bridge = new FakeBridge();
    openWorkbookResults(bridge, 'es');
    const rows = await shownRows();
    const failed = rows[0] as HTMLElement;
    expect(within(failed).getByRole('button', { name: /Fecha, fila 3/ }).textContent).toBe(
      '01/11/2026 14:30',
    );
    expect(within(failed).getByTestId('results-explanation').textContent).toContain('«01/11/2026 14:30»');
    expect(within(rows[1] as HTMLElement).getByText('24/12/2026')).toBeTruthy();
    expect(screen.getByTestId('results-screen').textContent).not.toContain('2026-11-01');

    await user.click(within(failed).getByRole('button', { name: 'Ver la fila 3 completa' }));
    const details = await screen.findByRole('region', { name: 'Fila 3' });
    expect(within(details).getByTestId('results-details-explanation').textContent).toContain(
      '«01/11/2026 14:30»',
    );
    expect(within(details).getByRole('button', { name: /Fecha, fila 3/ }).textContent).toBe(
      '01/11/2026 14:30',
    );
  });

  it('edits a date from the text shown, and keeps a date typed that way as the workbook keeps dates', async () => {
    const bridge = new FakeBridge();
    const fixRow = vi.spyOn(bridge, 'fixRow');
    const job = openWorkbookResults(bridge, 'en');
    const failed = (await shownRows())[0] as HTMLElement;
    await user.click(within(failed).getByRole('button', { name: /Fecha, row 3/ }));
    const input = within(failed).getByRole('textbox', { name: 'Edit Fecha in row 3' }) as HTMLInputElement;
    expect(input.value).toBe('11/01/2026 02:30 PM');
    await user.clear(input);
    await user.type(input, '11/02/2026 09:00 AM{Enter}');
    await waitFor(() =>
      expect(fixRow).toHaveBeenCalledWith({
        jobId: job.jobId,
        index: 0,
        values: { Nombre: 'Ana', Fecha: '2026-11-02T09:00:00' },
      }),
    );
  });
});
