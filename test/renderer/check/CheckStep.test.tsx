import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { Template } from '../../../shared/contract';
import { msg } from '../../../shared/messages/catalog';
import { CHECK_RESULT, FakeBridge, SANDBOX } from '../../support/fake-engine';
import { renderAt } from '../render-app';

const user = userEvent.setup({ delay: null });

const template: Template = {
  version: 1,
  name: 'casos',
  target: 'wolkvox-crm-cases',
  connection: { server: 'sandbox', operation: 'demo' },
  columns: {
    Asunto: 'description',
    Estado: 'status',
    Prioridad: 'priority',
    Correo: 'contact',
    Responsable: 'responsible',
  },
  constants: { 'case-type': 'Request', owner: 'admin@demo' },
  valueMaps: {},
  dateFormats: {},
  file: {},
};

async function openCheck(bridge: FakeBridge) {
  const info = await bridge.openFile({ path: '/fake/casos.csv' });
  renderAt(bridge, {
    step: 'check',
    connectionId: SANDBOX.id,
    target: SANDBOX.target,
    file: { info, options: {} },
    template,
  });
  return screen.findByTestId('check-screen');
}

describe('Check step', () => {
  it('checks every row, then counts problems by kind with example rows and the requests needed', async () => {
    const bridge = new FakeBridge();
    const checkFile = vi.spyOn(bridge, 'checkFile');
    const screenElement = await openCheck(bridge);
    await waitFor(() => expect(screenElement.dataset.state).toBe('done'));
    expect(checkFile).toHaveBeenCalledWith({
      checkId: expect.stringMatching(/^check-/),
      path: '/fake/casos.csv',
      options: {},
      template,
      connectionId: 'sandbox-cases',
    });
    expect(screen.getByTestId('check-invalid').textContent).toContain('1');
    expect(screen.getByTestId('check-requests').textContent).toContain('2');
    expect(screen.getByTestId('check-kind-invalid-email').textContent).toContain('Invalid e-mail');
    const example = within(screen.getByTestId('check-examples')).getAllByTestId('check-example');
    expect(example).toHaveLength(1);
    expect(example[0]?.textContent).toContain('carla@example');
    expect(example[0]?.textContent).toContain(
      'Row 5, column «Correo»: «carla@example» does not look like an e-mail address',
    );
  });

  it('says how many more requests finding the rows of a refused batch may cost, only when it may', async () => {
    const bridge = new FakeBridge();
    const screenElement = await openCheck(bridge);
    await waitFor(() => expect(screenElement.dataset.state).toBe('done'));
    expect(screen.queryByTestId('check-refused-batch-search')).toBeNull();

    const records = new FakeBridge();
    vi.spyOn(records, 'checkFile').mockResolvedValue({ ...CHECK_RESULT, refusedBatchSearch: 28 });
    await openCheck(records);
    expect((await screen.findByTestId('check-refused-batch-search')).textContent).toBe(
      'If the CRM refuses a whole batch for one row, Carga spends up to 28 more requests on that batch to find and name the refused rows.',
    );
  });

  it('starts the import and shows it running', async () => {
    const bridge = new FakeBridge();
    const startJob = vi.spyOn(bridge, 'startJob');
    const screenElement = await openCheck(bridge);
    await waitFor(() => expect(screenElement.dataset.state).toBe('done'));
    await user.click(screen.getByTestId('start-import'));
    expect(startJob).toHaveBeenCalledWith({
      path: '/fake/casos.csv',
      options: {},
      template,
      connectionId: 'sandbox-cases',
    });
    expect((await screen.findByTestId('run-screen')).dataset.status).toBe('running');
    expect(screen.getByTestId('step-run').getAttribute('aria-current')).toBe('step');
  });

  describe('rows the destination already has', () => {
    async function openWithAlreadySent(bridge: FakeBridge) {
      vi.spyOn(bridge, 'checkFile').mockResolvedValue({
        ...CHECK_RESULT,
        alreadySent: 2,
        alreadySentFrom: [{ jobId: '20261102-100000-aaaa', at: '2026-11-02T10:00:00.000Z', rows: 2 }],
      });
      const screenElement = await openCheck(bridge);
      await waitFor(() => expect(screenElement.dataset.state).toBe('done'));
    }

    it('says how many, when and from which job, and skips them by default', async () => {
      const bridge = new FakeBridge();
      const startJob = vi.spyOn(bridge, 'startJob');
      await openWithAlreadySent(bridge);
      const notice = screen.getByTestId('check-already-sent');
      expect(notice.textContent).toContain('2 rows were already imported to this destination on');
      expect(notice.textContent).toContain('(job 20261102-100000-aaaa)');
      expect(notice.textContent).toContain('Nov 2, 2026');
      expect(screen.getByTestId('check-already-sent-verdict').textContent).toContain('They will be skipped');
      await user.click(screen.getByTestId('start-import'));
      expect(startJob).toHaveBeenCalledWith({
        path: '/fake/casos.csv',
        options: {},
        template,
        connectionId: 'sandbox-cases',
      });
    });

    it('sends them again only after the operator confirms it, by keyboard too', async () => {
      const bridge = new FakeBridge();
      const startJob = vi.spyOn(bridge, 'startJob');
      await openWithAlreadySent(bridge);
      const sendAgain = screen.getByLabelText('Send them again anyway');

      await user.click(sendAgain);
      expect(await screen.findByText('Send rows the CRM already has?')).toBeTruthy();
      await user.click(screen.getByTestId('confirm-send-again-cancel'));
      await waitFor(() => expect(screen.queryByText('Send rows the CRM already has?')).toBeNull());
      expect((sendAgain as HTMLInputElement).checked).toBe(false);

      sendAgain.focus();
      await user.keyboard(' ');
      await user.click(await screen.findByTestId('confirm-send-again-confirm'));
      await waitFor(() => expect((sendAgain as HTMLInputElement).checked).toBe(true));
      expect(screen.getByTestId('check-already-sent-verdict').textContent).toContain(
        'the CRM will have them twice',
      );
      await user.click(screen.getByTestId('start-import'));
      expect(startJob).toHaveBeenCalledWith({
        path: '/fake/casos.csv',
        options: {},
        template,
        connectionId: 'sandbox-cases',
        allowDuplicates: true,
      });
    });
  });
});

describe('Check of a workbook', () => {
  it('quotes a date cell in its examples as the operator reads dates, not as ISO text', async () => {
    const bridge = new FakeBridge();
    const value = '2026-11-01T14:30:00';
    vi.spyOn(bridge, 'checkFile').mockResolvedValue({
      ...structuredClone(CHECK_RESULT),
      problemCounts: { 'invalid-date': 1 },
      examples: [
        {
          row: 5,
          index: 2,
          column: 'Fecha',
          field: 'date',
          value,
          code: 'invalid-date',
          message: msg('validation.date-format-mismatch', {
            row: 5,
            column: 'Fecha',
            value,
            format: 'excel-serial',
          }),
        },
      ],
    });
    const info = await bridge.openFile({ path: '/fake/casos.xlsx' });
    renderAt(
      bridge,
      {
        step: 'check',
        connectionId: SANDBOX.id,
        target: SANDBOX.target,
        file: { info, options: {} },
        template,
      },
      'es',
    );
    const example = (await screen.findAllByTestId('check-example'))[0] as HTMLElement;
    const cells = within(example).getAllByRole('cell');
    expect(cells[2]?.textContent).toBe('01/11/2026 14:30');
    expect(cells[3]?.textContent).toContain('«01/11/2026 14:30» no está escrita como excel-serial');
    expect(example.textContent).not.toContain(value);
  });
});
